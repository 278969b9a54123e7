import { createClient } from '@aitre/core';
import { createGateway } from '@aitre/mock-gateway';
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AitreProvider } from './AitreProvider.js';
import { useChat } from './useChat.js';
import { useImageGen } from './useImageGen.js';
import { useMidjourneyTask } from './useMidjourneyTask.js';

/** Live object URLs and listeners, counted by wrapping the platform's functions. */
function instrument() {
  const urls = new Set<string>();
  let next = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => {
    const url = `blob:http://127.0.0.1/${++next}`;
    urls.add(url);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url: string) => {
    urls.delete(url);
  });
  const listeners = new Set<string>();
  const listenerIds = new WeakMap<object, number>();
  let ids = 0;
  const key = (target: string, type: string, listener: unknown) => {
    if (typeof listener !== 'function' && (typeof listener !== 'object' || listener === null)) {
      return `${target} ${type} none`;
    }
    if (!listenerIds.has(listener)) listenerIds.set(listener, ++ids);
    return `${target} ${type} ${listenerIds.get(listener)}`;
  };
  for (const [name, target] of [
    ['window', window],
    ['document', document],
  ] as const) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
      listeners.add(key(name, type, listener));
      add(type, listener, options);
    });
    vi.spyOn(target, 'removeEventListener').mockImplementation((type, listener, options) => {
      listeners.delete(key(name, type, listener));
      remove(type, listener, options);
    });
  }
  return {
    counts: () => ({ urls: urls.size, listeners: listeners.size, timers: vi.getTimerCount() }),
  };
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Lets the mock's streams, the stores' frames and the MJ clock run `ms` of fake time. */
async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

describe('memory under heavy use', () => {
  it('keeps object URLs, timers and listeners flat from loop 10 to loop 50, and frees them on unmount', async () => {
    vi.useFakeTimers();
    const probe = instrument();
    const gateway = createGateway({ tokenDelayMs: 2, mj: { stepMs: 50, steps: 3 } });
    const client = createClient({ baseURL: 'http://127.0.0.1:8787', fetch: gateway.fetch });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <AitreProvider client={client}>{children}</AitreProvider>
    );
    // React DOM adds a document listener of its own once, with the first root.
    renderHook(() => null, { wrapper }).unmount();
    const baseline = probe.counts();
    const { result, unmount } = renderHook(
      () => ({
        chat: useChat({ model: 'gpt-4o-mini' }),
        images: useImageGen({ model: 'gpt-image-1', historyLimit: 10 }),
        mj: useMidjourneyTask({ initialDelayMs: 20, maxIntervalMs: 40 }),
      }),
      { wrapper },
    );

    const seen: Record<number, ReturnType<typeof probe.counts>> = {};
    for (let loop = 1; loop <= 50; loop++) {
      // Chat: send, stop halfway, regenerate to the end.
      const sending = result.current.chat.send(`Question ${loop}`);
      await advance(10);
      act(() => result.current.chat.stop());
      await act(() => sending);
      const regenerating = result.current.chat.regenerate();
      await advance(2000);
      await act(() => regenerating);
      expect(result.current.chat.messages.at(-1)?.status).toBe('done');

      // Images: gpt-image-1 answers base64, each result an object URL.
      const generating = result.current.images.generate({ prompt: `lighthouse ${loop}` });
      await advance(100);
      expect(await generating).toBeDefined();

      // MidJourney: 20 tasks polled to the end.
      if (loop <= 20) {
        const submitting = result.current.mj.imagine({ prompt: `a red fox ${loop}` });
        await advance(10);
        await act(() => submitting);
        await advance(1000);
        expect(result.current.mj.status).toBe('success');
      }

      await advance(100);
      if (loop === 10 || loop === 50) seen[loop] = probe.counts();
    }

    expect(result.current.images.history).toHaveLength(10);
    expect(seen[50]).toEqual(seen[10]);
    // Only the images the history keeps hold a URL.
    expect(seen[50]?.urls).toBe(10);

    unmount();
    await advance(1000);
    expect(probe.counts()).toEqual(baseline);
  }, 60_000);
});
