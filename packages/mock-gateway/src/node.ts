import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { MockGateway } from './types.js';

/** Where {@link serve} listens. */
export interface ServeOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
}

/** A running HTTP server for a gateway. */
export interface ServedGateway {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  url: string;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, signal: AbortSignal, fallbackHost: string): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (hasBody) {
    // Streamed, not buffered: the gateway reads the body as it arrives.
    init.body = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  return new Request(`http://${req.headers.host ?? fallbackHost}${req.url ?? '/'}`, init);
}

async function writeResponse(
  response: Response,
  res: ServerResponse,
  head: boolean,
): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  res.writeHead(response.status, headers);
  res.flushHeaders();
  if (!response.body || head) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // Each chunk goes out as it comes (SSE needs no buffering); wait for drain on backpressure.
      if (!res.write(value)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
      if (res.destroyed) {
        await reader.cancel();
        return;
      }
    }
    res.end();
  } catch {
    // The body failed mid-way (e.g. the `drop` fault): cut the connection so the client sees a network error.
    res.destroy();
  }
}

/** Serves a gateway over node:http, streaming bodies both ways; aborts the request signal when the client goes away. */
export async function serve(
  gateway: MockGateway,
  options: ServeOptions = {},
): Promise<ServedGateway> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const run = async () => {
      let response: Response;
      try {
        response = await gateway.fetch(toRequest(req, controller.signal, host), {
          signal: controller.signal,
        });
      } catch (error) {
        if (controller.signal.aborted || res.destroyed) return;
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`mock gateway failure: ${(error as Error).message}`);
        return;
      }
      await writeResponse(response, res, req.method === 'HEAD');
    };
    void run();
  });
  server.listen(options.port ?? 0, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
