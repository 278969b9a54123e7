// `pnpm test:stories`: opens every story of the static Storybook build in Chromium. Each story
// must render without page or console errors and finish its play function (the interaction
// tests); the main stories also pass axe-core in both themes and both locales.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH as CHROMIUM, CHROMIUM_ARGS } from './chromium.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = join(root, 'storybook-static');
// Two pages at a time: a story page keeps about one core busy while it renders.
const CONCURRENCY = Math.min(2, availableParallelism());
/** How long a story may take to render and play before it counts as hung. */
const STORY_TIMEOUT_MS = 45_000;

/**
 * The stories axe checks, in every theme and locale: the default story of each big component,
 * and the states that add content of their own (results, errors, dialogs).
 */
const AXE_STORIES = [
  'chat-chat--empty',
  'chat-chat--markdown-kitchen-sink',
  'chat-chat--stopped',
  'chat-chat--send-and-stop',
  'chat-chat--error-with-retry',
  'images-imagestudio--dall-e-3',
  'images-imagestudio--result-gallery',
  'audio-transcriber--idle',
  'audio-transcriber--result-srt',
  'audio-speechstudio--default',
  'audio-speechstudio--spoken',
  'midjourney-midjourneystudio--playground',
  'midjourney-midjourneystudio--imagine-then-upscale',
  'midjourney-midjourneystudio--vary-region-modal',
  'midjourney-midjourneystudio--failure',
  'embeddings-embeddingsplayground--empty',
  'embeddings-embeddingsplayground--compared',
  'models-modelpicker--all-groups',
];

const THEMES = ['light', 'dark'] as const;
const LOCALES = ['en', 'zh-CN'] as const;

// Page-level rules judge the host page (Storybook's iframe), not a component rendered in it:
// landmarks, the document title and language belong to the app that embeds the components.
const PAGE_RULES = [
  'region',
  'landmark-one-main',
  'page-has-heading-one',
  'document-title',
  'html-has-lang',
];

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

type Globals = { theme: (typeof THEMES)[number]; locale: (typeof LOCALES)[number] };

/** The theme and locale combinations axe checks, the first one being the page's initial globals. */
const COMBINATIONS: Globals[] = THEMES.flatMap((theme) =>
  LOCALES.map((locale) => ({ theme, locale })),
);

/** One page load: a story, then (for the main stories) axe in every theme and locale. */
interface Job {
  id: string;
  axe: boolean;
}

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

interface JobResult {
  job: Job;
  failures: string[];
  ms: number;
  play: boolean;
}

/** Channel events recorded by the page (see HOOK). */
interface StoryEvent {
  name: string;
  detail: string;
}

// Runs in the page before Storybook: records the preview channel's outcome events from the
// moment the channel is assigned, so no early event is missed.
const HOOK = `(() => {
  const watched = ['storyRendered', 'storyFinished', 'storyErrored', 'storyThrewException',
    'storyMissing', 'playFunctionThrewException', 'unhandledErrorsWhilePlaying',
    'storyRenderPhaseChanged'];
  const events = [];
  window.__aitreStoryEvents = events;
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (next) => {
      channel = next;
      for (const name of watched) {
        next.on(name, (payload) => {
          let detail = '';
          try { detail = JSON.stringify(payload) ?? ''; } catch { detail = String(payload); }
          events.push({ name, detail });
        });
      }
    },
  });
})();`;

const TERMINAL = new Set([
  'storyFinished',
  'storyErrored',
  'storyThrewException',
  'storyMissing',
  'playFunctionThrewException',
]);

function serve(dir: string): Promise<Server> {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    // Chromium asks every new page for one; Storybook's iframe declares none.
    if (pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = normalize(join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (!file.startsWith(dir + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function globalsParam({ theme, locale }: Globals): string {
  return `&globals=${encodeURIComponent(`theme:${theme};locale:${locale}`)}`;
}

type Win = Window & {
  __aitreStoryEvents: StoryEvent[];
  __STORYBOOK_ADDONS_CHANNEL__: { emit(name: string, payload: unknown): void };
  axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> };
};

/** Waits until the channel has reported more than `seen` outcomes; returns the new count. */
async function nextOutcome(page: Page, seen: number): Promise<number> {
  const handle = await page.waitForFunction(
    ({ terminal, seen }) => {
      const count = (window as unknown as Win).__aitreStoryEvents.filter((e) =>
        terminal.includes(e.name),
      ).length;
      return count > seen ? count : false;
    },
    { terminal: [...TERMINAL], seen },
    { timeout: STORY_TIMEOUT_MS, polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}

/** Checks that the globals reached the components, then runs axe; returns the failures. */
async function checkA11y(page: Page, globals: Globals): Promise<string[]> {
  const failures: string[] = [];
  const shown = await page.evaluate(() => ({
    theme: document.querySelector('.aitre-root')?.getAttribute('data-theme') ?? null,
    text: document.body.textContent ?? '',
  }));
  // Without these the axe runs would repeat one combination.
  if (shown.theme !== globals.theme) {
    failures.push(`theme global not applied (data-theme=${shown.theme})`);
  }
  if (globals.locale === 'zh-CN' && !/[\u4e00-\u9fff]/.test(shown.text)) {
    failures.push('locale global not applied (no Chinese text on the page)');
  }
  const violations = (await page.evaluate(
    (disabled) =>
      (window as unknown as Win).axe
        .run(document, {
          resultTypes: ['violations'],
          rules: Object.fromEntries(disabled.map((id) => [id, { enabled: false }])),
        })
        .then((result) => result.violations),
    PAGE_RULES,
  )) as AxeViolation[];
  for (const violation of violations) {
    const targets = violation.nodes
      .slice(0, 3)
      .map((node) => node.target.join(' '))
      .join(' | ');
    const more = violation.nodes.length > 3 ? ` (+${violation.nodes.length - 3} more)` : '';
    const why = violation.nodes[0]?.failureSummary?.split('\n')[1]?.trim();
    failures.push(
      `axe ${violation.id} (${violation.impact}): ${violation.help} -> ${targets}${more}${why ? `; ${why}` : ''}`,
    );
  }
  return failures;
}

async function runJob(
  browser: Browser,
  base: string,
  userAgent: string,
  job: Job,
): Promise<JobResult> {
  const started = Date.now();
  const failures: string[] = [];
  const [initial, ...others] = COMBINATIONS as [Globals, ...Globals[]];
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
    userAgent,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.addInitScript(HOOK);
  let play = false;
  try {
    await page.goto(`${base}/iframe.html?id=${job.id}&viewMode=story${globalsParam(initial)}`);
    let outcomes = await nextOutcome(page, 0);
    const rendered = await page.evaluate(
      () => document.querySelector('#storybook-root')?.childElementCount ?? 0,
    );
    if (rendered === 0) failures.push('nothing rendered in #storybook-root');
    if (job.axe) {
      await page.addScriptTag({ content: axe.source });
      for (const failure of await checkA11y(page, initial)) {
        failures.push(`[${initial.theme}, ${initial.locale}] ${failure}`);
      }
      // The toolbar's way: new globals re-render the story in place, keeping the state its play
      // function reached (a reload would start over and need the play again).
      for (const globals of others) {
        await page.evaluate(
          (next) =>
            (window as unknown as Win).__STORYBOOK_ADDONS_CHANNEL__.emit('updateGlobals', {
              globals: next,
            }),
          globals,
        );
        outcomes = await nextOutcome(page, outcomes);
        for (const failure of await checkA11y(page, globals)) {
          failures.push(`[${globals.theme}, ${globals.locale}] ${failure}`);
        }
      }
    }
    const events = await page.evaluate(() => (window as unknown as Win).__aitreStoryEvents);
    play = events.some(
      (e) => e.name === 'storyRenderPhaseChanged' && e.detail.includes('"playing"'),
    );
    for (const event of events) {
      const failed =
        (TERMINAL.has(event.name) && event.name !== 'storyFinished') ||
        event.name === 'unhandledErrorsWhilePlaying' ||
        (event.name === 'storyFinished' && !event.detail.includes('"status":"success"'));
      if (failed) failures.push(`${event.name}: ${event.detail}`);
    }
  } catch (error) {
    failures.push(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
  } finally {
    await context.close();
  }
  return { job, failures, ms: Date.now() - started, play };
}

async function main(): Promise<number> {
  const indexFile = join(staticDir, 'index.json');
  if (!existsSync(indexFile)) {
    console.error(
      'test-stories: storybook-static/index.json not found: run pnpm build-storybook first',
    );
    return 1;
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`test-stories: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
    return 1;
  }
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as {
    entries: Record<string, { id: string; type: string }>;
  };
  // An optional argument keeps only the stories whose id contains it (`pnpm test:stories chat-`).
  const only = process.argv[2];
  const ids = Object.values(index.entries)
    .filter((entry) => entry.type === 'story' && (!only || entry.id.includes(only)))
    .map((entry) => entry.id);
  const axeIds = AXE_STORIES.filter((id) => ids.includes(id));
  const missing = AXE_STORIES.filter((id) => !ids.includes(id));
  if (!only && missing.length > 0) {
    console.error(`test-stories: axe stories missing from the build: ${missing.join(', ')}`);
    return 1;
  }

  const jobs: Job[] = ids.map((id) => ({ id, axe: axeIds.includes(id) }));

  const started = Date.now();
  const server = await serve(staticDir);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  const results: JobResult[] = [];
  try {
    const probe = await browser.newPage();
    const userAgent = `${await probe.evaluate(() => navigator.userAgent)} StorybookTestRunner`;
    await probe.close();
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const job = jobs[next++] as Job;
        const result = await runJob(browser, base, userAgent, job);
        results.push(result);
        const mark = result.failures.length === 0 ? 'ok  ' : 'FAIL';
        const tags = [result.play && 'play', job.axe && 'axe'].filter(Boolean).join('+');
        console.log(`${mark} ${job.id}${tags ? ` (${tags})` : ''} ${result.ms} ms`);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, CONCURRENCY) }, worker));
  } finally {
    await browser.close();
    server.close();
  }

  const failed = results.filter((result) => result.failures.length > 0);
  const plays = results.filter((result) => result.play).length;
  const axeRuns = results.filter((result) => result.job.axe).length * COMBINATIONS.length;
  console.log(
    `\n${ids.length} stories rendered, ${plays} play functions, ${axeRuns} axe runs ` +
      `(${axeIds.length} stories x ${THEMES.length} themes x ${LOCALES.length} locales), ` +
      `${failed.length} failed, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const result of failed) {
    console.log(`\n${result.job.id}`);
    // Play errors carry whole DOM dumps: the first lines say what failed.
    for (const failure of result.failures) console.log(`  - ${failure.slice(0, 500)}`);
  }
  return failed.length === 0 ? 0 : 1;
}

process.exit(await main());
