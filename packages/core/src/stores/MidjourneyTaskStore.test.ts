import { createGateway } from '@aitre/mock-gateway';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../client/index.js';
import { type MidjourneyTaskSnapshot, MidjourneyTaskStore } from './MidjourneyTaskStore.js';
import { MidjourneyTaskTimeoutError } from './MidjourneyTaskTimeoutError.js';

const FAST = { initialDelayMs: 5, maxIntervalMs: 10, maxErrorIntervalMs: 20 };
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function setup(mj: Parameters<typeof createGateway>[0] = {}) {
  const gateway = createGateway({ fileUrls: 'data', ...mj, mj: { stepMs: 5, steps: 2, ...mj.mj } });
  const client = createClient({ baseURL: 'http://127.0.0.1:8787', fetch: gateway.fetch });
  const fetches = (taskId: string) =>
    gateway.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/task/${taskId}/fetch`))
      .length;
  const submits = () => gateway.requests.filter((r) => r.method === 'POST').length;
  return { gateway, client, fetches, submits };
}

/** Resolves with the first snapshot matching `predicate`. */
function until(
  store: MidjourneyTaskStore,
  predicate: (s: MidjourneyTaskSnapshot) => boolean,
): Promise<MidjourneyTaskSnapshot> {
  return new Promise((resolve) => {
    const check = () => {
      const snapshot = store.getSnapshot();
      if (!predicate(snapshot)) return;
      unsubscribe();
      resolve(snapshot);
    };
    const unsubscribe = store.subscribe(check);
    check();
  });
}

const settled = (s: MidjourneyTaskSnapshot) =>
  s.status === 'success' || s.status === 'failure' || s.status === 'error' || s.status === 'modal';

const stores: MidjourneyTaskStore[] = [];
const track = (store: MidjourneyTaskStore) => {
  stores.push(store);
  return store;
};

afterEach(() => {
  for (const store of stores.splice(0)) store.dispose();
  vi.useRealTimers();
});

describe('MidjourneyTaskStore', () => {
  it('runs imagine -> U1 -> Custom Zoom (code 21) -> submitModal -> SUCCESS', async () => {
    const { client } = setup();
    const store = track(new MidjourneyTaskStore(client, FAST));
    const submitted = store.imagine({ prompt: 'a red fox in snow --ar 3:2' });
    expect(store.getSnapshot().status).toBe('submitting');
    const gridId = await submitted;
    expect(gridId).toEqual(expect.any(String));
    const grid = await until(store, settled);
    expect(grid.status).toBe('success');
    expect(grid.progress).toBe(100);
    expect(grid.imageUrl).toBeTruthy();
    const u1 = grid.buttons.find((b) => b.kind === 'upscale' && b.index === 1);
    expect(u1).toBeDefined();
    expect(grid.buttons.filter((b) => b.kind === 'variation')).toHaveLength(4);

    const upscaleId = await store.action(u1!);
    expect(upscaleId).not.toBe(gridId);
    expect(store.getSnapshot().parentTaskId).toBe(gridId);
    const upscaled = await until(store, settled);
    expect(upscaled.status).toBe('success');
    const zoom = upscaled.buttons.find((b) => b.kind === 'zoom' && b.needsModal);
    expect(zoom).toBeDefined();

    const modalId = await store.action(zoom!);
    const modal = store.getSnapshot();
    expect(modal.status).toBe('modal');
    expect(modal.pendingModal).toMatchObject({ taskId: modalId });
    expect(typeof modal.pendingModal?.finalPrompt).toBe('string');

    const finalId = await store.submitModal({ prompt: 'a red fox in snow --zoom 1.8' });
    expect(finalId).toBe(modalId);
    const done = await until(store, settled);
    expect(done).toMatchObject({ status: 'success', taskId: modalId, pendingModal: undefined });
  });

  it('opens the modal when a fetch shows MODAL (remix answered code 1) and resumes the same id', async () => {
    const { client } = setup({ mj: { remix: true } });
    const store = track(new MidjourneyTaskStore(client, FAST));
    const watcher = track(new MidjourneyTaskStore(client, FAST));
    await store.imagine({ prompt: 'a red fox' });
    const grid = await until(store, settled);
    const v2 = grid.buttons.find((b) => b.kind === 'variation' && b.index === 2);
    const variationId = (await store.action(v2!))!;
    watcher.watch(variationId);
    const modal = await until(store, settled);
    expect(modal.status).toBe('modal');
    expect(modal.task?.status).toBe('MODAL');
    expect(modal.pendingModal?.taskId).toBe(variationId);
    await until(watcher, (s) => s.status === 'modal');
    expect(await store.submitModal({ prompt: 'a red fox, remixed' })).toBe(variationId);
    expect(store.getSnapshot().pendingModal).toBeUndefined();
    const done = await until(store, (s) => s.status === 'success');
    expect(done.taskId).toBe(variationId);
    expect((await until(watcher, (s) => s.status === 'success')).task).toBe(done.task);
  });

  it('resumes an existing task by id after a "reload"', async () => {
    const { client, fetches } = setup();
    const first = track(new MidjourneyTaskStore(client, FAST));
    const taskId = await first.imagine({ prompt: 'a lighthouse' });
    first.dispose();
    const resumed = track(new MidjourneyTaskStore(client, { ...FAST, taskId: taskId! }));
    expect(resumed.getSnapshot().taskId).toBe(taskId);
    const done = await until(resumed, settled);
    expect(done.status).toBe('success');
    expect(done.task?.id).toBe(taskId);
    expect(fetches(taskId!)).toBeGreaterThan(0);
  });

  it('shares one poll sequence between three stores watching the same task', async () => {
    vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { client, fetches } = setup({ mj: { stepMs: 1000, steps: 6 } });
    const shared = (await client.midjourney.imagine({ prompt: 'three watchers' })).taskId;
    const alone = (await client.midjourney.imagine({ prompt: 'one watcher' })).taskId;
    const watchers = [1, 2, 3].map(() =>
      track(new MidjourneyTaskStore(client, { taskId: shared })),
    );
    const single = track(new MidjourneyTaskStore(client, { taskId: alone }));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(watchers.map((w) => w.getSnapshot().status)).toEqual(['success', 'success', 'success']);
    expect(single.getSnapshot().status).toBe('success');
    // Three watchers cost exactly what one costs: 0, 1.5, 3.75 and 7.125 s after resuming.
    expect(fetches(shared)).toBe(fetches(alone));
    expect(fetches(shared)).toBe(4);
    const [a, b, c] = watchers.map((w) => w.getSnapshot().task);
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('polls the gateway about 1 s after submit, backing off by 1.5x to 5 s', async () => {
    vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const gateway = createGateway({ mj: { stepMs: 5000, steps: 6 } });
    const times: number[] = [];
    const client = createClient({
      baseURL: 'http://127.0.0.1:8787',
      fetch: (input, init) => {
        if (String(input instanceof Request ? input.url : input).endsWith('/fetch')) {
          times.push(Date.now());
        }
        return gateway.fetch(input, init);
      },
    });
    const store = track(new MidjourneyTaskStore(client));
    await store.imagine({ prompt: 'slow and steady' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(store.getSnapshot().status).toBe('success');
    expect(times.slice(0, 7)).toEqual([1000, 2500, 4750, 8125, 13125, 18125, 23125]);
  });

  it('reports a FAILURE with the gateway failReason (banned word)', async () => {
    const { client } = setup();
    const store = track(new MidjourneyTaskStore(client, FAST));
    await store.imagine({ prompt: 'something forbidden here' });
    const failed = await until(store, settled);
    expect(failed.status).toBe('failure');
    expect(failed.failReason).toBeTruthy();
    expect(failed.error?.kind).toBe('midjourney');
    expect(failed.error?.message).toBe(failed.failReason);
  });

  it('times out with a typed error keeping the task id (stuck task)', async () => {
    const { client } = setup();
    const store = track(new MidjourneyTaskStore(client, { ...FAST, timeoutMs: 80 }));
    const stuck = await client.midjourney.imagine(
      { prompt: 'never ends' },
      { headers: { 'x-mock-fault': 'mj-stuck' } },
    );
    store.watch(stuck.taskId);
    const timedOut = await until(store, (s) => s.status === 'error');
    expect(timedOut.error).toBeInstanceOf(MidjourneyTaskTimeoutError);
    expect(timedOut.error?.kind).toBe('timeout');
    expect(timedOut.taskId).toBe(stuck.taskId);
  });

  it('reads describe prompts as an array', async () => {
    const { client } = setup();
    const store = track(new MidjourneyTaskStore(client, FAST));
    await store.describe({ base64: PNG });
    const done = await until(store, settled);
    expect(done.status).toBe('success');
    expect(done.describePrompts).toHaveLength(4);
    for (const prompt of done.describePrompts) expect(prompt).not.toMatch(/^\d\uFE0F?\u20E3/);
  });

  it('reads shorten suggestions and tokens', async () => {
    const { client } = setup();
    const store = track(new MidjourneyTaskStore(client, FAST));
    await store.shorten({
      prompt: 'a very detailed portrait of a cat, in the style of old masters',
    });
    const done = await until(store, settled);
    expect(done.status).toBe('success');
    expect(done.shortenSuggestions.length).toBeGreaterThan(0);
    expect(done.shortenAnalysis?.suggestions).toBe(done.shortenSuggestions);
  });

  it('rejects an empty prompt and a one-image blend before any request', async () => {
    const { client, submits } = setup();
    const store = track(new MidjourneyTaskStore(client, FAST));
    await store.imagine({ prompt: '  ' });
    expect(store.getSnapshot()).toMatchObject({ status: 'error' });
    expect(store.getSnapshot().error).toMatchObject({ kind: 'validation', code: 'prompt_empty' });
    await store.blend({ base64Array: [PNG] });
    expect(store.getSnapshot().error).toMatchObject({ kind: 'validation', code: 'blend_count' });
    await store.submitModal({ prompt: 'nothing waits' });
    expect(store.getSnapshot().error).toMatchObject({ code: 'task_id_missing' });
    expect(submits()).toBe(0);
  });

  it('sends submits with a speed mode under its path prefix (/mj-relax/mj/...)', async () => {
    const { gateway, client } = setup();
    const store = track(new MidjourneyTaskStore(client, FAST));
    await store.imagine({ prompt: 'a slow fox' }, { mode: 'relax' });
    const grid = await until(store, settled);
    const u1 = grid.buttons.find((b) => b.kind === 'upscale' && b.index === 1);
    await store.action(u1!, undefined, { mode: 'turbo' });
    const posts = gateway.requests.filter((r) => r.method === 'POST').map((r) => r.path);
    expect(posts).toEqual(['/mj-relax/mj/submit/imagine', '/mj-turbo/mj/submit/action']);
  });

  it('stops polling on cancel and resumes on refresh', async () => {
    const { client, fetches } = setup({ mj: { stepMs: 20, steps: 3 } });
    const store = track(new MidjourneyTaskStore(client, FAST));
    const taskId = (await store.imagine({ prompt: 'a slow one' }))!;
    store.cancel();
    expect(store.getSnapshot()).toMatchObject({ status: 'stopped', taskId });
    const before = fetches(taskId);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetches(taskId)).toBe(before);
    store.refresh();
    expect((await until(store, settled)).status).toBe('success');
  });
});
