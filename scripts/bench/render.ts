// Parts 3 and 4 of `pnpm bench`: streaming render and markdown in real Chromium, on the page
// apps/bench builds with Vite. Runs are interleaved across cases so a noisy neighbour on the
// machine hits every case alike; every number is the median of RUNS runs.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { availableParallelism } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.js';

/** Runs per case (`pnpm bench --runs=N` overrides, at least 1); the tables show medians. */
export const RUNS = Math.max(
  1,
  Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length)) || 5,
);
/** The long thread's frame time may be at most this multiple of the one-message thread's. */
export const LONG_THREAD_TARGET = 1.2;

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const benchDir = join(root, 'apps', 'bench');
const dist = join(benchDir, 'dist');

/** The streaming cases, in table order. */
export const STREAM_CASES = [
  { id: 'chat', label: 'ours: <Chat />' },
  { id: 'ours-minimal', label: 'ours: minimal UI on useChat' },
  { id: 'aisdk-minimal', label: '@ai-sdk/react: minimal UI on useChat' },
  { id: 'chat-1000', label: 'ours: <Chat />, 1,000 messages before' },
] as const;

/** Page-side numbers of one streamed run plus the scripting time read over CDP. */
export interface StreamSample {
  commits: number;
  frames: number;
  longTasks: number;
  totalMs: number;
  frameP50: number;
  frameP95: number;
  /** Main-thread JavaScript, ms (CDP ScriptDuration). */
  scriptMs: number;
  /** Style recalculation and layout, ms. */
  layoutMs: number;
  /** All main-thread tasks, ms. */
  taskMs: number;
}

/** One markdown pass over all frames. */
export interface MarkdownSample {
  renderMs: number;
  layoutMs: number;
  bytes: number;
}

/** Medians per case. */
export interface RenderResults {
  stream: Record<string, StreamSample>;
  markdown: Record<'ours' | 'react-markdown', MarkdownSample>;
  chromium: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function serve(): Promise<{ url: string; server: Server }> {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = join(dist, normalize(path === '/' ? '/index.html' : path));
    if (!file.startsWith(dist) || !(await stat(file).catch(() => undefined))?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, server });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function medians<T extends object>(samples: T[]): T {
  const first = samples[0] as Record<string, number>;
  const out: Record<string, number> = {};
  for (const key of Object.keys(first)) {
    out[key] = median(samples.map((s) => (s as Record<string, number>)[key] ?? 0));
  }
  return out as T;
}

async function runCase(browser: Browser, url: string, id: string): Promise<unknown> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(`${url}/?case=${id}`);
    await page.evaluate(() => window.bench.ready);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    // Main-thread time by kind, in ms, summed by Chromium since the page started.
    const busy = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const ms = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
      return {
        scriptMs: ms('ScriptDuration'),
        layoutMs: ms('LayoutDuration') + ms('RecalcStyleDuration'),
        taskMs: ms('TaskDuration'),
      };
    };
    const before = await busy();
    const result = (await page.evaluate(() => window.bench.run())) as Record<string, number>;
    const after = await busy();
    if (errors.length > 0) throw new Error(`${id}: ${errors.join('; ')}`);
    return {
      ...result,
      scriptMs: after.scriptMs - before.scriptMs,
      layoutMs: after.layoutMs - before.layoutMs,
      taskMs: after.taskMs - before.taskMs,
    };
  } finally {
    await context.close();
  }
}

/** Builds the bench page, runs every case RUNS times in Chromium and returns the medians. */
export async function runRenderBenchmark(): Promise<RenderResults> {
  await build({
    root: benchDir,
    configFile: join(benchDir, 'vite.config.ts'),
    logLevel: 'warn',
    mode: 'production',
  });
  const { url, server } = await serve();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const stream = new Map<string, StreamSample[]>(STREAM_CASES.map(({ id }) => [id, []]));
    const markdown = { ours: [] as MarkdownSample[], 'react-markdown': [] as MarkdownSample[] };
    for (let run = 0; run < RUNS; run++) {
      for (const { id } of STREAM_CASES) {
        const sample = (await runCase(browser, url, id)) as StreamSample;
        stream.get(id)?.push(sample);
      }
      for (const kind of ['ours', 'react-markdown'] as const) {
        const sample = (await runCase(browser, url, `md-${kind}`)) as MarkdownSample;
        markdown[kind].push(sample);
      }
      process.stdout.write(`  render bench: run ${run + 1}/${RUNS} done\n`);
    }
    return {
      stream: Object.fromEntries([...stream].map(([id, s]) => [id, medians(s)])),
      markdown: {
        ours: medians(markdown.ours),
        'react-markdown': medians(markdown['react-markdown']),
      },
      chromium: browser.version(),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

const fixed = (n: number, digits = 1) => n.toFixed(digits);
const ratio = (n: number, base: number) => (base > 0 ? `${(n / base).toFixed(2)}x` : '-');

/** Markdown tables of the render and markdown results (ratios against our <Chat /> / ours). */
export function renderTables(results: RenderResults): string {
  const { stream, markdown } = results;
  const lines: string[] = [
    `Machine: ${availableParallelism()} CPUs, Node ${process.version}, Chromium ${results.chromium}, ${new Date().toISOString().slice(0, 10)}.`,
    '',
  ];
  lines.push(
    `### Streaming 5,000 tokens in Chromium (median of ${RUNS} runs)`,
    '',
    '| UI | React commits | commits / frame | long tasks | scripting ms | style + layout ms | main thread busy ms | last token painted ms | frame p50 ms | frame p95 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const { id, label } of STREAM_CASES) {
    const s = stream[id];
    if (!s) continue;
    lines.push(
      `| ${label} | ${fixed(s.commits, 0)} | ${fixed(s.commits / s.frames, 2)} | ${fixed(s.longTasks, 0)} | ${fixed(s.scriptMs, 0)} | ${fixed(s.layoutMs, 0)} | ${fixed(s.taskMs, 0)} | ${fixed(s.totalMs, 0)} | ${fixed(s.frameP50)} | ${fixed(s.frameP95)} |`,
    );
  }
  const ours = stream['ours-minimal'];
  const theirs = stream['aisdk-minimal'];
  if (ours && theirs) {
    lines.push(
      '',
      `Minimal UI, @ai-sdk/react ÷ ours: commits ${ratio(theirs.commits, ours.commits)}, scripting ${ratio(theirs.scriptMs, ours.scriptMs)}, last token painted ${ratio(theirs.totalMs, ours.totalMs)}.`,
    );
  }
  const one = stream.chat;
  const long = stream['chat-1000'];
  if (one && long) {
    const p50 = long.frameP50 / one.frameP50;
    const p95 = long.frameP95 / one.frameP95;
    const ok = p50 <= LONG_THREAD_TARGET && p95 <= LONG_THREAD_TARGET;
    lines.push(
      `1,000-message thread ÷ empty thread: frame p50 ${p50.toFixed(2)}x, p95 ${p95.toFixed(2)}x (goal <= ${LONG_THREAD_TARGET}x: ${ok ? 'met' : 'NOT MET'}).`,
    );
  }
  const a = markdown.ours;
  const b = markdown['react-markdown'];
  lines.push(
    '',
    `### Markdown: a ${a.bytes.toLocaleString('en-US')}-byte answer in 250 growing frames (median of ${RUNS} runs)`,
    '',
    '| renderer | React render + commit ms | style + layout ms | total ms | ratio to ours |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| ours: <Markdown streaming> | ${fixed(a.renderMs, 0)} | ${fixed(a.layoutMs, 0)} | ${fixed(a.renderMs + a.layoutMs, 0)} | 1.00x |`,
    `| react-markdown (no plugins) | ${fixed(b.renderMs, 0)} | ${fixed(b.layoutMs, 0)} | ${fixed(b.renderMs + b.layoutMs, 0)} | ${ratio(b.renderMs + b.layoutMs, a.renderMs + a.layoutMs)} |`,
  );
  return lines.join('\n');
}
