let warned = false;

/** Warns once, in a browser, that an API key passed to the client is exposed. */
export function warnBrowserKey(): void {
  if (warned || typeof document === 'undefined') return;
  warned = true;
  console.warn(
    '[aitre] An apiKey was passed to createClient in a browser: anyone using this page can read it. ' +
      'Keep the key on a server and point the client at createProxy() from @aitre/core/server.',
  );
}
