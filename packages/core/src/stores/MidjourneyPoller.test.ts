import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AitreClient, MjTask } from '../client/index.js';
import { ConnectionError, MidjourneyError } from '../errors.js';
import { acquireMidjourneyPoller, MidjourneyPoller } from './MidjourneyPoller.js';
import { MidjourneyTaskTimeoutError } from './MidjourneyTaskTimeoutError.js';
import type { VisibilitySource } from './visibility.js';

function task(status: string, extra: Partial<MjTask> = {}): MjTask {
  return {
    id: '42',
    action: 'IMAGINE',
    status,
    progress: '',
    prompt: 'a fox',
    promptEn: 'a fox',
    description: '',
    submitTime: 0,
    startTime: 0,
    finishTime: 0,
    imageUrl: null,
    failReason: null,
    buttons: [],
    properties: {},
    ...extra,
  };
}

/** A client whose fetchTask answers from `answer` and records when it was called. */
function fakeClient(answer: (call: number) => MjTask | Error) {
  const calls: number[] = [];
  const client = {
    midjourney: {
      fetchTask: async (_id: string, opts?: { signal?: AbortSignal }) => {
        calls.push(Date.now());
        const result = answer(calls.length);
        if (opts?.signal?.aborted) throw new Error('aborted');
        if (result instanceof Error) throw result;
        return result;
      },
    },
  } as unknown as AitreClient;
  return { client, calls };
}

const deltas = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] as number));

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('MidjourneyPoller', () => {
  it('polls after about 1 s, then backs off by 1.5x up to 5 s, and stops on SUCCESS', async () => {
    const { client, calls } = fakeClient((n) =>
      n < 8 ? task('IN_PROGRESS', { progress: `${n * 10}%` }) : task('SUCCESS'),
    );
    const poller = new MidjourneyPoller(client, '42');
    poller.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls[0]).toBe(1000);
    expect(deltas(calls)).toEqual([1500, 2250, 3375, 5000, 5000, 5000, 5000]);
    expect(poller.getSnapshot().phase).toBe('done');
    expect(poller.getSnapshot().task?.status).toBe('SUCCESS');
  });

  it('backs off by 1.5x up to 15 s on errors and recovers after a success', async () => {
    const { client, calls } = fakeClient((n) =>
      n <= 6 ? new ConnectionError('down') : n === 7 ? task('IN_PROGRESS') : task('SUCCESS'),
    );
    const poller = new MidjourneyPoller(client, '42');
    poller.start();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(deltas(calls)).toEqual([1500, 2250, 3375, 5063, 7595, 11393, 5000]);
    expect(poller.getSnapshot().phase).toBe('done');
    expect(poller.getSnapshot().failures).toBe(0);
  });

  it('caps error backoff at 15 s', async () => {
    const { client, calls } = fakeClient(() => new ConnectionError('down'));
    const poller = new MidjourneyPoller(client, '42', { timeoutMs: 10 * 60_000 });
    poller.start();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(Math.max(...deltas(calls))).toBe(15_000);
    expect(poller.getSnapshot().failures).toBeGreaterThan(6);
    poller.stop();
  });

  it('stops with a non-retryable fetch error such as an unknown task', async () => {
    const notFound = new MidjourneyError('Task not found', {
      code: 3,
      description: 'not found',
      kind: 'not_found',
    });
    const { client, calls } = fakeClient(() => notFound);
    const poller = new MidjourneyPoller(client, '42');
    poller.start(0);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls).toHaveLength(1);
    expect(poller.getSnapshot()).toMatchObject({ phase: 'error', error: notFound });
  });

  it('times out with a typed error that keeps the task id, and refresh() resumes', async () => {
    const { client, calls } = fakeClient((n) => (n < 20 ? task('IN_PROGRESS') : task('SUCCESS')));
    const poller = new MidjourneyPoller(client, '42', { timeoutMs: 30_000 });
    poller.start();
    await vi.advanceTimersByTimeAsync(60_000);
    const { phase, error } = poller.getSnapshot();
    expect(phase).toBe('error');
    expect(error).toBeInstanceOf(MidjourneyTaskTimeoutError);
    expect(error?.kind).toBe('timeout');
    expect((error as MidjourneyTaskTimeoutError).taskId).toBe('42');
    // The last fetch happens exactly at the deadline.
    expect(calls.at(-1)).toBe(30_000);
    const before = calls.length;
    poller.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.length).toBe(before + 1);
    expect(poller.getSnapshot()).toMatchObject({ phase: 'polling', error: undefined });
    poller.stop();
  });

  it('looks once more when a page hidden past the deadline is shown, then times out', async () => {
    let hidden = false;
    const listeners = new Set<() => void>();
    const visibility: VisibilitySource = {
      isHidden: () => hidden,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const { client, calls } = fakeClient(() => task('IN_PROGRESS'));
    const poller = new MidjourneyPoller(client, '42', { visibility, timeoutMs: 10_000 });
    poller.start();
    await vi.advanceTimersByTimeAsync(1000);
    hidden = true;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(poller.getSnapshot().phase).toBe('hidden');
    hidden = false;
    for (const listener of listeners) listener();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    expect(poller.getSnapshot().error?.kind).toBe('timeout');
  });

  it('pauses in MODAL until started again', async () => {
    const { client, calls } = fakeClient((n) => (n === 1 ? task('MODAL') : task('SUCCESS')));
    const poller = new MidjourneyPoller(client, '42');
    poller.start();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls).toHaveLength(1);
    expect(poller.getSnapshot().phase).toBe('modal');
    poller.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(2);
    expect(poller.getSnapshot().phase).toBe('done');
  });

  it('pauses while the page is hidden and fetches at once when it is shown again', async () => {
    let hidden = false;
    const listeners = new Set<() => void>();
    const visibility: VisibilitySource = {
      isHidden: () => hidden,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const { client, calls } = fakeClient(() => task('IN_PROGRESS'));
    const poller = new MidjourneyPoller(client, '42', { visibility });
    poller.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(1);
    hidden = true;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    expect(poller.getSnapshot().phase).toBe('hidden');
    hidden = false;
    for (const listener of listeners) listener();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toBe(61_000);
    expect(poller.getSnapshot().phase).toBe('polling');
    poller.stop();
    expect(listeners.size).toBe(0);
  });
});

describe('acquireMidjourneyPoller', () => {
  it('shares one poller per client and task id and stops it when the last watcher leaves', async () => {
    const { client, calls } = fakeClient(() => task('IN_PROGRESS'));
    const a = acquireMidjourneyPoller(client, '42');
    const b = acquireMidjourneyPoller(client, '42');
    const c = acquireMidjourneyPoller(client, '42');
    expect(a.poller).toBe(b.poller);
    expect(b.poller).toBe(c.poller);
    await vi.advanceTimersByTimeAsync(1000 + 1500 + 2250);
    expect(calls).toHaveLength(3);
    a.release();
    a.release();
    b.release();
    await vi.advanceTimersByTimeAsync(3375);
    expect(calls).toHaveLength(4);
    c.release();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(4);
    expect(c.poller.getSnapshot().phase).toBe('idle');
    const again = acquireMidjourneyPoller(client, '42', { immediate: true });
    expect(again.poller).not.toBe(a.poller);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(5);
    again.release();
  });

  it('keeps pollers of different clients apart', () => {
    const one = fakeClient(() => task('IN_PROGRESS')).client;
    const two = fakeClient(() => task('IN_PROGRESS')).client;
    const a = acquireMidjourneyPoller(one, '42');
    const b = acquireMidjourneyPoller(two, '42');
    expect(a.poller).not.toBe(b.poller);
    a.release();
    b.release();
  });
});
