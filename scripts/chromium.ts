// The Chromium the browser scripts drive: Debian's, with the flags TOOLCHAIN.md lists (this
// machine refuses background connections, and there is no GPU).

/** The Chromium binary: `CHROMIUM_PATH`, or Debian's package. */
// biome-ignore lint/suspicious/noUndeclaredEnvVars: plain scripts, not turbo tasks; the e2e harness imports this file
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch flags for headless runs on a machine without a GPU or outside network. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
