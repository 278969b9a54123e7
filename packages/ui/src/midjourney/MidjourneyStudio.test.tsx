import { createClient } from '@aitre/core';
import { createGateway, type GatewayOptions } from '@aitre/mock-gateway';
import { type AitreLocale, AitreProvider } from '@aitre/react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MidjourneyStudio, type MidjourneyStudioProps } from './MidjourneyStudio.js';

const BASE = 'http://127.0.0.1:8787';
const POLL = { initialDelayMs: 5, maxIntervalMs: 10, maxErrorIntervalMs: 20 };
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const HISTORY_KEY = 'test:mj:history';

const pngFile = (name = 'face.png') =>
  new File([Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0))], name, {
    type: 'image/png',
  });

interface SetupOptions {
  gateway?: GatewayOptions;
  locale?: AitreLocale;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  props?: Partial<MidjourneyStudioProps>;
  imageProxy?: string;
}

function setup({
  gateway: options = {},
  locale,
  headers,
  fetch,
  props,
  imageProxy,
}: SetupOptions = {}) {
  const gateway = createGateway({
    tokenDelayMs: 0,
    ...options,
    mj: { stepMs: 40, steps: 3, ...options.mj },
  });
  const view = render(
    <AitreProvider
      baseURL={BASE}
      fetch={fetch ?? gateway.fetch}
      locale={locale}
      headers={headers}
      imageProxy={imageProxy}
    >
      <MidjourneyStudio pollOptions={POLL} historyKey={HISTORY_KEY} {...props} />
    </AitreProvider>,
  );
  const posts = () => gateway.requests.filter((r) => r.method === 'POST').map((r) => r.path);
  return { gateway, posts, ...view };
}

const statusText = () => document.querySelector('.aitre-mj-status-text')?.textContent;

const studioTaskId = () =>
  document.querySelector('[data-slot="midjourney-studio"]')?.getAttribute('data-task-id');

const taskView = () =>
  within(document.querySelector<HTMLElement>('[data-slot="midjourney-task"]')!);

function imagine(prompt: string, submit = 'Imagine') {
  fireEvent.change(screen.getByRole('textbox', { name: 'Prompt' }), {
    target: { value: prompt },
  });
  fireEvent.click(screen.getByRole('button', { name: submit }));
}

/** Waits until the task view shows a finished task, recording every progress value seen on the way. */
async function untilDone(seen: number[] = []) {
  await waitFor(
    () => {
      const bar = document.querySelector('[data-slot="midjourney-status"] [role="progressbar"]');
      const now = bar?.getAttribute('aria-valuenow');
      if (now != null) seen.push(Number(now));
      const status = document
        .querySelector('[data-slot="midjourney-task"]')
        ?.getAttribute('data-status');
      expect(['success', 'failure', 'error', 'modal']).toContain(status);
    },
    { timeout: 4000, interval: 5 },
  );
  return seen;
}

function upload(label: string | RegExp, files: File[]) {
  fireEvent.change(screen.getByLabelText(label), { target: { files } });
}

// jsdom has no canvas: enough of a 2D context for the mask painter to record a stroke.
function fakeCanvas() {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
    this: HTMLCanvasElement,
  ) {
    // The paint state lives on the canvas: the painter asks for its context more than once.
    const canvas = this as HTMLCanvasElement & { painted?: number };
    const size = () => this.width * this.height * 4;
    return {
      canvas: this,
      save() {},
      restore() {},
      beginPath() {},
      moveTo() {},
      lineTo() {},
      arc() {},
      fill() {
        canvas.painted = 255;
      },
      stroke() {
        canvas.painted = 255;
      },
      clearRect() {
        canvas.painted = 0;
      },
      getImageData: () => ({ data: new Uint8ClampedArray(size()).fill(canvas.painted ?? 0) }),
      createImageData: (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4) }),
      putImageData() {},
    } as unknown as CanvasRenderingContext2D;
  } as unknown as typeof HTMLCanvasElement.prototype.getContext);
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(
    `data:image/png;base64,${PNG_BASE64}`,
  );
  // Images never load in jsdom: give them a size so the painter can size its mask.
  Object.defineProperty(HTMLImageElement.prototype, 'naturalWidth', {
    configurable: true,
    get: () => 64,
  });
  Object.defineProperty(HTMLImageElement.prototype, 'naturalHeight', {
    configurable: true,
    get: () => 64,
  });
}

beforeEach(() => localStorage.clear());

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  Reflect.deleteProperty(HTMLImageElement.prototype, 'naturalWidth');
  Reflect.deleteProperty(HTMLImageElement.prototype, 'naturalHeight');
});

describe('MidjourneyStudio', () => {
  it('imagines with rising progress, shows the grid buttons, upscales U2, then zooms out', async () => {
    const { posts } = setup();
    expect(screen.getByText('Your MidJourney results appear here.')).toBeTruthy();
    imagine('a red fox in snow --ar 3:2');
    const seen = await untilDone();
    const during = seen.filter((v) => v > 0 && v < 100);
    expect(during.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const view = taskView();
    expect(statusText()).toBe('Done');
    expect(view.getByRole('img', { name: 'Result image' })).toBeTruthy();
    for (const n of [1, 2, 3, 4]) {
      expect(view.getByRole('button', { name: `U${n}: upscale image ${n}` }).textContent).toBe(
        `U${n}`,
      );
      expect(
        view.getByRole('button', { name: `V${n}: variations of image ${n}` }).textContent,
      ).toBe(`V${n}`);
    }
    // Reroll is drawn as an icon (no emoji font needed), named by the locale.
    const reroll = view.getByRole('button', { name: 'Reroll' });
    expect(reroll.textContent).toBe('');
    expect(reroll.querySelector('svg[aria-hidden="true"]')).toBeTruthy();
    // The frame reserves the prompt's 3:2 before the image loads.
    const figure = document.querySelector<HTMLElement>('[data-slot="midjourney-image"]');
    expect(figure?.style.aspectRatio).toBe('1024 / 683');

    const u2 = view.getByRole('button', { name: 'U2: upscale image 2' });
    u2.focus();
    fireEvent.click(u2);
    // Focus stays in the task view while the pressed button gives way to the next task's.
    expect(document.activeElement?.getAttribute('data-slot')).toBe('midjourney-task');
    await waitFor(() => expect(view.getByRole('button', { name: 'Zoom out 2x' })).toBeTruthy(), {
      timeout: 4000,
    });
    for (const name of [
      'Vary (Strong)',
      'Vary (Subtle)',
      'Vary (Region)',
      'Zoom out 1.5x',
      'Custom zoom',
      'Pan left',
      'Pan right',
      'Pan up',
      'Pan down',
      'Upscale (Subtle)',
      'Upscale (Creative)',
    ]) {
      expect(view.getByRole('button', { name })).toBeTruthy();
    }
    expect(view.getByRole('button', { name: 'Pan left' }).querySelector('svg')).toBeTruthy();
    // The bookmark keeps its heart and is named for screen readers.
    expect(view.getByRole('button', { name: 'Bookmark' }).textContent).toBe('❤️');

    fireEvent.click(view.getByRole('button', { name: 'Zoom out 2x' }));
    await waitFor(
      () => expect(view.getByRole('button', { name: 'U1: upscale image 1' })).toBeTruthy(),
      {
        timeout: 4000,
      },
    );
    expect(posts()).toEqual(['/mj/submit/imagine', '/mj/submit/action', '/mj/submit/action']);
  });

  it('opens the Vary (Region) dialog with the prompt and a mask painter, then follows the task to success', async () => {
    fakeCanvas();
    const { posts } = setup();
    imagine('a lighthouse at dusk');
    await untilDone();
    fireEvent.click(taskView().getByRole('button', { name: 'U1: upscale image 1' }));
    await waitFor(() => taskView().getByRole('button', { name: 'Vary (Region)' }), {
      timeout: 4000,
    });
    fireEvent.click(taskView().getByRole('button', { name: 'Vary (Region)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Vary (Region)' }, { timeout: 4000 });
    expect(
      (within(dialog).getByRole('textbox', { name: 'Prompt' }) as HTMLTextAreaElement).value,
    ).toBe('a lighthouse at dusk');
    // Submitting without a mask explains what is missing and sends nothing.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Submit' }));
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'Paint the region to regenerate first.',
    );
    expect(posts()).toHaveLength(3);

    fireEvent.load(within(dialog).getByRole('img'));
    const canvas = within(dialog).getByRole('application');
    fireEvent.keyDown(canvas, { key: ' ' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Prompt' }), {
      target: { value: 'a lighthouse wearing a hat' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await untilDone();
    expect(statusText()).toBe('Done');
    expect(posts().at(-1)).toBe('/mj/submit/modal');
  });

  it('prefills Custom Zoom with --zoom 2; cancelling returns to the upscaled image', async () => {
    const { posts } = setup();
    imagine('a desert road');
    await untilDone();
    fireEvent.click(taskView().getByRole('button', { name: 'U3: upscale image 3' }));
    await waitFor(() => taskView().getByRole('button', { name: 'Custom zoom' }), { timeout: 4000 });
    const upscaledId = studioTaskId();
    fireEvent.click(taskView().getByRole('button', { name: 'Custom zoom' }));
    const dialog = await screen.findByRole('dialog', { name: 'Custom zoom' }, { timeout: 4000 });
    expect(
      (within(dialog).getByRole('textbox', { name: 'Prompt' }) as HTMLTextAreaElement).value,
    ).toBe('a desert road --zoom 2');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await untilDone();
    expect(studioTaskId()).toBe(upscaledId);
    expect(taskView().getByRole('button', { name: 'Custom zoom' })).toBeTruthy();

    fireEvent.click(taskView().getByRole('button', { name: 'Custom zoom' }));
    const again = await screen.findByRole('dialog', { name: 'Custom zoom' }, { timeout: 4000 });
    fireEvent.click(within(again).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(statusText()).toBe('Done'), { timeout: 4000 });
    expect(posts().filter((p) => p === '/mj/submit/modal')).toHaveLength(1);
  });

  it('resumes a task waiting for its modal; cancelling hides the dialog until Continue', async () => {
    const gateway = createGateway({ mj: { stepMs: 20, steps: 2 } });
    const client = createClient({ baseURL: BASE, fetch: gateway.fetch });
    const { taskId: gridId } = await client.midjourney.imagine({ prompt: 'a windmill' });
    await waitFor(async () =>
      expect((await client.midjourney.fetchTask(gridId)).status).toBe('SUCCESS'),
    );
    const grid = await client.midjourney.fetchTask(gridId);
    const zoom = await client.midjourney.action(grid.buttons[0]!.customId, gridId);
    await waitFor(async () =>
      expect((await client.midjourney.fetchTask(zoom.taskId)).status).toBe('SUCCESS'),
    );
    const upscaled = await client.midjourney.fetchTask(zoom.taskId);
    const custom = upscaled.buttons.find((b) => b.customId.startsWith('MJ::CustomZoom'))!;
    const modal = await client.midjourney.action(custom.customId, upscaled.id);
    render(
      <AitreProvider client={client}>
        <MidjourneyStudio pollOptions={POLL} historyKey={null} defaultTaskId={modal.taskId} />
      </AitreProvider>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Custom zoom' }, { timeout: 4000 });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(statusText()).toBe('Waiting for your input');
    fireEvent.click(taskView().getByRole('button', { name: 'Continue' }));
    const again = await screen.findByRole('dialog', { name: 'Custom zoom' });
    expect(
      (within(again).getByRole('textbox', { name: 'Prompt' }) as HTMLTextAreaElement).value,
    ).toBe('a windmill --zoom 2');
    fireEvent.click(within(again).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(statusText()).toBe('Done'), { timeout: 4000 });
  });

  it('opens the modal when a remix task waits in MODAL after a code 1 answer', async () => {
    setup({ gateway: { mj: { remix: true } } });
    imagine('a koi pond');
    await untilDone();
    fireEvent.click(taskView().getByRole('button', { name: 'V2: variations of image 2' }));
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Edit and continue' },
      { timeout: 4000 },
    );
    expect(
      (within(dialog).getByRole('textbox', { name: 'Prompt' }) as HTMLTextAreaElement).value,
    ).toBe('a koi pond');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(
      () => expect(taskView().getByRole('button', { name: 'U1: upscale image 1' })).toBeTruthy(),
      {
        timeout: 4000,
      },
    );
  });

  it('sends submits under the chosen speed mode', async () => {
    const { posts } = setup();
    fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), {
      target: { value: 'relax' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Bot' }), {
      target: { value: 'NIJI_JOURNEY' },
    });
    imagine('a sleepy cat');
    await waitFor(() => expect(posts()).toEqual(['/mj-relax/mj/submit/imagine']));
  });

  it('shows the blend count error before any request', async () => {
    const { posts } = setup();
    fireEvent.click(screen.getByRole('tab', { name: 'Blend' }));
    upload('Images to blend (2 to 5)', [pngFile()]);
    await screen.findByRole('img', { name: 'Image 1' });
    fireEvent.click(screen.getByRole('button', { name: 'Blend' }));
    expect(screen.getByRole('alert').textContent).toBe('Blend needs 2 to 5 images.');
    expect(posts()).toEqual([]);

    upload('Images to blend (2 to 5)', [pngFile('b.png')]);
    await screen.findByRole('img', { name: 'Image 2' });
    fireEvent.click(screen.getByRole('button', { name: 'Blend' }));
    await untilDone();
    expect(posts()).toEqual(['/mj/submit/blend']);
    expect(taskView().getByRole('button', { name: 'U1: upscale image 1' })).toBeTruthy();
  });

  it('describes an image into four prompts; using one submits a new imagine with its text', async () => {
    const { posts } = setup();
    fireEvent.click(screen.getByRole('tab', { name: 'Describe' }));
    upload('Image to describe', [pngFile()]);
    await screen.findByRole('img', { name: 'Image 1' });
    fireEvent.click(screen.getByRole('button', { name: 'Describe' }));
    const results = await screen.findByRole(
      'region',
      { name: 'Suggested prompts' },
      { timeout: 4000 },
    );
    const use = within(results).getAllByRole('button', { name: 'Use this prompt' });
    expect(use).toHaveLength(4);
    // The PicReader buttons new-api refuses are not offered.
    expect(screen.queryByRole('button', { name: '1️⃣' })).toBeNull();
    const text = within(results).getAllByRole('listitem')[0]?.querySelector('p')?.textContent;
    fireEvent.click(use[0]!);
    await waitFor(() => expect(posts()).toEqual(['/mj/submit/describe', '/mj/submit/imagine']));
    await waitFor(
      () => expect(taskView().getByRole('button', { name: 'U1: upscale image 1' })).toBeTruthy(),
      {
        timeout: 4000,
      },
    );
    // The history names the new task by the chosen prompt.
    expect(
      document.querySelector('[data-slot="midjourney-history"] [aria-current="true"]')?.textContent,
    ).toContain(text);
  });

  it('shortens a prompt into suggestions; clicking one imagines it', async () => {
    const { posts } = setup();
    fireEvent.click(screen.getByRole('tab', { name: 'Shorten' }));
    imagine(
      'a very very detailed and intricate portrait of an old sailor, oil painting',
      'Shorten',
    );
    const results = await screen.findByRole(
      'region',
      { name: 'Shorter prompts' },
      { timeout: 4000 },
    );
    const use = within(results).getAllByRole('button', { name: 'Use this prompt' });
    expect(use.length).toBeGreaterThan(1);
    fireEvent.click(use[1]!);
    await waitFor(() => expect(posts()).toEqual(['/mj/submit/shorten', '/mj/submit/imagine']));
  });

  it('swaps a face once both images are given', async () => {
    const { posts } = setup();
    fireEvent.click(screen.getByRole('tab', { name: 'Swap face' }));
    upload('Face to use', [pngFile()]);
    await screen.findByRole('img', { name: 'Image 1' });
    fireEvent.click(screen.getByRole('button', { name: 'Swap face' }));
    expect(screen.getByRole('alert').textContent).toBe('Add an image first.');
    expect(posts()).toEqual([]);
    upload('Image to change', [pngFile('target.png')]);
    await waitFor(() => expect(screen.getAllByRole('img', { name: 'Image 1' })).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Swap face' }));
    await untilDone();
    expect(posts()).toEqual(['/mj/insight-face/swap']);
    expect(statusText()).toBe('Done');
    expect(taskView().getByRole('img', { name: 'Result image' })).toBeTruthy();
  });

  it('shows the gateway reason when a banned word fails the task', async () => {
    setup();
    imagine('a forbidden castle');
    await untilDone();
    const alert = taskView().getByRole('alert');
    expect(alert.textContent).toContain('The MidJourney task could not be completed.');
    expect(alert.textContent).toContain('Banned prompt detected: forbidden');
    expect(statusText()).toBe('Failed');
  });

  it('downloads the finished image through the imageProxy route', async () => {
    setup({ imageProxy: '/api/aitre/image' });
    imagine('a quiet harbour');
    await untilDone();
    const image = taskView().getByRole('img', { name: 'Result image' });
    const src = image.getAttribute('src') ?? '';
    expect(src.startsWith(BASE)).toBe(true);
    expect(taskView().getByRole('link', { name: 'Download' }).getAttribute('href')).toBe(
      `/api/aitre/image?url=${encodeURIComponent(src)}&download=1`,
    );
  });

  it('names the banned word when the gateway refuses the prompt at submit (code 24)', async () => {
    setup({ gateway: { mj: { banCheck: 'precheck' } } });
    imagine('a forbidden castle');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('MidJourney does not allow “forbidden”.');
    cleanup();
    setup({ gateway: { mj: { banCheck: 'precheck' } }, locale: 'zh-CN' });
    fireEvent.change(screen.getByRole('textbox', { name: '提示词' }), {
      target: { value: 'a forbidden castle' },
    });
    fireEvent.click(screen.getByRole('button', { name: '绘图' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'MidJourney 不允许使用“forbidden”。',
    );
  });

  it('says "still running" with a refresh button when polling times out', async () => {
    const { gateway } = setup({
      headers: { 'x-mock-fault': 'mj-stuck' },
      props: { pollOptions: { ...POLL, timeoutMs: 150 } },
    });
    imagine('a slow snail');
    await untilDone();
    const notice = taskView().getByRole('alert');
    expect(notice.textContent).toContain('This task is taking longer than expected.');
    const taskId = document
      .querySelector('[data-slot="midjourney-studio"]')
      ?.getAttribute('data-task-id');
    expect(notice.textContent).toContain(`Keep the task ID ${taskId} to check on it later.`);
    const before = gateway.requests.length;
    fireEvent.click(within(notice).getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(gateway.requests.length).toBeGreaterThan(before));
    expect(taskView().queryByText('This task is taking longer than expected.')).toBeNull();
  });

  it('re-fetches the task when the result image fails to load, and offers a reload', async () => {
    const { gateway } = setup();
    imagine('an expired link');
    await untilDone();
    const taskId = studioTaskId();
    const fetches = () =>
      gateway.requests.filter((r) => r.path === `/mj/task/${taskId}/fetch`).length;
    const before = fetches();
    fireEvent.error(taskView().getByRole('img', { name: 'Result image' }));
    expect(taskView().getByRole('alert').textContent).toContain('The image could not be loaded.');
    await waitFor(() => expect(fetches()).toBeGreaterThan(before));
    fireEvent.click(taskView().getByRole('button', { name: 'Reload image' }));
    await waitFor(() => expect(taskView().getByRole('img', { name: 'Result image' })).toBeTruthy());
  });

  it('says "Queued" while the gateway holds the task behind others', async () => {
    // Slow steps: the task ahead holds the only slot long enough to see the queue.
    const { gateway } = setup({
      gateway: { mj: { concurrency: 1, relay: 'proxy', stepMs: 150 } },
    });
    const client = createClient({ baseURL: BASE, fetch: gateway.fetch });
    await client.midjourney.imagine({ prompt: 'the task ahead' });
    imagine('the task behind');
    await waitFor(() => expect(statusText()).toBe('Queued'), { interval: 5 });
    await untilDone();
    expect(statusText()).toBe('Done');
  });

  it('tells when the gateway has no MidJourney relay', async () => {
    const html = () =>
      Promise.resolve(
        new Response('<!doctype html><title>Not Found</title>', {
          status: 404,
          headers: { 'content-type': 'text/html' },
        }),
      );
    setup({ fetch: html });
    imagine('a cat');
    await waitFor(() =>
      expect(taskView().getByRole('alert').textContent).toBe(
        'This gateway has no MidJourney relay.',
      ),
    );
  });

  it('persists task ids and resumes a task from the history by id', async () => {
    const gateway = createGateway({ mj: { stepMs: 40, steps: 3 } });
    const client = createClient({ baseURL: BASE, fetch: gateway.fetch });
    const { taskId } = await client.midjourney.imagine({ prompt: 'an old map' });
    localStorage.setItem(
      HISTORY_KEY,
      JSON.stringify([
        { id: taskId, action: 'IMAGINE', status: 'SUCCESS', text: 'an old map', at: 1 },
      ]),
    );
    render(
      <AitreProvider client={client}>
        <MidjourneyStudio pollOptions={POLL} historyKey={HISTORY_KEY} />
      </AitreProvider>,
    );
    const item = await screen.findByTitle(`Open task ${taskId}`);
    expect(item.textContent).toContain('an old map');
    // A finished task is not refetched on load, only when reopened.
    expect(screen.getByText('Your MidJourney results appear here.')).toBeTruthy();
    fireEvent.click(item);
    await untilDone();
    expect(taskView().getByRole('button', { name: 'U1: upscale image 1' })).toBeTruthy();
    expect(item.getAttribute('aria-current')).toBe('true');
    expect(gateway.requests.some((r) => r.path === `/mj/task/${taskId}/fetch`)).toBe(true);
  });

  it('resumes a pending task after a reload', async () => {
    const first = setup();
    imagine('a paper boat');
    await waitFor(() =>
      expect(JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]')).toHaveLength(1),
    );
    const saved = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]')[0] as { id: string };
    first.unmount();
    // The "reload": a new studio on the same gateway, with a pending task in storage.
    localStorage.setItem(HISTORY_KEY, JSON.stringify([{ ...saved, status: 'IN_PROGRESS' }]));
    render(
      <AitreProvider baseURL={BASE} fetch={first.gateway.fetch}>
        <MidjourneyStudio pollOptions={POLL} historyKey={HISTORY_KEY} />
      </AitreProvider>,
    );
    await untilDone();
    expect(
      document.querySelector('[data-slot="midjourney-studio"]')?.getAttribute('data-task-id'),
    ).toBe(saved.id);
    expect(taskView().getByRole('button', { name: 'U1: upscale image 1' })).toBeTruthy();
  });

  it('shows zh-CN labels, statuses and errors', async () => {
    setup({ locale: 'zh-CN' });
    expect(screen.getByRole('tab', { name: '混图' })).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: '提示词' }), {
      target: { value: '山水画' },
    });
    fireEvent.click(screen.getByRole('button', { name: '绘图' }));
    await untilDone();
    expect(statusText()).toBe('已完成');
    expect(taskView().getByRole('button', { name: 'U2：放大第 2 张' }).textContent).toBe('U2');
    expect(taskView().getByRole('button', { name: 'V3：变换第 3 张' })).toBeTruthy();
    expect(taskView().getByRole('button', { name: '重绘' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '混图' }));
    fireEvent.click(screen.getByRole('button', { name: '混图' }));
    expect(screen.getByRole('alert').textContent).toBe('混图需要 2 到 5 张图片。');
  });

  it('is keyboard usable: arrow keys move between tools, Ctrl+Enter submits the prompt', async () => {
    const { posts } = setup();
    const first = screen.getByRole('tab', { name: 'Imagine' });
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    const blend = screen.getByRole('tab', { name: 'Blend' });
    expect(document.activeElement).toBe(blend);
    expect(blend.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(blend, { key: 'Home' });
    expect(document.activeElement).toBe(first);
    const prompt = screen.getByRole('textbox', { name: 'Prompt' });
    fireEvent.keyDown(prompt, { key: 'Enter', ctrlKey: true });
    expect(screen.getByRole('alert').textContent).toBe('Enter a prompt first.');
    fireEvent.change(prompt, { target: { value: 'a quiet harbour' } });
    fireEvent.keyDown(prompt, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(posts()).toEqual(['/mj/submit/imagine']));
  });

  it('has no axe violations with an upscaled task and with the modal open', async () => {
    fakeCanvas();
    setup();
    imagine('a glass teapot --ar 2:3');
    await untilDone();
    fireEvent.click(taskView().getByRole('button', { name: 'U4: upscale image 4' }));
    await waitFor(() => taskView().getByRole('button', { name: 'Vary (Region)' }), {
      timeout: 4000,
    });
    // jsdom cannot compute colours (contrast is checked in the browser); landmarks belong to the page.
    const options = {
      rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
    };
    expect((await axe.run(document.body, options)).violations).toEqual([]);
    fireEvent.click(taskView().getByRole('button', { name: 'Vary (Region)' }));
    await screen.findByRole('dialog', {}, { timeout: 4000 });
    expect((await axe.run(document.body, options)).violations).toEqual([]);
  });

  it('renders on the server without touching storage or the gateway', () => {
    const gateway = createGateway();
    const html = renderToString(
      <AitreProvider baseURL={BASE} fetch={gateway.fetch}>
        <MidjourneyStudio historyKey={HISTORY_KEY} />
      </AitreProvider>,
    );
    expect(html).toContain('aitre-root');
    expect(html).toContain('Your MidJourney results appear here.');
    expect(gateway.requests).toEqual([]);
  });

  it('announces status and quarter milestones politely, not every poll', async () => {
    setup({ gateway: { mj: { stepMs: 40, steps: 2 } } });
    const live = document.querySelector('[aria-live="polite"]')!;
    const said: string[] = [];
    const observer = new MutationObserver(() => said.push(live.textContent ?? ''));
    observer.observe(live, { childList: true, subtree: true, characterData: true });
    imagine('a lantern');
    await untilDone();
    observer.disconnect();
    expect(said.at(-1)).toBe('Done');
    for (const text of said)
      expect(text).toMatch(/^(Submitting…|Submitted|In progress(, (25|50|75)%)?|Done)$/);
    // 33% and 67% arrive from the gateway but are not announced as such.
    expect(said.some((text) => text.includes('33'))).toBe(false);
  });
});
