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

/** Streams open right now, and the most that were open at once since the last reset. */
const open = { now: 0, peak: 0 };

/** Milliseconds from sending a streamed chat to its first body bytes; the rest is drained. */
async function ttfb(base: string, question: string, key?: string): Promise<number> {
  open.peak = Math.max(open.peak, ++open.now);
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
  open.now--;
  return elapsed;
}

/** Gap between two stream starts in the steady case: all 200 start within 1 s. */
const RAMP_MS = 5;

/**
 * TTFB of CONCURRENT streamed chats. `burst`: all sent in the same instant, so the figure is
 * mostly queueing for 2 CPUs. Otherwise one starts every RAMP_MS while the earlier ones still
 * stream (a mock answer lasts seconds), so each request meets up to CONCURRENT open streams:
 * the proxy's own cost per request under that load.
 */
async function concurrentTtfb(base: string, burst: boolean, key?: string): Promise<number[]> {
  open.peak = 0;
  const times = await Promise.all(
    Array.from({ length: CONCURRENT }, async (_, i) => {
      if (!burst) await new Promise((resolve) => setTimeout(resolve, i * RAMP_MS));
      return ttfb(base, `Question ${i}`, key);
    }),
  );
  return times.sort((a, b) => a - b);
}

/**
 * Streams LARGE_BYTES of SSE through the proxy (nodeAdapter's node:http path) to a slowish
 * reader: the most the upstream had sent beyond what the reader had read (what the proxy holds
 * plus the socket buffers on both sides of it), and the peak RSS growth of this process
 * (client and upstream included, garbage not yet collected too).
 */
async function largeResponse(): Promise<{ inFlight: number; rss: number }> {
  const event = Buffer.from(`data: {"choices":[{"delta":{"content":"${'x'.repeat(4000)}"}}]}\n\n`);
  let sent = 0;
  let read = 0;
  let inFlight = 0;
  const upstream = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const pump = () => {
      while (sent < LARGE_BYTES) {
        sent += event.length;
        inFlight = Math.max(inFlight, sent - read);
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
  const handle = nodeAdapter(createProxy({ baseURL: upstreamURL, apiKey: KEY }));
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

/** Runs `args` under node with tsx until it prints its URL; resolves to it and a stopper. */
async function spawnServer(args: string[]): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Keep reading its output after the URL: a child writing into a closed pipe would die.
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
      const found = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', () => reject(new Error(`the server did not start: ${output}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** The mock gateway's CLI in a child process. */
function spawnGateway() {
  const cli = new URL('../../packages/mock-gateway/src/cli.ts', import.meta.url).pathname;
  return spawnServer([cli, '--port', '0', '--key', KEY, '--token-delay', String(TOKEN_DELAY_MS)]);
}

/** createProxy on node:http in a child process started with `flags`, forwarding to `upstream`. */
function spawnProxy(upstream: string, flags: string[]) {
  const server = new URL('../../packages/core/src/server/index.ts', import.meta.url).pathname;
  const code = `
    import { createServer } from 'node:http';
    const { createProxy, nodeAdapter } = await import(${JSON.stringify(server)});
    const handle = nodeAdapter(createProxy({ baseURL: ${JSON.stringify(upstream)}, apiKey: ${JSON.stringify(KEY)} }));
    const proxy = createServer((req, res) => void handle(req, res));
    proxy.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + proxy.address().port));`;
  return spawnServer([...flags, '--input-type=module', '-e', code]);
}

/**
 * The proxy's Node flags compared: the defaults, and a larger young generation. 200 streams at
 * about 33 tokens/s each keep the proxy allocating; on the fetch path (fetch and web streams)
 * the scavenges that followed with the default 16 MB semi-space were what the slowest requests
 * waited for, which nodeAdapter's node:http path avoids.
 */
const PROXY_FLAG_SETS: readonly string[][] = [[], ['--max-semi-space-size=64']];

type Run = { direct: number[]; proxied: number[] };
type Percentiles = { p50: number; p95: number; p99: number };

/** One proxy configuration's figures. */
export interface ProxyTtfbResult {
  flags: string[];
  direct: Percentiles;
  /** Added TTFB, streams started one every RAMP_MS while up to CONCURRENT are open. */
  added: Percentiles;
  /** The same when all the requests are sent in one instant. */
  burstAdded: Percentiles;
  /** The fewest streams open at once at the peak of any steady run. */
  peakOpen: number;
}

async function measureTtfb(gatewayURL: string, flags: string[]): Promise<ProxyTtfbResult> {
  const proxy = await spawnProxy(gatewayURL, flags);
  const runs: Run[] = [];
  const bursts: Run[] = [];
  let peakOpen = CONCURRENT;
  try {
    // Warm both paths (connections, JIT) before measuring.
    await concurrentTtfb(gatewayURL, true, KEY);
    await concurrentTtfb(proxy.url, true);
    // The steady runs first: a burst's backlog would still be in the heaps of the next run.
    for (let run = 0; run < RUNS; run++) {
      const direct = await concurrentTtfb(gatewayURL, false, KEY);
      peakOpen = Math.min(peakOpen, open.peak);
      const proxied = await concurrentTtfb(proxy.url, false);
      peakOpen = Math.min(peakOpen, open.peak);
      runs.push({ direct, proxied });
    }
    for (let run = 0; run < RUNS; run++) {
      bursts.push({
        direct: await concurrentTtfb(gatewayURL, true, KEY),
        proxied: await concurrentTtfb(proxy.url, true),
      });
    }
  } finally {
    proxy.stop();
  }
  const at = (of: Run[], pick: (run: Run) => number) => median(of.map(pick));
  const added = (of: Run[], p: number) =>
    at(of, (r) => percentile(r.proxied, p) - percentile(r.direct, p));
  return {
    flags,
    direct: {
      p50: at(runs, (r) => percentile(r.direct, 50)),
      p95: at(runs, (r) => percentile(r.direct, 95)),
      p99: at(runs, (r) => percentile(r.direct, 99)),
    },
    added: { p50: added(runs, 50), p95: added(runs, 95), p99: added(runs, 99) },
    burstAdded: { p50: added(bursts, 50), p95: added(bursts, 95), p99: added(bursts, 99) },
    peakOpen,
  };
}

/** Figures of {@link runProxyBenchmark}, in ms and bytes. */
export interface ProxyBenchmarkResult {
  ttfb: ProxyTtfbResult[];
  inFlightBytes: number;
  rssDeltaBytes: number;
  responseBytes: number;
}

/** Measures and prints the proxy's added time to first byte and its memory against response size. */
export async function runProxyBenchmark(): Promise<ProxyBenchmarkResult> {
  const gateway = await spawnGateway();
  const ttfb: ProxyTtfbResult[] = [];
  try {
    for (const flags of PROXY_FLAG_SETS) ttfb.push(await measureTtfb(gateway.url, flags));
  } finally {
    gateway.stop();
  }
  const large = await largeResponse();
  const result: ProxyBenchmarkResult = {
    ttfb,
    inFlightBytes: large.inFlight,
    rssDeltaBytes: large.rss,
    responseBytes: LARGE_BYTES,
  };
  const ms = (value: number) => value.toFixed(2);
  const mb = (value: number) => `${(value / 1048576).toFixed(1)} MB`;
  const row = (p: Percentiles) =>
    `${ms(p.p50).padStart(7)} ${ms(p.p95).padStart(7)} ${ms(p.p99).padStart(7)}`;
  console.log(
    `\nProxy: createProxy on node:http, ${CONCURRENT} streamed chats started one every ${RAMP_MS} ms (up to ${Math.min(...ttfb.map((t) => t.peakOpen))} open at once), median of ${RUNS} runs; ms`,
  );
  console.log(
    `${'proxy node flags'.padEnd(28)} ${'direct TTFB p50/p95/p99'.padEnd(23)}   ${'added p50/p95/p99'.padEnd(23)}   burst of ${CONCURRENT}: added p50/p95/p99`,
  );
  for (const t of ttfb) {
    const verdict = t.added.p99 < PROXY_TTFB_P99_TARGET_MS ? 'met' : 'NOT met';
    console.log(
      `${(t.flags.join(' ') || '(defaults)').padEnd(28)} ${row(t.direct)}   ${row(t.added)}   ${row(t.burstAdded)}   goal p99 < ${PROXY_TTFB_P99_TARGET_MS}: ${verdict}`,
    );
  }
  console.log(
    `  streaming ${mb(result.responseBytes)}: at most ${mb(result.inFlightBytes)} in flight through the proxy, peak RSS delta ${mb(result.rssDeltaBytes)}`,
  );
  return result;
}
