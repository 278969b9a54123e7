// Bundlers replace `process.env.NODE_ENV`; a browser without one throws, read as development.
declare const process: { env: { NODE_ENV?: string } };

let warned = false;

function isBrowser(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined';
}

function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
}

/** Warns once, in a browser in development, that an API key passed to the client is exposed. */
export function warnBrowserKey(): void {
  if (warned || !isBrowser() || !isDevelopment()) return;
  warned = true;
  console.warn(
    '[aitre] An apiKey was passed to createClient in a browser: anyone using this page can read it. ' +
      'Keep the key on a server and point the client at createProxy() from @aitre/core/server.',
  );
}
