import { parseURL } from './parseURL.js';

/**
 * A test of whether an image URL's origin is one of `origins` (`https://cdn.example.com`,
 * `http://127.0.0.1:9000`, or `https://*.example.com` for the subdomains of example.com but not
 * example.com itself). Throws a TypeError for an entry that is not such an origin, so a typo
 * fails at start-up rather than as a 403 on every image.
 */
export function imageOriginMatcher(origins: readonly string[]): (url: URL) => boolean {
  const entries = origins.map(parseEntry);
  return (url) =>
    entries.some(
      (entry) =>
        url.protocol === entry.protocol &&
        url.port === entry.port &&
        (entry.suffix === undefined
          ? url.hostname === entry.hostname
          : url.hostname.endsWith(entry.suffix)),
    );
}

interface OriginEntry {
  protocol: string;
  /** '' for the scheme's default port, as URL reports it. */
  port: string;
  hostname: string;
  /** `.example.com` for `*.example.com`. */
  suffix: string | undefined;
}

function parseEntry(origin: string): OriginEntry {
  const wildcard = /^(https?:\/\/)\*\./i.exec(origin);
  // The parent domain stands in for `*` while parsing, so URL normalises it like any host.
  const parsed = parseURL(wildcard ? `${wildcard[1]}${origin.slice(wildcard[0].length)}` : origin);
  const valid =
    parsed !== undefined &&
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.pathname === '/' &&
    parsed.search === '' &&
    parsed.hash === '';
  if (!valid) {
    throw new TypeError(
      `imageOrigins: ${JSON.stringify(origin)} is not an origin such as https://cdn.example.com or https://*.example.com`,
    );
  }
  return {
    protocol: parsed.protocol,
    port: parsed.port,
    hostname: parsed.hostname,
    suffix: wildcard ? `.${parsed.hostname}` : undefined,
  };
}
