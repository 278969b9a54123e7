// Bundlers replace `process.env.NODE_ENV`; a browser without one throws, read as development.
declare const process: { env: { NODE_ENV?: string } };

let warned = false;

/** Warns once, in a browser in development, that an API key passed to the client is exposed. */
export function warnBrowserKey(): void {
  try {
    if (warned || typeof document === 'undefined' || process.env.NODE_ENV === 'production') return;
  } catch {
    // No bundler: development.
  }
  warned = true;
  console.warn(
    '[aitre] apiKey passed in a browser: anyone using this page can read it. Keep it on a server behind createProxy() from @aitre/core/server.',
  );
}
