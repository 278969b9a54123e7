/// <reference types="node" />
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A proxy put in front of an upstream for one measurement. */
export type MountProxy = (upstreamURL: string) => Promise<{ url: string; close(): Promise<void> }>;

/** What one slow read saw: bytes the upstream sent, bytes the reader read, the most in between. */
export interface SlowReadResult {
  sent: number;
  read: number;
  /** The most the upstream had sent beyond what the reader had read at any time. */
  peak: number;
}

/**
 * Streams `total` bytes of SSE from an upstream that writes as fast as its socket allows
 * (respecting backpressure), through the proxy `mount` puts in front of it, to a reader that
 * pauses now and then. `peak` is what the proxy holds plus the socket buffers on either side
 * of it. Shared by createProxy.load.test.ts (a bound in CI) and the proxy bench (the figure).
 */
export async function streamToSlowReader(
  mount: MountProxy,
  total: number,
): Promise<SlowReadResult> {
  const event = new TextEncoder().encode(
    `data: {"choices":[{"delta":{"content":"${'x'.repeat(4000)}"}}]}\n\n`,
  );
  let sent = 0;
  let read = 0;
  let peak = 0;
  const upstream = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const pump = () => {
      while (sent < total) {
        sent += event.length;
        peak = Math.max(peak, sent - read);
        if (!res.write(event)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    pump();
  });
  upstream.listen(0, '127.0.0.1');
  await once(upstream, 'listening');
  const proxy = await mount(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
  try {
    const response = await fetch(`${proxy.url}/v1/chat/completions`, { method: 'POST' });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    for (let reads = 0; ; reads++) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.byteLength;
      // A slow client: pause now and then, so only backpressure keeps the proxy small.
      if (reads % 16 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return { sent, read, peak };
  } finally {
    await proxy.close();
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  }
}
