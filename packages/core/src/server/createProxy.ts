/** Options of {@link createProxy}. */
export interface ProxyOptions {
  /** Gateway root, e.g. `https://gateway.example`; a trailing `/` or `/v1` is tolerated. */
  baseURL: string;
  /** The gateway key: sent upstream as `Authorization: Bearer <apiKey>`, never to browsers. */
  apiKey: string;
  /**
   * Path prefixes that are forwarded; anything else answers 404. Default: `/v1/`, `/mj/`,
   * `/mj-fast/mj/`, `/mj-relax/mj/` and `/mj-turbo/mj/`.
   */
  allow?: readonly string[];
  /** Where the handler is mounted, e.g. `/api/aitre`: stripped before matching and forwarding. */
  basePath?: string;
  /** Extra headers for every upstream request; they win over the caller's. */
  headers?: Record<string, string>;
  /** The fetch used upstream (tests, instrumentation); default the global `fetch`. */
  fetch?: typeof fetch;
}

/** A web-standard request handler: Next.js route handlers, Hono, Bun, Deno, workers. */
export type ProxyHandler = (request: Request) => Promise<Response>;

const DEFAULT_ALLOW = ['/v1/', '/mj/', '/mj-fast/mj/', '/mj-relax/mj/', '/mj-turbo/mj/'];

// Credentials of the caller and hop-by-hop headers (RFC 9110 §7.6.1) never go upstream; fetch
// computes host and content-length itself, and negotiates only encodings it can decode.
const DROP_REQUEST = new Set([
  'authorization',
  'cookie',
  'mj-api-secret',
  'host',
  'content-length',
  'accept-encoding',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

// fetch has already decoded the body, so its encoding and length no longer apply.
const DROP_RESPONSE = new Set([
  'content-encoding',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'trailer',
]);

// An encoded slash, backslash or dot could turn into a path outside the allow-list upstream.
const SMUGGLED = /%2f|%5c|%2e/i;

/**
 * Creates a handler that forwards the gateway API (`/v1/*`, `/mj/*`) to `baseURL` with the API
 * key added server-side, streaming request and response bodies without buffering.
 *
 * @example
 * // app/api/aitre/[...path]/route.ts (Next.js); the browser client uses baseURL '/api/aitre'
 * const proxy = createProxy({
 *   baseURL: process.env.AITRE_BASE_URL!,
 *   apiKey: process.env.AITRE_API_KEY!,
 *   basePath: '/api/aitre',
 * });
 * export { proxy as GET, proxy as POST };
 */
export function createProxy(options: ProxyOptions): ProxyHandler {
  const base = options.baseURL.replace(/\/+$/, '').replace(/\/v1$/, '');
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const allow = (options.allow ?? DEFAULT_ALLOW).map((prefix) =>
    prefix.endsWith('/') ? prefix : `${prefix}/`,
  );
  const extraHeaders = Object.entries(options.headers ?? {});
  const authorization = `Bearer ${options.apiKey}`;

  const allowed = (path: string): boolean =>
    !SMUGGLED.test(path) &&
    allow.some((prefix) => path.startsWith(prefix) || `${path}/` === prefix);

  return async (request) => {
    const url = new URL(request.url);
    let path = url.pathname;
    if (basePath !== '') {
      path = path.startsWith(`${basePath}/`) ? path.slice(basePath.length) : '';
    }
    if (!allowed(path)) {
      return errorResponse(
        404,
        'invalid_request_error',
        `${url.pathname} is not forwarded by this proxy`,
        'not_found',
      );
    }

    const headers = new Headers();
    const hopByHop = connectionTokens(request.headers);
    request.headers.forEach((value, name) => {
      if (!DROP_REQUEST.has(name) && !name.startsWith('proxy-') && !hopByHop.has(name)) {
        headers.append(name, value);
      }
    });
    for (const [name, value] of extraHeaders) headers.set(name, value);
    headers.set('authorization', authorization);

    const init: RequestInit & { duplex?: 'half' } = {
      method: request.method,
      headers,
      signal: request.signal,
      redirect: 'manual',
    };
    if (request.body !== null && request.method !== 'GET' && request.method !== 'HEAD') {
      // Stream the upload through; `duplex: 'half'` is what fetch requires for a stream body.
      init.body = request.body;
      init.duplex = 'half';
    }

    let upstream: Response;
    try {
      upstream = await (options.fetch ?? fetch)(`${base}${path}${url.search}`, init);
    } catch {
      if (request.signal.aborted) {
        return errorResponse(
          499,
          'invalid_request_error',
          'the client closed the request',
          'client_closed_request',
        );
      }
      return errorResponse(
        502,
        'upstream_error',
        'the gateway could not be reached',
        'bad_gateway',
      );
    }

    const responseHeaders = new Headers();
    upstream.headers.forEach((value, name) => {
      if (!DROP_RESPONSE.has(name)) responseHeaders.append(name, value);
    });
    if (upstream.headers.get('content-type')?.startsWith('text/event-stream')) {
      // Ask reverse proxies (nginx) and CDNs not to buffer or compress the stream.
      responseHeaders.set('cache-control', 'no-cache, no-transform');
      responseHeaders.set('x-accel-buffering', 'no');
    }
    return new Response(upstream.body, {
      status: upstream.status,
      statusText: upstream.statusText,
      headers: responseHeaders,
    });
  };
}

/** Header names listed in `Connection`, which are hop-by-hop as well. */
function connectionTokens(headers: Headers): Set<string> {
  const value = headers.get('connection');
  if (value === null) return new Set();
  return new Set(value.split(',').map((token) => token.trim().toLowerCase()));
}

/** An error in the OpenAI shape, so clients classify it like any gateway error. */
function errorResponse(status: number, type: string, message: string, code: string): Response {
  const body = { error: { message, type, param: null, code } };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
