import { linkAbort } from './linkAbort.js';
import { proxyImage } from './proxyImage.js';
import {
  attachRules,
  connectionListed,
  forwardsRequestHeader,
  forwardsResponseHeader,
  hasBody,
  proxyErrorResponse,
  resolveProxyRules,
  streamHeaders,
} from './proxyRules.js';
import { rejectOnAbort } from './rejectOnAbort.js';
import { Watchdog } from './Watchdog.js';
import { watchBody } from './watchBody.js';

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
  /**
   * Longest silence in ms before the gateway's response headers, then the upstream request
   * is dropped. Each chunk of request body restarts it. The caller gets 504 when the proxy
   * was waiting on the gateway, and 408 (`request_timeout`) when it was waiting on the
   * caller's own upload. Default 300_000; `0` or `Infinity`: no limit.
   */
  timeoutMs?: number;
  /**
   * Longest silence in ms between chunks of the gateway's response body, then the upstream
   * connection is dropped and the answer cut off. Default 300_000, the gateways' own
   * STREAMING_TIMEOUT; `0` or `Infinity`: no limit.
   */
  idleTimeoutMs?: number;
  /**
   * Origins whose images the proxy fetches for the page at `<basePath>/image?url=<URL>`
   * (`&download=1` adds `content-disposition: attachment`), for image hosts that send no CORS
   * headers or whose links expire: `https://cdn.example.com`, `http://127.0.0.1:9000`, or
   * `https://*.example.com` for every subdomain (not example.com itself unless listed). Each
   * redirect is checked again; no header of the caller's, nor the key, goes to those hosts, and
   * `timeoutMs` / `idleTimeoutMs` apply. Default: none, and the route answers 404.
   */
  imageOrigins?: readonly string[];
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
    if (rules.isImageRoute(request.method, url)) return proxyImage(request, url, rules);
    const target = rules.target(url);
    if (target === undefined) return proxyErrorResponse('not_found', url.pathname);

    const headers = new Headers();
    const listed = connectionListed(request.headers.get('connection'));
    request.headers.forEach((value, name) => {
      if (forwardsRequestHeader(name, listed) && !FETCH_SETS_REQUEST.has(name)) {
        headers.append(name, value);
      }
    });
    for (const [name, value] of rules.setHeaders) headers.set(name, value);

    // Aborted when the caller goes away, and by the watchdogs: fetch then drops the connection.
    const { abort, unlink } = linkAbort(request);

    // Which side went silent: a stalled upload is the caller's fault, not the gateway's.
    let timedOut: 'upstream_timeout' | 'request_timeout' | undefined;
    const upload = { awaited: false };
    const headersWatch = new Watchdog(rules.timeoutMs, () => {
      timedOut = upload.awaited ? 'request_timeout' : 'upstream_timeout';
      abort.abort(new DOMException(`${timedOut} before the response headers`, 'TimeoutError'));
    });

    const init: RequestInit & { duplex?: 'half' } = {
      method: request.method,
      headers,
      signal: abort.signal,
      redirect: 'manual',
    };
    if (request.body !== null && hasBody(request.method)) {
      // Stream the upload through; `duplex: 'half'` is what fetch requires for a stream body.
      init.body =
        rules.timeoutMs === undefined
          ? request.body
          : watchUpload(request.body, headersWatch, upload);
      init.duplex = 'half';
    }

    let pending: Promise<Response> | undefined;
    let upstream: Response;
    headersWatch.start();
    try {
      pending = (rules.fetch ?? fetch)(`${rules.base}${target}`, init);
      // A custom fetch may ignore the signal: the abort settles the wait all the same.
      upstream = await Promise.race([pending, rejectOnAbort(abort.signal)]);
    } catch {
      unlink();
      // An answer that comes after all is nobody's: release its connection.
      pending?.then(
        (late) => late.body?.cancel().catch(() => {}),
        () => {},
      );
      const failure = timedOut
        ? timedOut
        : request.signal.aborted
          ? 'client_closed'
          : 'bad_gateway';
      return proxyErrorResponse(failure, url.pathname, rules.timeoutMs);
    } finally {
      headersWatch.stop();
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
    let body: ReadableStream<Uint8Array> | null = upstream.body;
    if (body === null) unlink();
    else if (rules.idleTimeoutMs !== undefined) {
      body = watchBody(body, rules.idleTimeoutMs, abort, unlink);
    }
    // Without an idle limit the caller's abort must still reach the body, so the link stays.
    return new Response(body, {
      status: upstream.status,
      statusText: upstream.statusText,
      headers: responseHeaders,
    });
  };
  return attachRules(handler, rules);
}

/**
 * The request body as fetch reads it, restarting the wait for headers with each chunk;
 * `upload.awaited` is true while fetch waits on the caller for the next one.
 */
function watchUpload(
  body: ReadableStream<Uint8Array>,
  watch: Watchdog,
  upload: { awaited: boolean },
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        upload.awaited = true;
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = await reader.read();
        } finally {
          upload.awaited = false;
        }
        const { done, value } = result;
        watch.start();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    // Nothing is read before fetch asks for it.
    { highWaterMark: 0 },
  );
}
