/** The URL, or `undefined` when `input` does not parse (URL.parse needs Node 22). */
export function parseURL(input: string, base?: string | URL): URL | undefined {
  try {
    return new URL(input, base);
  } catch {
    return undefined;
  }
}
