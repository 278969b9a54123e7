import type { NodeRequestLike, NodeResponseLike } from './nodeAdapter.js';
import {
  connectionListed,
  forwardsRequestHeader,
  forwardsResponseHeader,
  hasBody,
  type ProxyFailure,
  type ProxyRules,
  proxyError,
  streamHeaders,
} from './proxyRules.js';
import { Watchdog } from './Watchdog.js';

// Structural views of the few node:http / node:https members used here, so this file needs no
// `node:` import and no Node type definitions: the modules come from process.getBuiltinModule
// at run time, which bundlers for edge runtimes and workers never see.

type Headers = Record<string, string | string[] | undefined>;

interface UpstreamResponse {
  statusCode?: number | undefined;
  headers: Headers;
  readonly complete: boolean;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  pause(): unknown;
  resume(): unknown;
}

interface UpstreamRequest {
  on(event: 'response', listener: (response: UpstreamResponse) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  end(): unknown;
  destroy(): unknown;
}

interface HttpModule {
  Agent: new (options: { keepAlive: boolean }) => object;
  request(options: {
    hostname: string;
    port: string;
    path: string;
    method: string;
    headers: Record<string, string | string[]>;
    agent: object;
  }): UpstreamRequest;
}

/** node:http's `IncomingMessage` as the Node path needs it: a readable stream it can pipe. */
export interface NodeReadableRequest extends NodeRequestLike {
  readonly readableEnded: boolean;
  /** True while the pipe holds the body back because the gateway is not taking it. */
  isPaused(): boolean;
  pipe(destination: UpstreamRequest): unknown;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** Whether a request is a node:http stream (Express's request is one), not a look-alike. */
export function isReadableRequest(req: NodeRequestLike): req is NodeReadableRequest {
  const stream = req as Partial<NodeReadableRequest>;
  return typeof stream.pipe === 'function' && typeof stream.readableEnded === 'boolean';
}

/** Forwards one request upstream and its answer back; settles when the exchange is over. */
export type NodeForward = (
  req: NodeReadableRequest,
  res: NodeResponseLike,
  url: URL,
) => Promise<void>;

/**
 * A forwarder for a createProxy() handler's rules over node:http or node:https, with no fetch
 * and no web streams in between (an order of magnitude fewer allocations per streamed chunk);
 * `undefined` where those modules are not available.
 */
export function nodeForward(rules: ProxyRules): NodeForward | undefined {
  let base: URL;
  try {
    base = new URL(rules.base);
  } catch {
    return undefined;
  }
  // Anything fetch would treat differently (credentials, a query) stays on the web path.
  if (base.username !== '' || base.password !== '' || base.search !== '') return undefined;
  const protocol = base.protocol === 'https:' ? 'https' : base.protocol === 'http:' ? 'http' : '';
  if (protocol === '') return undefined;
  const runtime = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process;
  const http = runtime?.getBuiltinModule?.(`node:${protocol}`) as HttpModule | undefined;
  if (http === undefined) return undefined;

  // Connections to the gateway are reused across requests, as fetch's pool does.
  const agent = new http.Agent({ keepAlive: true });
  const hostname = base.hostname.replace(/^\[(.*)\]$/, '$1');
  const prefix = base.pathname === '/' ? '' : base.pathname;

  return (req, res, url) =>
    new Promise<void>((settle) => {
      const target = rules.target(url);
      if (target === undefined) {
        answer(res, 'not_found', url.pathname);
        settle();
        return;
      }

      const method = req.method ?? 'GET';
      const body = hasBody(method) && !req.readableEnded;
      const connection = req.headers.connection;
      const listed = connectionListed(typeof connection === 'string' ? connection : undefined);
      const headers: Record<string, string | string[]> = {};
      for (const name in req.headers) {
        const value = req.headers[name];
        if (value !== undefined && !name.startsWith(':') && forwardsRequestHeader(name, listed)) {
          headers[name] = value;
        }
      }
      // The bytes pass through untouched both ways, so the caller's accept-encoding and
      // content-length stay true upstream; without a body to send, a length would be a lie.
      if (!body) delete headers['content-length'];
      for (const [name, value] of rules.setHeaders) headers[name] = value;

      const upstream = http.request({
        hostname,
        port: base.port,
        path: `${prefix}${target}`,
        method,
        headers,
        agent,
      });
      let clientGone = false;
      let timedOut = false;
      const headersWatch = new Watchdog(rules.timeoutMs, () => {
        timedOut = true;
        // A body still flowing in (not held back by the gateway) was awaited from the caller.
        const stalled = body && !req.readableEnded && !req.isPaused();
        answer(
          res,
          stalled ? 'request_timeout' : 'upstream_timeout',
          url.pathname,
          rules.timeoutMs,
        );
        upstream.destroy();
      });
      // Destroyed, not ended: the client sees the answer incomplete, and the socket is not
      // pooled again.
      const bodyWatch = new Watchdog(rules.idleTimeoutMs, () => {
        upstream.destroy();
        res.destroy();
      });
      headersWatch.start();
      res.on('close', () => {
        if (res.writableFinished) return;
        clientGone = true;
        upstream.destroy();
      });
      // After its error or its response's end: the exchange is over, and so are the watchdogs.
      upstream.on('close', () => {
        headersWatch.stop();
        bodyWatch.stop();
        settle();
      });
      upstream.on('error', () => {
        // A timeout has answered already.
        if (timedOut) return;
        if (!res.headersSent)
          answer(res, clientGone ? 'client_closed' : 'bad_gateway', url.pathname);
        else res.destroy();
      });
      upstream.on('response', (response) => {
        headersWatch.stop();
        bodyWatch.start();
        const answerHeaders: Record<string, string | string[]> = {};
        // Kept as they are, content-encoding and content-length included: the body is not
        // decoded on this path, unlike fetch's.
        for (const name in response.headers) {
          const value = response.headers[name];
          if (value !== undefined && forwardsResponseHeader(name)) answerHeaders[name] = value;
        }
        const type = response.headers['content-type'];
        for (const [name, value] of streamHeaders(typeof type === 'string' ? type : undefined)) {
          answerHeaders[name] = value;
        }
        res.writeHead(response.statusCode ?? 502, answerHeaders);
        // Send the head now: an SSE client should see the response before the first event.
        res.flushHeaders?.();
        const resume = () => {
          bodyWatch.start();
          response.resume();
        };
        response.on('data', (chunk) => {
          bodyWatch.start();
          if (!res.write(chunk)) {
            // The client is the slow side now: its wait is not the gateway's silence.
            bodyWatch.pause();
            response.pause();
            res.once('drain', resume);
          }
        });
        response.on('end', () => res.end());
        // The upstream body failed mid-way: cut the connection so the client sees it incomplete.
        response.on('error', () => res.destroy());
        response.on('close', () => {
          if (!response.complete) res.destroy();
        });
      });

      if (body) {
        req.on('error', () => upstream.destroy());
        // Each chunk sent upstream restarts the wait for the answer's headers.
        req.on('data', () => headersWatch.start());
        req.pipe(upstream);
      } else {
        upstream.end();
      }
    });
}

/**
 * Writes one of the proxy's own answers. To a client that is gone nothing is sent, but the
 * status is still set for loggers, as the web path's answer is.
 */
function answer(
  res: NodeResponseLike,
  failure: ProxyFailure,
  pathname: string,
  timeoutMs?: number,
): void {
  if (res.headersSent) return;
  const { status, headers, body } = proxyError(failure, pathname, timeoutMs);
  res.writeHead(status, headers);
  res.write(new TextEncoder().encode(body));
  res.end();
}
