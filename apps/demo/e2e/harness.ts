import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { after, afterEach, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { toneWav } from '@aitre/mock-gateway';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.js';
import { createDemoGateway, type DemoGatewayOptions } from '../server/demoGateway.js';
import { ensureBuilt } from '../server/ensureBuilt.js';
import { type PreviewServer, startPreviewServer } from '../server/previewServer.js';

/** Where screenshots and other artefacts go (gitignored). */
export const RESULTS_DIR = fileURLToPath(new URL('../test-results', import.meta.url));

// The repository's shared launch flags, plus a fake microphone that needs no permission prompt.
const ARGS = [
  ...CHROMIUM_ARGS,
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
];

/** Starts Debian's Chromium, or fails saying how to install it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. Install it with ` +
        '`apt-get update && apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}

/** What a suite gets from {@link useDemo}. */
export interface DemoHarness {
  /** The preview server (valid inside tests). */
  readonly server: PreviewServer;
  /**
   * A page in a fresh browser context, opened at `path` of the demo (e.g. `/#chat`);
   * `prepare` runs before the page loads (init scripts, routes, listeners).
   */
  open(
    path?: string,
    options?: { colorScheme?: 'light' | 'dark'; prepare?: (page: Page) => Promise<void> },
  ): Promise<Page>;
}

/** What {@link useDemo} serves: the gateway (default: the mock) and the build folder. */
export interface DemoSetup {
  gateway?: DemoGatewayOptions;
  distDir?: string;
}

/**
 * Serves the built demo (apps/demo/dist) with its gateway on 127.0.0.1:0 and launches Chromium
 * for the suite; every test gets its own browser context, closed after it. Uncaught errors in
 * the page fail the test. `setup` may be a function, called in the suite's `before`.
 */
export function useDemo(setup: DemoSetup | (() => Promise<DemoSetup>) = {}): DemoHarness {
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let pageErrors: string[] = [];

  before(async () => {
    // `pnpm test:e2e` builds first; a file run on its own builds only if dist/ is missing.
    await ensureBuilt();
    const [options, launched] = await Promise.all([
      typeof setup === 'function' ? setup() : setup,
      launchChromium(),
    ]);
    browser = launched;
    server = await startPreviewServer({
      gateway: createDemoGateway(options.gateway ?? { mock: {} }),
      ...(options.distDir !== undefined && { distDir: options.distDir }),
    });
  });
  afterEach(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    contexts = [];
    const errors = pageErrors;
    pageErrors = [];
    assert.deepEqual(errors, [], 'uncaught errors in the page');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get server() {
      assert.ok(server, 'the demo server starts in before()');
      return server;
    },
    async open(path = '/', options = {}) {
      assert.ok(server && browser, 'the demo server and browser start in before()');
      const context = await browser.newContext({
        viewport: { width: 1280, height: 860 },
        colorScheme: options.colorScheme ?? 'light',
        reducedMotion: 'reduce',
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await options.prepare?.(page);
      await page.goto(server.url + path);
      return page;
    },
  };
}

/** Creates the test-results folder and returns a path inside it. */
export async function resultPath(name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  return `${RESULTS_DIR}/${name}`;
}

// Runs in the page. Kept as source text: tsx's name helpers (`__name`) do not exist there.
const SAMPLE_LENGTHS = `({ selector, maxFrames, quietFrames }) => new Promise((resolve) => {
  const lengths = [];
  let quiet = 0;
  function tick() {
    const length = document.querySelector(selector)?.textContent?.length ?? 0;
    quiet = lengths.at(-1) === length && length > 0 ? quiet + 1 : 0;
    lengths.push(length);
    if (quiet >= quietFrames || lengths.length >= maxFrames) resolve(lengths);
    else requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})`;

/**
 * Samples `textContent.length` of the first element matching `selector` once per animation
 * frame until it stops growing for `quietFrames` frames (or `maxFrames` pass).
 */
export function sampleTextLengthPerFrame(
  page: Page,
  selector: string,
  options: { maxFrames?: number; quietFrames?: number } = {},
): Promise<number[]> {
  const args = {
    selector,
    maxFrames: options.maxFrames ?? 1200,
    quietFrames: options.quietFrames ?? 60,
  };
  return page.evaluate(`(${SAMPLE_LENGTHS})(${JSON.stringify(args)})`) as Promise<number[]>;
}

/** The distinct increasing values of a sampled series: how many frames showed new text. */
export function growthSteps(lengths: readonly number[]): number {
  let steps = 0;
  for (let i = 1; i < lengths.length; i++) {
    if ((lengths[i] as number) > (lengths[i - 1] as number)) steps++;
  }
  return steps;
}

const AXE = fileURLToPath(import.meta.resolve('axe-core/axe.min.js'));

/** An accessibility violation found by axe-core, in short. */
export interface AxeFinding {
  id: string;
  impact: string;
  targets: string[];
}

/** Runs axe-core on the page (or inside `include`) and returns every violation, of any impact. */
export async function axeViolations(page: Page, include?: string): Promise<AxeFinding[]> {
  await page.addScriptTag({ path: AXE });
  const script = `axe.run(${include ? JSON.stringify({ include: [include] }) : 'document'}, {
    resultTypes: ['violations'],
  }).then((result) => result.violations.map((v) => ({
    id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')),
  })))`;
  return page.evaluate(script) as Promise<AxeFinding[]>;
}

/** A mono 16-bit PCM WAV file of a sine tone, for upload tests. */
export function sineWav(seconds = 1, hz = 440, rate = 16_000): Buffer {
  const wav = toneWav(seconds, hz, rate);
  return Buffer.from(wav.buffer, wav.byteOffset, wav.byteLength);
}

/** The text content of the first element a locator matches ('' when it has none). */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.first().textContent()) ?? '';
}

/** The ids of the page's tabs, in order, read from the tab list. */
export function tabIds(page: Page): Promise<string[]> {
  return page
    .getByRole('tablist')
    .getByRole('tab')
    .evaluateAll((tabs) => tabs.map((tab) => tab.id.replace(/^tab-/, '')));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A small opaque PNG of one colour (RGB 0-255), for upload tests. */
export function solidPng(rgb: readonly [number, number, number], width = 16, height = 16): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(width).fill(rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(pixels)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Waits until every image a locator matches has loaded and decoded (naturalWidth > 0). */
export async function imagesDecoded(locator: Locator): Promise<void> {
  await locator.first().waitFor();
  await locator.evaluateAll((images) =>
    Promise.all(
      (images as HTMLImageElement[]).map((img) => img.decode().then(() => img.naturalWidth)),
    ),
  );
}
