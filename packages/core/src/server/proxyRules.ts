import type { ProxyHandler, ProxyOptions } from './createProxy.js';
import { imageOriginMatcher } from './imageOriginMatcher.js';

// What the proxy forwards and how, in one place for both ways of forwarding: the web path
// (createProxy's handler, fetch upstream) and the Node path (nodeForward, node:http upstream).

/** A proxy's options, resolved once when it is created. */
export interface ProxyRules {
  /** Gateway root without a trailing `/` or `/v1`. */
  readonly base: string;
  /** Configured headers with lower-case names, then `authorization`: set last, they win. */
  readonly setHeaders: readonly (readonly [string, string])[];
  /** The fetch given in the options, if any. */
  readonly fetch: typeof fetch | undefined;
  /** Longest wait for the upstream's response headers, in ms; `undefined`: no limit. */
  readonly timeoutMs: number | undefined;
  /** Longest silence between upstream response body chunks, in ms; `undefined`: no limit. */
  readonly idleTimeoutMs: number | undefined;
  /** The path and query to request upstream for an incoming URL; `undefined`: answer 404. */
  target(url: URL): string | undefined;
  /** Whether an image URL's origin is in `imageOrigins`; `undefined` without the option. */
  readonly imageAllowed: ((url: URL) => boolean) | undefined;
  /** Whether a request is for the image route, `<basePath>/image` (GET or HEAD, with `imageOrigins`). */
  isImageRoute(method: string, url: URL): boolean;
}

// As undici's headersTimeout and bodyTimeout, and the gateways' STREAMING_TIMEOUT.
const DEFAULT_TIMEOUT_MS = 300_000;

const DEFAULT_ALLOW = ['/v1/', '/mj/', '/mj-fast/mj/', '/mj-relax/mj/', '/mj-turbo/mj/'];

// An encoded slash, backslash or dot could turn into a path outside the allow-list upstream.
const SMUGGLED = /%2f|%5c|%2e/i;

/** Resolves {@link ProxyOptions} into the rules both forwarding paths apply. */
export function resolveProxyRules(options: ProxyOptions): ProxyRules {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const allow = (options.allow ?? DEFAULT_ALLOW).map((prefix) =>
    prefix.endsWith('/') ? prefix : `${prefix}/`,
  );
  const imageAllowed =
    options.imageOrigins === undefined ? undefined : imageOriginMatcher(options.imageOrigins);
  const setHeaders = Object.entries(options.headers ?? {}).map(
    ([name, value]) => [name.toLowerCase(), value] as const,
  );
  return {
    base: options.baseURL.replace(/\/+$/, '').replace(/\/v1$/, ''),
    setHeaders: [...setHeaders, ['authorization', `Bearer ${options.apiKey}`]],
    fetch: options.fetch,
    timeoutMs: limit('timeoutMs', options.timeoutMs),
    idleTimeoutMs: limit('idleTimeoutMs', options.idleTimeoutMs),
    target(url) {
      let path = url.pathname;
      if (basePath !== '') {
        path = path.startsWith(`${basePath}/`) ? path.slice(basePath.length) : '';
      }
      const allowed =
        !SMUGGLED.test(path) &&
        allow.some((prefix) => path.startsWith(prefix) || `${path}/` === prefix);
      return allowed ? `${path}${url.search}` : undefined;
    },
    imageAllowed,
    isImageRoute: (method, url) =>
      imageAllowed !== undefined &&
      (method === 'GET' || method === 'HEAD') &&
      url.pathname === `${basePath}/image`,
  };
}

/** A timeout option in ms: the default when absent, `undefined` (no limit) for 0 or Infinity. */
function limit(name: string, ms: number | undefined): number | undefined {
  if (ms === undefined) return DEFAULT_TIMEOUT_MS;
  if (Number.isNaN(ms) || ms < 0) {
    throw new RangeError(`${name} must be a number of milliseconds >= 0, got ${ms}`);
  }
  return ms === 0 || ms === Number.POSITIVE_INFINITY ? undefined : ms;
}

// Credentials of the caller and hop-by-hop headers (RFC 9110 §7.6.1) never go upstream; the
// upstream client sets its own host. node:http has already answered `expect: 100-continue`
// and the body follows at once (fetch even refuses the header: curl sends it with uploads).
const DROP_REQUEST = new Set([
  'authorization',
  'cookie',
  'mj-api-secret',
  'host',
  'expect',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

/** Header names listed in a `Connection` header value, which are hop-by-hop as well. */
export function connectionListed(value: string | null | undefined): ReadonlySet<string> {
  if (value == null) return new Set();
  return new Set(value.split(',').map((token) => token.trim().toLowerCase()));
}

/** Whether a request header (lower-case name) may go upstream. */
export function forwardsRequestHeader(name: string, listed: ReadonlySet<string>): boolean {
  return !DROP_REQUEST.has(name) && !name.startsWith('proxy-') && !listed.has(name);
}

const DROP_RESPONSE = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'trailer',
]);

/** Whether a response header (lower-case name) may go back to the caller. */
export function forwardsResponseHeader(name: string): boolean {
  return !DROP_RESPONSE.has(name);
}

/** Headers added to event streams, so reverse proxies (nginx) and CDNs neither buffer nor compress them. */
export function streamHeaders(contentType: string | null | undefined): readonly [string, string][] {
  return contentType?.startsWith('text/event-stream')
    ? [
        ['cache-control', 'no-cache, no-transform'],
        ['x-accel-buffering', 'no'],
      ]
    : [];
}

/** Whether a request with this method carries a body upstream. */
export function hasBody(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

/** The proxy's own answers. */
export type ProxyFailure =
  | 'not_found'
  | 'client_closed'
  | 'bad_gateway'
  | 'upstream_timeout'
  | 'request_timeout'
  | 'invalid_image_url'
  | 'image_origin_not_allowed'
  | 'image_not_found'
  | 'image_unavailable'
  | 'too_many_redirects'
  | 'not_an_image';

/**
 * Status, headers and body of one of the proxy's own answers, in the OpenAI error shape;
 * `subject` is the path a `not_found` names or the origin an `image_origin_not_allowed` names,
 * `timeoutMs` the wait an `upstream_timeout` or a `request_timeout` names.
 */
export function proxyError(
  failure: ProxyFailure,
  subject: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): { status: number; headers: Record<string, string>; body: string } {
  const [status, type, message, code] = answers(failure, subject, timeoutMs);
  const body = { error: { message, type, param: null, code } };
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  // The rest of the stalled upload is never read: the connection cannot carry another request.
  if (failure === 'request_timeout') headers.connection = 'close';
  return { status, headers, body: JSON.stringify(body) };
}

/** One of the proxy's own answers as a Response (see {@link proxyError}). */
export function proxyErrorResponse(
  failure: ProxyFailure,
  subject = '',
  timeoutMs?: number,
): Response {
  const { status, headers, body } = proxyError(failure, subject, timeoutMs);
  return new Response(body, { status, headers });
}

function answers(
  failure: ProxyFailure,
  subject: string,
  timeoutMs: number,
): [status: number, type: string, message: string, code: string] {
  switch (failure) {
    case 'not_found':
      return [
        404,
        'invalid_request_error',
        `${subject} is not forwarded by this proxy`,
        'not_found',
      ];
    case 'client_closed':
      return [
        499,
        'invalid_request_error',
        'the client closed the request',
        'client_closed_request',
      ];
    case 'bad_gateway':
      return [502, 'upstream_error', 'the gateway could not be reached', 'bad_gateway'];
    case 'upstream_timeout':
      return [
        504,
        'upstream_error',
        `the gateway did not answer within ${duration(timeoutMs)}`,
        'upstream_timeout',
      ];
    case 'request_timeout':
      return [
        408,
        'invalid_request_error',
        `the request body stalled for ${duration(timeoutMs)}`,
        'request_timeout',
      ];
    case 'invalid_image_url':
      return [
        400,
        'invalid_request_error',
        'the url parameter must be an absolute http(s) URL',
        'invalid_image_url',
      ];
    case 'image_origin_not_allowed':
      return [
        403,
        'invalid_request_error',
        `images from ${subject} are not allowed by this proxy (imageOrigins)`,
        'image_origin_not_allowed',
      ];
    case 'image_not_found':
      return [
        404,
        'invalid_request_error',
        'the image is gone: links from image services expire within minutes to hours',
        'image_not_found',
      ];
    case 'image_unavailable':
      return [502, 'upstream_error', 'the image host failed to send the image', 'bad_gateway'];
    case 'too_many_redirects':
      return [502, 'upstream_error', 'the image host redirected too often', 'too_many_redirects'];
    case 'not_an_image':
      return [502, 'upstream_error', 'the URL did not answer with an image', 'not_an_image'];
  }
}

const duration = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

// Module-private: only createProxy's handlers carry rules, and only nodeAdapter reads them.
const RULES = Symbol('aitre.proxyRules');

/** Attaches the rules to a handler, so nodeAdapter can forward for it without fetch. */
export function attachRules(handler: ProxyHandler, rules: ProxyRules): ProxyHandler {
  return Object.defineProperty(handler, RULES, { value: rules });
}

/** The rules of a createProxy() handler; `undefined` for any other handler. */
export function rulesOf(handler: ProxyHandler): ProxyRules | undefined {
  return (handler as { [RULES]?: ProxyRules })[RULES];
}
