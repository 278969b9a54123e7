/// <reference types="node" />
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { readSSE } from '../sse/readSSE.js';
import type { SSEEvent } from '../sse/SSEDecoder.js';

// What the server tests share: loopback servers closed after each test, hand-released steps,
// and an event stream the test can abort. Not part of the build (src/test-utils is excluded).

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** Runs `cleanup` after the current test, after those registered later. */
export function onCleanup(cleanup: () => unknown): void {
  cleanups.push(cleanup);
}

/** A server listening on 127.0.0.1 (port 0); `close` ends it now, otherwise the test's end does. */
export interface LoopbackServer {
  url: string;
  server: Server;
  close: () => Promise<void>;
}

/** Listens on 127.0.0.1, port 0, with `handler`; closed (connections too) after the test. */
export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<LoopbackServer> {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closed;
  };
  onCleanup(close);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, close };
}

/** A promise with its resolve function, for steps the test releases by hand. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** POSTs to `url` and reads its event stream through a controller the test aborts. */
export async function openEventStream(
  url: string,
): Promise<{ controller: AbortController; events: AsyncGenerator<SSEEvent> }> {
  const controller = new AbortController();
  const response = await fetch(url, { method: 'POST', signal: controller.signal });
  if (!response.body) throw new Error(`no body from ${url}`);
  return { controller, events: readSSE(response.body, controller.signal) };
}
