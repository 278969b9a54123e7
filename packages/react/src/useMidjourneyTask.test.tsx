import { type AitreClient, createClient } from '@aitre/core';
import { createGateway } from '@aitre/mock-gateway';
import { act, cleanup, render, renderHook, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AitreProvider } from './AitreProvider.js';
import {
  type UseMidjourneyTaskOptions,
  type UseMidjourneyTaskResult,
  useMidjourneyTask,
} from './useMidjourneyTask.js';

const FAST = { initialDelayMs: 5, maxIntervalMs: 10, maxErrorIntervalMs: 20 };

function setup(mj: { stepMs?: number; steps?: number } = {}) {
  const gateway = createGateway({ mj: { stepMs: 5, steps: 2, ...mj } });
  let requests = 0;
  const client = createClient({
    baseURL: 'http://127.0.0.1:8787',
    fetch: (input, init) => {
      requests += 1;
      return gateway.fetch(input, init);
    },
  });
  const fetches = (taskId: string) =>
    gateway.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/task/${taskId}/fetch`))
      .length;
  return { client, fetches, requests: () => requests };
}

async function submitTask(client: AitreClient, prompt: string): Promise<string> {
  const result = await client.midjourney.imagine({ prompt });
  return result.taskId;
}

/** Shows a task's status, recording every result it rendered. */
function Watcher(props: {
  client: AitreClient;
  taskId: string;
  seen: UseMidjourneyTaskResult[];
  options: UseMidjourneyTaskOptions;
}) {
  const task = useMidjourneyTask({ ...props.options, taskId: props.taskId, client: props.client });
  props.seen.push(task);
  return <p>{task.status}</p>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useMidjourneyTask', () => {
  it('runs imagine -> U1 -> Custom Zoom modal -> SUCCESS through the hook, with the client from AitreProvider', async () => {
    const { client } = setup();
    const { result } = renderHook(() => useMidjourneyTask(FAST), {
      wrapper: ({ children }) => <AitreProvider client={client}>{children}</AitreProvider>,
    });
    expect(result.current.status).toBe('idle');
    await act(async () => {
      await result.current.imagine({ prompt: 'a red fox in snow' });
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.progress).toBe(100);
    expect(result.current.imageUrl).toBeTruthy();
    const u1 = result.current.buttons.find((b) => b.kind === 'upscale' && b.index === 1);
    expect(u1).toBeDefined();
    const gridId = result.current.taskId;
    await act(async () => {
      await result.current.action(u1!);
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.taskId).not.toBe(gridId);
    expect(result.current.parentTaskId).toBe(gridId);
    const zoom = result.current.buttons.find((b) => b.kind === 'zoom' && b.needsModal);
    await act(async () => {
      await result.current.action(zoom!);
    });
    expect(result.current.status).toBe('modal');
    const modalId = result.current.pendingModal?.taskId;
    expect(modalId).toEqual(expect.any(String));
    await act(async () => {
      await result.current.submitModal({ prompt: 'a red fox in snow --zoom 1.5' });
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.taskId).toBe(modalId);
  });

  it('resumes a task by taskId', async () => {
    const { client } = setup();
    const taskId = await submitTask(client, 'a lighthouse');
    const { result } = renderHook(() => useMidjourneyTask({ ...FAST, taskId, client }));
    expect(result.current.taskId).toBe(taskId);
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.task?.id).toBe(taskId);
  });

  it('passes a speed mode to the submit path', async () => {
    const gateway = createGateway({ mj: { stepMs: 5, steps: 2 } });
    const client = createClient({ baseURL: 'http://127.0.0.1:8787', fetch: gateway.fetch });
    const { result } = renderHook(() => useMidjourneyTask({ ...FAST, client }));
    await act(async () => {
      await result.current.imagine({ prompt: 'a fast fox' }, { mode: 'fast' });
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(gateway.requests[0]?.path).toBe('/mj-fast/mj/submit/imagine');
  });

  it('polls once for three components watching the same task id', async () => {
    vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { client, fetches } = setup({ stepMs: 1000, steps: 6 });
    const taskId = await submitTask(client, 'shared');
    const seen: UseMidjourneyTaskResult[][] = [[], [], []];
    render(
      <>
        <Watcher client={client} taskId={taskId} seen={seen[0]!} options={{}} />
        <Watcher client={client} taskId={taskId} seen={seen[1]!} options={{}} />
        <Watcher client={client} taskId={taskId} seen={seen[2]!} options={{}} />
      </>,
    );
    await act(async () => {
      await vi.advanceTimersByTimeAsync(30_000);
    });
    const finals = seen.map((list) => list.at(-1));
    expect(finals.map((f) => f?.status)).toEqual(['success', 'success', 'success']);
    expect(finals[1]?.task).toBe(finals[0]?.task);
    expect(finals[2]?.task).toBe(finals[0]?.task);
    // One sequence: 0, 1.5, 3.75 and 7.125 s after mounting, whatever the number of watchers.
    expect(fetches(taskId)).toBe(4);
  });

  it('keeps one poll sequence under StrictMode double mounting', async () => {
    vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { client, fetches } = setup({ stepMs: 1000, steps: 6 });
    const taskId = await submitTask(client, 'strict');
    const { result } = renderHook(() => useMidjourneyTask({ taskId, client }), {
      wrapper: StrictMode,
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(30_000);
    });
    expect(result.current.status).toBe('success');
    expect(fetches(taskId)).toBe(4);
  });

  it('pauses polling while the page is hidden and resumes when it is shown', async () => {
    vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let visibility: DocumentVisibilityState = 'visible';
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => visibility,
    });
    try {
      const { client, fetches } = setup({ stepMs: 1000, steps: 60 });
      const taskId = await submitTask(client, 'hidden page');
      renderHook(() => useMidjourneyTask({ taskId, client }));
      await act(async () => {
        await vi.advanceTimersByTimeAsync(0);
      });
      expect(fetches(taskId)).toBe(1);
      visibility = 'hidden';
      await act(async () => {
        await vi.advanceTimersByTimeAsync(60_000);
      });
      expect(fetches(taskId)).toBe(1);
      visibility = 'visible';
      await act(async () => {
        document.dispatchEvent(new Event('visibilitychange'));
        await vi.advanceTimersByTimeAsync(0);
      });
      expect(fetches(taskId)).toBe(2);
    } finally {
      // The own property shadows Document.prototype's getter; removing it restores that.
      Reflect.deleteProperty(document, 'visibilityState');
    }
  });

  it('stops polling on unmount', async () => {
    const { client, fetches } = setup({ stepMs: 1000, steps: 10 });
    const taskId = await submitTask(client, 'long running');
    const { unmount } = renderHook(() => useMidjourneyTask({ ...FAST, taskId, client }));
    await waitFor(() => expect(fetches(taskId)).toBeGreaterThanOrEqual(2));
    unmount();
    const after = fetches(taskId);
    await sleep(60);
    expect(fetches(taskId)).toBe(after);
  });

  it('reports validation errors before any request', async () => {
    const { client, requests } = setup();
    const { result } = renderHook(() => useMidjourneyTask({ ...FAST, client }));
    await act(async () => {
      await result.current.imagine({ prompt: '' });
    });
    expect(result.current.status).toBe('error');
    expect(result.current.error).toMatchObject({ kind: 'validation', code: 'prompt_empty' });
    await act(async () => {
      await result.current.blend({ base64Array: ['data:image/png;base64,AAAA'] });
    });
    expect(result.current.error).toMatchObject({ code: 'blend_count' });
    expect(requests()).toBe(0);
  });
});
