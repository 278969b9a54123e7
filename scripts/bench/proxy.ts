// Proxy benchmark: what does createProxy() on node:http add to the time to first byte of a
// streamed chat, against going to the gateway directly, with 200 streams at once; and does its
// memory follow the response size? The mock gateway and the proxy each run in a child process,
// so the client (here) does the same work on both paths and nothing shares the proxy's loop.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
// The root package does not depend on the workspace packages: import the sources directly.
import { createProxy, nodeAdapter } from '../../packages/core/src/server/index.js';

/** Streams at once per measurement. */
const CONCURRENT = 200;
/** Measurements; the figures are their medians. */
const RUNS = 5;
/** Size of the large response streamed for the memory figure. */
const LARGE_BYTES = 50 * 1024 * 1024;
/** The goal for the added time to first byte at p99, in ms. */
export const PROXY_TTFB_P99_TARGET_MS = 10;

const KEY = 'sk-bench';
/** The mock's pace between streamed tokens (its default, close to real models). */
const TOKEN_DELAY_MS = 30;

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Milliseconds from sending a streamed chat to its first body bytes; the rest is drained. */
async function ttfb(base: string, question: string, key?: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({
      model: 'gpt-4o-mini',
      stream: true,
      messages: [{ role: 'user', content: question }],
    }),
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  await reader.read();
  const elapsed = performance.now() - start;
  while (!(await reader.read()).done) {}
  return elapsed;
}

async function concurrentTtfb(base: string, key?: string): Promise<number[]> {
  const times = await Promise.all(
    Array.from({ length: CONCURRENT }, (_, i) => ttfb(base, `Question ${i}`, key)),
  );
  return times.sort((a, b) => a - b);
}

/**
 * Streams LARGE_BYTES of SSE through the proxy to a slowish reader: the most the proxy had taken
 * from upstream beyond what the reader had read, and the peak RSS growth of this process
 * (client and upstream included, garbage not yet collected too).
 */
async function largeResponse(): Promise<{ inFlight: number; rss: number }> {
  const event = Buffer.from(`data: {"choices":[{"delta":{"content":"${'x'.repeat(4000)}"}}]}\n\n`);
  const upstream = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    let sent = 0;
    const pump = () => {
      while (sent < LARGE_BYTES) {
        sent += event.length;
        if (!res.write(event)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    pump();
  });
  const upstreamURL = await listen(upstream);
  let pulled = 0;
  let read = 0;
  let inFlight = 0;
  const counting: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        pulled += chunk.byteLength;
        inFlight = Math.max(inFlight, pulled - read);
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body?.pipeThrough(counter) ?? null, response);
  };
  const handle = nodeAdapter(createProxy({ baseURL: upstreamURL, apiKey: KEY, fetch: counting }));
  const proxy = createServer((req, res) => void handle(req, res));
  const proxyURL = await listen(proxy);
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const response = await fetch(`${proxyURL}/v1/chat/completions`, { method: 'POST' });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  for (let reads = 0; ; reads++) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    if (reads % 16 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await close(proxy);
  await close(upstream);
  return { inFlight, rss: peak - before };
}

/** Figures of {@link runProxyBenchmark}, in ms and bytes. */
export interface ProxyBenchmarkResult {
  direct: { p50: number; p95: number; p99: number };
  added: { p50: number; p95: number; p99: number };
  inFlightBytes: number;
  rssDeltaBytes: number;
  responseBytes: number;
}

/** Runs `args` under node with tsx until it prints its URL; resolves to it and a stopper. */
async function spawnServer(args: string[]): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  for await (const chunk of child.stdout) {
    output += String(chunk);
    const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    if (url) return { url, stop: () => child.kill('SIGTERM') };
  }
  throw new Error(`the server did not start: ${output}`);
}

/** The mock gateway's CLI in a child process. */
function spawnGateway() {
  const cli = new URL('../../packages/mock-gateway/src/cli.ts', import.meta.url).pathname;
  return spawnServer([cli, '--port', '0', '--key', KEY, '--token-delay', String(TOKEN_DELAY_MS)]);
}

/** createProxy on node:http in a child process, forwarding to `upstream`. */
function spawnProxy(upstream: string) {
  const server = new URL('../../packages/core/src/server/index.ts', import.meta.url).pathname;
  const code = `
    import { createServer } from 'node:http';
    const { createProxy, nodeAdapter } = await import(${JSON.stringify(server)});
    const handle = nodeAdapter(createProxy({ baseURL: ${JSON.stringify(upstream)}, apiKey: ${JSON.stringify(KEY)} }));
    const proxy = createServer((req, res) => void handle(req, res));
    proxy.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + proxy.address().port));`;
  return spawnServer(['--input-type=module', '-e', code]);
}

/** Measures and prints the proxy's added time to first byte and its memory against response size. */
export async function runProxyBenchmark(): Promise<ProxyBenchmarkResult> {
  const gateway = await spawnGateway();
  const proxy = await spawnProxy(gateway.url);
  const proxyURL = proxy.url;
  const runs: Array<{ direct: number[]; proxied: number[] }> = [];
  try {
    // Warm both paths (connections, JIT) before measuring.
    await concurrentTtfb(gateway.url, KEY);
    await concurrentTtfb(proxyURL);
    for (let run = 0; run < RUNS; run++) {
      runs.push({
        direct: await concurrentTtfb(gateway.url, KEY),
        proxied: await concurrentTtfb(proxyURL),
      });
    }
  } finally {
    proxy.stop();
    gateway.stop();
  }
  const large = await largeResponse();
  const figure = (pick: (run: { direct: number[]; proxied: number[] }) => number) =>
    median(runs.map(pick));
  const result: ProxyBenchmarkResult = {
    direct: {
      p50: figure((r) => percentile(r.direct, 50)),
      p95: figure((r) => percentile(r.direct, 95)),
      p99: figure((r) => percentile(r.direct, 99)),
    },
    added: {
      p50: figure((r) => percentile(r.proxied, 50) - percentile(r.direct, 50)),
      p95: figure((r) => percentile(r.proxied, 95) - percentile(r.direct, 95)),
      p99: figure((r) => percentile(r.proxied, 99) - percentile(r.direct, 99)),
    },
    inFlightBytes: large.inFlight,
    rssDeltaBytes: large.rss,
    responseBytes: LARGE_BYTES,
  };
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const mb = (value: number) => `${(value / 1048576).toFixed(1)} MB`;
  console.log(
    `\nProxy (createProxy on node:http, ${CONCURRENT} concurrent streamed chats, median of ${RUNS} runs)`,
  );
  console.log(
    `  direct TTFB   p50 ${ms(result.direct.p50)}  p95 ${ms(result.direct.p95)}  p99 ${ms(result.direct.p99)}`,
  );
  console.log(
    `  added TTFB    p50 ${ms(result.added.p50)}  p95 ${ms(result.added.p95)}  p99 ${ms(result.added.p99)}  (goal p99 < ${PROXY_TTFB_P99_TARGET_MS} ms: ${result.added.p99 < PROXY_TTFB_P99_TARGET_MS ? 'met' : 'NOT met'})`,
  );
  console.log(
    `  streaming ${mb(result.responseBytes)}: at most ${mb(result.inFlightBytes)} in flight through the proxy, peak RSS delta ${mb(result.rssDeltaBytes)}`,
  );
  return result;
}
