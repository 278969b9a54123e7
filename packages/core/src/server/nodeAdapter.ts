import type { ProxyHandler } from './createProxy.js';
import { isReadableRequest, nodeForward } from './nodeForward.js';
import { rulesOf } from './proxyRules.js';

// Structural views of node:http's IncomingMessage and ServerResponse (and Express's), so this
// file needs no `node:` import and no Node type definitions.

/** The parts of node:http's `IncomingMessage` (or Express's `Request`) the adapter reads. */
export interface NodeRequestLike extends AsyncIterable<Uint8Array> {
  method?: string | undefined;
  url?: string | undefined;
  /** Set by Express: the URL before a mount path was stripped from `url`. */
  originalUrl?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  socket?: object | null | undefined;
}

/** The parts of node:http's `ServerResponse` (or Express's `Response`) the adapter writes. */
export interface NodeResponseLike {
  readonly destroyed: boolean;
  readonly headersSent: boolean;
  readonly writableFinished: boolean;
  writeHead(status: number, headers: Record<string, string | string[]>): unknown;
  flushHeaders?(): void;
  write(chunk: Uint8Array): boolean;
  end(): unknown;
  destroy(error?: Error): unknown;
  on(event: 'close', listener: () => void): unknown;
  once(event: 'close' | 'drain', listener: () => void): unknown;
  off(event: 'close' | 'drain', listener: () => void): unknown;
}

/** A node:http / Express middleware signature. */
export type NodeHandler = (req: NodeRequestLike, res: NodeResponseLike) => Promise<void>;

/**
 * Serves a web-standard handler such as `createProxy()`'s on node:http or Express
 * (mount it before any body parser): bodies stream both ways, and a client that goes away
 * aborts `request.signal`. A `createProxy()` handler without a custom `fetch` is forwarded
 * with node:http directly, by the same rules, without fetch and web streams in between (its
 * image route, which fetches from `imageOrigins`, still goes through the handler).
 *
 * @example
 * // Express: the handler sees the full URL, so basePath matches the mount path
 * app.use('/api/aitre', nodeAdapter(createProxy({ baseURL, apiKey, basePath: '/api/aitre' })));
 * // node:http
 * const handle = nodeAdapter(createProxy({ baseURL, apiKey }));
 * http.createServer((req, res) => void handle(req, res)).listen(8080);
 */
export function nodeAdapter(handler: ProxyHandler): NodeHandler {
  const rules = rulesOf(handler);
  const forward = rules !== undefined && rules.fetch === undefined ? nodeForward(rules) : undefined;
  return async (req, res) => {
    const url = new URL(incomingURL(req));
    // The image route fetches with its own rules (redirects checked by hand): the web path.
    const image = rules?.isImageRoute(req.method ?? 'GET', url) === true;
    if (forward !== undefined && !image && isReadableRequest(req)) {
      try {
        await forward(req, res, url);
      } catch {
        failed(res);
      }
      return;
    }
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    let response: Response;
    try {
      response = await handler(toRequest(req, controller.signal));
    } catch {
      failed(res);
      return;
    }
    await writeResponse(response, res);
  };
}

/** The handler failed: 500, unless something was sent already. */
function failed(res: NodeResponseLike): void {
  if (!res.headersSent && !res.destroyed) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end();
  }
}

/** The URL the client asked for, with Express's mount path put back. */
function incomingURL(req: NodeRequestLike): string {
  const tls = req.socket != null && 'encrypted' in req.socket && req.socket.encrypted === true;
  const protocol = tls ? 'https' : 'http';
  return `${protocol}://${req.headers.host ?? 'localhost'}${req.originalUrl ?? req.url ?? '/'}`;
}

function toRequest(req: NodeRequestLike, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  const url = incomingURL(req);
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = bodyStream(req);
    init.duplex = 'half';
  }
  return new Request(url, init);
}

/** The request body as a web stream, pulled from the socket only as fast as it is read. */
function bodyStream(req: NodeRequestLike): ReadableStream<Uint8Array> {
  const iterator = req[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

async function writeResponse(response: Response, res: NodeResponseLike): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  // Send the head now: an SSE client should see the response before the first event.
  res.flushHeaders?.();
  if (response.body === null) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) {
        await reader.cancel();
        return;
      }
      if (!res.write(value)) await drained(res);
    }
    res.end();
  } catch {
    // The upstream body failed mid-way: cut the connection so the client sees it incomplete.
    res.destroy();
  }
}

function drained(res: NodeResponseLike): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
