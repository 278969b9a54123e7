import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeBase64 } from './base64.js';
import { createGateway } from './index.js';
import { drawPicture } from './picture.js';
import { readPngSize } from './png.js';
import type { GatewayOptions, MockGateway } from './types.js';

const BASE = 'http://mock.test';
const STEP = 100;
const STEPS = 6;

interface Task {
  id: string;
  action: string;
  status: string;
  progress: string;
  imageUrl: string;
  failReason: string;
  prompt: string;
  promptEn: string;
  description: string;
  buttons: { customId: string; emoji: string; label: string; type: number; style: number }[];
  properties: { finalPrompt: string };
}

const png = (seed: string, width = 64, height = 64) =>
  `data:image/png;base64,${encodeBase64(drawPicture({ seed, width, height }))}`;

function make(options: GatewayOptions['mj'] = {}): MockGateway {
  return createGateway({ mj: { stepMs: STEP, steps: STEPS, ...options } });
}

async function submit(
  gateway: MockGateway,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const response = await gateway.fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function fetchTask(gateway: MockGateway, id: string): Promise<Task> {
  return (await gateway.fetch(`${BASE}/mj/task/${id}/fetch`)).json();
}

const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

async function finish(gateway: MockGateway, id: string): Promise<Task> {
  advance(STEP * (STEPS + 1));
  return fetchTask(gateway, id);
}

async function pngSizeAt(gateway: MockGateway, url: string) {
  const response = await gateway.fetch(url);
  expect(response.headers.get('content-type')).toBe('image/png');
  return readPngSize(new Uint8Array(await response.arrayBuffer()));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-25T12:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('MidJourney imagine lifecycle', () => {
  it('moves SUBMITTED -> IN_PROGRESS with rising progress and previews -> SUCCESS with a grid and buttons', async () => {
    const gateway = make();
    const { status, body } = await submit(gateway, '/mj/submit/imagine', {
      prompt: 'a red fox in snow --ar 16:9',
      state: 's1',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      code: 1,
      description: 'Submit success',
      properties: expect.any(Object),
    });
    expect(body.result).toMatch(/^\d{16}$/);
    const id: string = body.result;

    const first = await fetchTask(gateway, id);
    expect(first).toMatchObject({
      id,
      action: 'IMAGINE',
      status: 'SUBMITTED',
      progress: '0%',
      state: 's1',
      buttons: [],
    });
    expect(first.description).toBe('/imagine a red fox in snow --ar 16:9');

    advance(STEP);
    const early = await fetchTask(gateway, id);
    expect(early.status).toBe('IN_PROGRESS');
    expect(early.progress).toBe('14%');
    expect((await pngSizeAt(gateway, early.imageUrl))?.width).toBe(512);

    advance(STEP * 3);
    const later = await fetchTask(gateway, id);
    expect(Number.parseInt(later.progress, 10)).toBeGreaterThan(
      Number.parseInt(early.progress, 10),
    );
    expect(later.imageUrl).not.toBe(early.imageUrl);

    const done = await finish(gateway, id);
    expect(done).toMatchObject({ status: 'SUCCESS', progress: '100%', failReason: '' });
    expect(await pngSizeAt(gateway, done.imageUrl)).toEqual({ width: 1024, height: 576 });
    expect(done.buttons.map((b) => b.label || b.emoji)).toEqual([
      'U1',
      'U2',
      'U3',
      'U4',
      '🔄',
      'V1',
      'V2',
      'V3',
      'V4',
    ]);
    expect(done.buttons[0]?.customId).toMatch(/^MJ::JOB::upsample::1::[0-9a-f-]{36}$/);
    expect(done.buttons[4]?.customId).toMatch(/^MJ::JOB::reroll::0::[0-9a-f-]{36}::SOLO$/);
    expect(done.buttons.every((b) => b.type === 2 && b.style === 2)).toBe(true);
    expect(done.properties.finalPrompt).toBe('a red fox in snow --ar 16:9');
  });

  it('accepts a speed-mode prefix like /mj-fast', async () => {
    const gateway = make();
    const { body } = await submit(gateway, '/mj-fast/mj/submit/imagine', { prompt: 'fast' });
    expect(body.code).toBe(1);
    expect((await gateway.fetch(`${BASE}/mj-fast/mj/task/${body.result}/fetch`)).status).toBe(200);
  });

  it('prepends uploaded reference images to the prompt', async () => {
    const gateway = make();
    const { body } = await submit(gateway, '/mj/submit/imagine', {
      prompt: 'like this',
      base64Array: [png('ref')],
    });
    const task = await fetchTask(gateway, body.result);
    expect(task.prompt).toMatch(/^http:\/\/mock\.test\/files\/\S+\.png like this$/);
  });

  it('answers code 4 validation errors: empty prompt (gateway shape) and bad base64 (SubmitResult)', async () => {
    const gateway = make();
    const empty = await submit(gateway, '/mj/submit/imagine', { prompt: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({
      description: 'prompt_is_required',
      type: 'upstream_error',
      code: 4,
    });
    const bad = await submit(gateway, '/mj/submit/imagine', {
      prompt: 'x',
      base64Array: ['not a data url'],
    });
    expect(bad.body).toMatchObject({ code: 4, description: 'base64格式错误' });
  });

  it('answers 400 task_no_found for an unknown task id, like new-api', async () => {
    const gateway = make();
    const response = await gateway.fetch(`${BASE}/mj/task/123/fetch`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      description: 'task_no_found',
      type: 'upstream_error',
      code: 4,
    });
  });

  it('lists known tasks by ids and gives the image seed of a finished one', async () => {
    const gateway = make();
    const a = (await submit(gateway, '/mj/submit/imagine', { prompt: 'a' })).body.result;
    const b = (await submit(gateway, '/mj/submit/imagine', { prompt: 'b' })).body.result;
    const listed = await submit(gateway, '/mj/task/list-by-condition', { ids: [a, 'missing', b] });
    expect(listed.body.map((task: Task) => task.id)).toEqual([a, b]);
    expect((await submit(gateway, '/mj/task/list-by-condition', {})).body).toEqual([]);
    await finish(gateway, a);
    const seed = await (await gateway.fetch(`${BASE}/mj/task/${a}/image-seed`)).json();
    expect(seed).toMatchObject({ code: 1, result: expect.stringMatching(/^\d+$/) });
  });

  it('fails a prompt with a banned word, or rejects it with code 24 under the precheck', async () => {
    const gateway = make({ bannedWords: ['forbidden'] });
    const { body } = await submit(gateway, '/mj/submit/imagine', { prompt: 'a Forbidden thing' });
    expect(body.code).toBe(1);
    const failed = await finish(gateway, body.result);
    expect(failed.status).toBe('FAILURE');
    expect(failed.failReason).toContain('forbidden');
    const strict = make({ banCheck: 'precheck' });
    const rejected = await submit(strict, '/mj/submit/imagine', { prompt: 'forbidden fruit' });
    expect(rejected.body).toMatchObject({ code: 24, properties: { bannedWord: 'forbidden' } });
  });
});

describe('MidJourney queue', () => {
  it('queues tasks beyond concurrency in NOT_START and starts them when a slot frees', async () => {
    const gateway = make({ concurrency: 1 });
    const a = await submit(gateway, '/mj/submit/imagine', { prompt: 'first' });
    expect(a.body.description).toBe('Submit success');
    const b = await submit(gateway, '/mj/submit/imagine', { prompt: 'second' });
    expect(b.body).toMatchObject({
      code: 1,
      description: '排队中，前面还有1个任务',
      properties: { numberOfQueues: 1 },
    });
    expect((await fetchTask(gateway, b.body.result)).status).toBe('NOT_START');
    advance(STEP * (STEPS + 1));
    expect((await fetchTask(gateway, a.body.result)).status).toBe('SUCCESS');
    expect((await fetchTask(gateway, b.body.result)).status).toBe('SUBMITTED');
    expect((await finish(gateway, b.body.result)).status).toBe('SUCCESS');
  });

  it('answers code 22 for a queued task and 21 for a remix action under relay proxy', async () => {
    const gateway = make({ concurrency: 1, relay: 'proxy', remix: true });
    const first = await submit(gateway, '/mj/submit/imagine', { prompt: 'one' });
    const queued = await submit(gateway, '/mj/submit/imagine', { prompt: 'two' });
    expect(queued.body.code).toBe(22);
    advance(STEP * (STEPS + 1) * 2);
    const grid = await fetchTask(gateway, first.body.result);
    const v1 = grid.buttons.find((b) => b.label === 'V1');
    const remix = await submit(gateway, '/mj/submit/action', {
      taskId: grid.id,
      customId: v1?.customId,
    });
    expect(remix.body).toMatchObject({ code: 21, properties: { remix: true } });
  });
});

describe('MidJourney actions and modals', () => {
  async function finishedGrid(gateway: MockGateway): Promise<Task> {
    const { body } = await submit(gateway, '/mj/submit/imagine', { prompt: 'a lighthouse' });
    return finish(gateway, body.result);
  }

  it('upscales U1 into a single image with the upscale button set', async () => {
    const gateway = make();
    const grid = await finishedGrid(gateway);
    const u1 = grid.buttons.find((b) => b.label === 'U1');
    const { body } = await submit(gateway, '/mj/submit/action', {
      taskId: grid.id,
      customId: u1?.customId,
    });
    expect(body.code).toBe(1);
    expect(body.result).not.toBe(grid.id);
    const upscaled = await finish(gateway, body.result);
    expect(upscaled).toMatchObject({ action: 'UPSCALE', status: 'SUCCESS' });
    expect(upscaled.description).toBe(`/up ${grid.id} U1`);
    const labels = upscaled.buttons.map((b) => b.label || b.emoji);
    for (const label of [
      'Vary (Strong)',
      'Vary (Subtle)',
      'Zoom Out 2x',
      'Zoom Out 1.5x',
      'Custom Zoom',
      'Vary (Region)',
      '⬅️',
      '➡️',
      '⬆️',
      '⬇️',
    ]) {
      expect(labels).toContain(label);
    }
    expect(await pngSizeAt(gateway, upscaled.imageUrl)).toEqual({ width: 1024, height: 1024 });
  });

  it('runs Vary (Region): code 21, a MODAL task that waits, then /mj/submit/modal with a mask starts it', async () => {
    const gateway = make();
    const grid = await finishedGrid(gateway);
    const u2 = grid.buttons.find((b) => b.label === 'U2');
    const upscaled = await finish(
      gateway,
      (await submit(gateway, '/mj/submit/action', { taskId: grid.id, customId: u2?.customId })).body
        .result,
    );
    const region = upscaled.buttons.find((b) => b.label === 'Vary (Region)');
    expect(region?.customId).toMatch(/^MJ::Inpaint::1::[0-9a-f-]{36}::SOLO$/);
    const { body } = await submit(gateway, '/mj/submit/action', {
      taskId: upscaled.id,
      customId: region?.customId,
    });
    expect(body).toMatchObject({
      code: 21,
      description: 'Waiting for window confirm',
      properties: { finalPrompt: 'a lighthouse' },
    });
    const id: string = body.result;
    advance(STEP * 20);
    expect(await fetchTask(gateway, id)).toMatchObject({ status: 'MODAL', action: 'INPAINT' });

    const noMask = await submit(gateway, '/mj/submit/modal', {
      taskId: id,
      prompt: 'a lighthouse with a flag',
    });
    expect(noMask.body.code).toBe(4);
    const confirmed = await submit(gateway, '/mj/submit/modal', {
      taskId: id,
      prompt: 'a lighthouse with a flag',
      maskBase64: png('mask'),
    });
    expect(confirmed.body).toMatchObject({ code: 1, result: id });
    expect((await fetchTask(gateway, id)).status).toBe('SUBMITTED');
    const done = await finish(gateway, id);
    expect(done).toMatchObject({ status: 'SUCCESS', prompt: 'a lighthouse with a flag' });
    const again = await submit(gateway, '/mj/submit/modal', {
      taskId: id,
      prompt: 'x',
      maskBase64: png('mask'),
    });
    expect(again.body.code).toBe(4);
  });

  it('runs Custom Zoom through a modal that needs --zoom between 1 and 2', async () => {
    const gateway = make();
    const grid = await finishedGrid(gateway);
    const upscaled = await finish(
      gateway,
      (
        await submit(gateway, '/mj/submit/action', {
          taskId: grid.id,
          customId: grid.buttons[0]?.customId,
        })
      ).body.result,
    );
    const zoom = upscaled.buttons.find((b) => b.label === 'Custom Zoom');
    expect(zoom?.customId).toMatch(/^MJ::CustomZoom::[0-9a-f-]{36}$/);
    const { body } = await submit(gateway, '/mj/submit/action', {
      taskId: upscaled.id,
      customId: zoom?.customId,
    });
    expect(body.code).toBe(21);
    expect(
      (await submit(gateway, '/mj/submit/modal', { taskId: body.result, prompt: 'wider' })).body
        .code,
    ).toBe(4);
    expect(
      (
        await submit(gateway, '/mj/submit/modal', {
          taskId: body.result,
          prompt: 'wider --zoom 1.5',
        })
      ).body.code,
    ).toBe(1);
    expect((await finish(gateway, body.result)).status).toBe('SUCCESS');
  });

  it('puts remix-mode variations in MODAL while answering code 1, as through new-api', async () => {
    const gateway = make({ remix: true });
    const grid = await finishedGrid(gateway);
    const v1 = grid.buttons.find((b) => b.label === 'V1');
    const { body } = await submit(gateway, '/mj/submit/action', {
      taskId: grid.id,
      customId: v1?.customId,
    });
    expect(body.code).toBe(1);
    expect((await fetchTask(gateway, body.result)).status).toBe('MODAL');
    expect((await submit(gateway, '/mj/submit/modal', { taskId: body.result })).body.code).toBe(1);
    expect((await finish(gateway, body.result)).action).toBe('VARIATION');
  });

  it('answers zoom out, pan and reroll with new grid tasks, and bookmark with the parent id', async () => {
    const gateway = make();
    const grid = await finishedGrid(gateway);
    const reroll = await submit(gateway, '/mj/submit/action', {
      taskId: grid.id,
      customId: grid.buttons[4]?.customId,
    });
    expect((await finish(gateway, reroll.body.result)).action).toBe('REROLL');
    const upscaled = await finish(
      gateway,
      (
        await submit(gateway, '/mj/submit/action', {
          taskId: grid.id,
          customId: grid.buttons[0]?.customId,
        })
      ).body.result,
    );
    for (const [label, action] of [
      ['Zoom Out 2x', 'ZOOM'],
      ['⬅️', 'PAN'],
      ['Vary (Strong)', 'HIGH_VARIATION'],
    ]) {
      const b = upscaled.buttons.find((x) => (x.label || x.emoji) === label);
      const { body } = await submit(gateway, '/mj/submit/action', {
        taskId: upscaled.id,
        customId: b?.customId,
      });
      expect(body.code).toBe(1);
      const done = await finish(gateway, body.result);
      expect(done.action).toBe(action);
      expect(done.buttons.map((x) => x.label)).toContain('U1');
    }
    const bookmark = upscaled.buttons.find((b) => b.emoji === '❤️');
    expect(
      (
        await submit(gateway, '/mj/submit/action', {
          taskId: upscaled.id,
          customId: bookmark?.customId,
        })
      ).body.result,
    ).toBe(upscaled.id);
  });

  it('rejects actions on unknown, unfinished parents and unknown buttons', async () => {
    const gateway = make();
    const missing = await submit(gateway, '/mj/submit/action', {
      taskId: '1',
      customId: 'MJ::JOB::upsample::1::x',
    });
    expect(missing.body).toEqual({
      description: 'task_not_found',
      type: 'upstream_error',
      code: 4,
    });
    const { body } = await submit(gateway, '/mj/submit/imagine', { prompt: 'p' });
    const grid = await finish(gateway, body.result);
    const unknown = await submit(gateway, '/mj/submit/action', {
      taskId: grid.id,
      customId: 'MJ::Nope::1',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('unknown_action');
    const running = (await submit(gateway, '/mj/submit/imagine', { prompt: 'q' })).body.result;
    const notDone = await submit(gateway, '/mj/submit/action', {
      taskId: running,
      customId: grid.buttons[0]?.customId,
    });
    expect(notDone.status).toBe(400);
  });
});

describe('MidJourney describe, shorten, blend and swap face', () => {
  it('describes an image into four keycap-numbered prompts and shows the image', async () => {
    const gateway = make();
    const { body } = await submit(gateway, '/mj/submit/describe', {
      base64: png('photo', 300, 200),
    });
    expect(body.code).toBe(1);
    const done = await finish(gateway, body.result);
    expect(done).toMatchObject({ action: 'DESCRIBE', status: 'SUCCESS', prompt: '' });
    const lines = done.properties.finalPrompt.split('\n').filter(Boolean);
    expect(lines).toHaveLength(4);
    lines.forEach((line, i) => {
      expect(line.startsWith(`${i + 1}\uFE0F\u20E3 `)).toBe(true);
      expect(line).toContain('--ar 3:2');
    });
    expect(done.promptEn).toBe(done.properties.finalPrompt);
    expect(await pngSizeAt(gateway, done.imageUrl)).toEqual({ width: 300, height: 200 });
    expect((await submit(gateway, '/mj/submit/describe', { base64: 'nope' })).body.code).toBe(4);
  });

  it('shortens a prompt into the important tokens and five shortened prompts', async () => {
    const gateway = make();
    const { body } = await submit(gateway, '/mj/submit/shorten', {
      prompt: 'a castle in the style of expert watercolour, dreamlike quality --ar 3:2',
    });
    const done = await finish(gateway, body.result);
    const text = done.properties.finalPrompt;
    expect(text).toMatch(/^## Important tokens\n/);
    expect(text).toContain('**castle**');
    expect(text).toContain('~~the~~');
    const shortened = text.split('## Shortened prompts\n')[1]?.split('\n').filter(Boolean) ?? [];
    expect(shortened).toHaveLength(5);
    expect(shortened[4]).toMatch(/^5\uFE0F\u20E3 \S/);
    expect(shortened[0]).toContain('--ar 3:2');
  });

  it('blends 2 to 5 images with the given dimensions and rejects other counts', async () => {
    const gateway = make();
    expect(
      (await submit(gateway, '/mj/submit/blend', { base64Array: [png('a')] })).body,
    ).toMatchObject({ code: 4 });
    expect(
      (
        await submit(gateway, '/mj/submit/blend', {
          base64Array: [png('a'), png('b')],
          dimensions: null,
        })
      ).body.code,
    ).toBe(4);
    const { body } = await submit(gateway, '/mj/submit/blend', {
      base64Array: [png('a'), png('b'), png('c')],
      dimensions: 'LANDSCAPE',
    });
    const done = await finish(gateway, body.result);
    expect(done).toMatchObject({ action: 'BLEND', status: 'SUCCESS' });
    expect(done.description).toBe(`/blend ${done.id} 3`);
    expect(await pngSizeAt(gateway, done.imageUrl)).toEqual({ width: 1024, height: 683 });
  });

  it('swaps faces only when both images are given', async () => {
    const gateway = make();
    const missing = await submit(gateway, '/mj/insight-face/swap', { sourceBase64: png('face') });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      description: 'sour_base64_and_target_base64_is_required',
      type: 'upstream_error',
      code: 4,
    });
    const { body } = await submit(gateway, '/mj/insight-face/swap', {
      sourceBase64: png('face'),
      targetBase64: png('scene', 128, 96),
    });
    const done = await finish(gateway, body.result);
    expect(done).toMatchObject({ action: 'SWAP_FACE', status: 'SUCCESS', prompt: 'InsightFace' });
    expect(await pngSizeAt(gateway, done.imageUrl)).toEqual({ width: 128, height: 96 });
  });
});

describe('MidJourney faults', () => {
  it('keeps a task IN_PROGRESS forever under mj-stuck', async () => {
    const gateway = make();
    const { body } = await submit(
      gateway,
      '/mj/submit/imagine',
      { prompt: 'stuck' },
      { 'x-mock-fault': 'mj-stuck' },
    );
    advance(STEP * 1000);
    const task = await fetchTask(gateway, body.result);
    expect(task.status).toBe('IN_PROGRESS');
    expect(task.progress).toBe('43%');
  });

  it('ends a task in FAILURE with a reason under mj-failure', async () => {
    const gateway = make();
    const { body } = await submit(
      gateway,
      '/mj/submit/imagine',
      { prompt: 'doomed' },
      { 'x-mock-fault': 'mj-failure' },
    );
    const task = await finish(gateway, body.result);
    expect(task.status).toBe('FAILURE');
    expect(task.failReason).not.toBe('');
    expect(task.buttons).toEqual([]);
  });

  it('gives a task image URLs that 404 under image-404', async () => {
    const gateway = make();
    const { body } = await submit(
      gateway,
      '/mj/submit/imagine',
      { prompt: 'gone' },
      { 'x-mock-fault': 'image-404' },
    );
    const task = await finish(gateway, body.result);
    expect(task.status).toBe('SUCCESS');
    expect((await gateway.fetch(task.imageUrl)).status).toBe(404);
  });

  it('requires the key as Bearer or mj-api-secret when the gateway has one', async () => {
    const gateway = createGateway({ apiKey: 'sk-mj' });
    const denied = await gateway.fetch(`${BASE}/mj/task/1/fetch`);
    expect(denied.status).toBe(401);
    const allowed = await gateway.fetch(`${BASE}/mj/task/1/fetch`, {
      headers: { 'mj-api-secret': 'sk-mj' },
    });
    expect(allowed.status).toBe(400);
  });
});
