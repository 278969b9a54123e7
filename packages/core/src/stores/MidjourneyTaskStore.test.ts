import { createGateway } from '@aitre/mock-gateway';
import { afterEach, describe, expect, it } from 'vitest';
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
    const { client, fetches } = setup({ mj: { stepMs: 10, steps: 3 } });
    const submitter = track(new MidjourneyTaskStore(client, FAST));
    const taskId = (await submitter.imagine({ prompt: 'three watchers' }))!;
    submitter.dispose();
    const watchers = [1, 2, 3].map(() =>
      track(new MidjourneyTaskStore(client, { ...FAST, taskId })),
    );
    const results = await Promise.all(watchers.map((w) => until(w, settled)));
    expect(results.map((r) => r.status)).toEqual(['success', 'success', 'success']);
    // Every watcher saw the same fetched task object: there was only one sequence.
    expect(results[1]?.task).toBe(results[0]?.task);
    expect(results[2]?.task).toBe(results[0]?.task);

    // Compare with one store watching a second task alone: the same number of fetches.
    const alone = track(new MidjourneyTaskStore(client, FAST));
    const otherId = (await alone.imagine({ prompt: 'one watcher' }))!;
    alone.dispose();
    const single = track(new MidjourneyTaskStore(client, { ...FAST, taskId: otherId }));
    await until(single, settled);
    expect(Math.abs(fetches(taskId) - fetches(otherId))).toBeLessThanOrEqual(1);
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
