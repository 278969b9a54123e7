import {
  attachRules,
  connectionListed,
  forwardsRequestHeader,
  forwardsResponseHeader,
  hasBody,
  type ProxyFailure,
  proxyError,
  resolveProxyRules,
  streamHeaders,
} from './proxyRules.js';

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
  /**
   * The fetch used upstream (tests, instrumentation); default the global `fetch`. Without it,
   * `nodeAdapter` forwards with node:http instead of fetch.
   */
  fetch?: typeof fetch;
}

/** A web-standard request handler: Next.js route handlers, Hono, Bun, Deno, workers. */
export type ProxyHandler = (request: Request) => Promise<Response>;

// On the web path fetch computes the length and negotiates only encodings it can decode, and
// hands back a decoded body, to which the gateway's encoding and length no longer apply.
const FETCH_SETS_REQUEST = new Set(['content-length', 'accept-encoding']);
const FETCH_DECODED = new Set(['content-encoding', 'content-length']);

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
  const rules = resolveProxyRules(options);

  const handler: ProxyHandler = async (request) => {
    const url = new URL(request.url);
    const target = rules.target(url);
    if (target === undefined) return errorResponse('not_found', url.pathname);

    const headers = new Headers();
    const listed = connectionListed(request.headers.get('connection'));
    request.headers.forEach((value, name) => {
      if (forwardsRequestHeader(name, listed) && !FETCH_SETS_REQUEST.has(name)) {
        headers.append(name, value);
      }
    });
    for (const [name, value] of rules.setHeaders) headers.set(name, value);

    const init: RequestInit & { duplex?: 'half' } = {
      method: request.method,
      headers,
      signal: request.signal,
      redirect: 'manual',
    };
    if (request.body !== null && hasBody(request.method)) {
      // Stream the upload through; `duplex: 'half'` is what fetch requires for a stream body.
      init.body = request.body;
      init.duplex = 'half';
    }

    let upstream: Response;
    try {
      upstream = await (rules.fetch ?? fetch)(`${rules.base}${target}`, init);
    } catch {
      return errorResponse(request.signal.aborted ? 'client_closed' : 'bad_gateway', url.pathname);
    }

    const responseHeaders = new Headers();
    upstream.headers.forEach((value, name) => {
      if (forwardsResponseHeader(name) && !FETCH_DECODED.has(name)) {
        responseHeaders.append(name, value);
      }
    });
    for (const [name, value] of streamHeaders(upstream.headers.get('content-type'))) {
      responseHeaders.set(name, value);
    }
    return new Response(upstream.body, {
      status: upstream.status,
      statusText: upstream.statusText,
      headers: responseHeaders,
    });
  };
  return attachRules(handler, rules);
}

/** One of the proxy's own answers as a Response. */
function errorResponse(failure: ProxyFailure, pathname: string): Response {
  const { status, headers, body } = proxyError(failure, pathname);
  return new Response(body, { status, headers });
}
