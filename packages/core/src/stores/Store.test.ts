import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameScheduler } from './frameScheduler.js';
import { type Notify, Store } from './Store.js';

class Counter extends Store<{ count: number }> {
  increment(): void {
    this.setState((s) => ({ count: s.count + 1 }));
  }
  same(): void {
    this.setState({ count: this.getSnapshot().count });
  }
  flushNow(): void {
    this.flush();
  }
  dispose(): void {
    this.cancelFlush();
  }
}

function manualSchedule() {
  const queue: Array<() => void> = [];
  let cancelled = 0;
  const schedule: Notify = (flush) => {
    queue.push(flush);
    return () => {
      cancelled++;
    };
  };
  return {
    schedule,
    run: () => {
      for (const flush of queue.splice(0)) flush();
    },
    get size() {
      return queue.length;
    },
    get cancelled() {
      return cancelled;
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('Store', () => {
  it('notifies at once without a schedule and keeps the snapshot immutable', () => {
    const store = new Counter({ count: 0 });
    const listener = vi.fn();
    store.subscribe(listener);
    const before = store.getSnapshot();
    store.increment();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot()).not.toBe(before);
    expect(before.count).toBe(0);
    expect(store.getSnapshot().count).toBe(1);
  });

  it('keeps the same snapshot and stays silent when nothing changed', () => {
    const store = new Counter({ count: 0 });
    const listener = vi.fn();
    store.subscribe(listener);
    const before = store.getSnapshot();
    store.same();
    expect(listener).not.toHaveBeenCalled();
    expect(store.getSnapshot()).toBe(before);
  });

  it('batches many changes into one notification per scheduled flush', () => {
    const manual = manualSchedule();
    const store = new Counter({ count: 0 }, manual.schedule);
    const listener = vi.fn();
    store.subscribe(listener);
    for (let i = 0; i < 100; i++) store.increment();
    expect(store.getSnapshot().count).toBe(100);
    expect(listener).not.toHaveBeenCalled();
    expect(manual.size).toBe(1);
    manual.run();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('cancels the scheduled flush when flushed early', () => {
    const manual = manualSchedule();
    const store = new Counter({ count: 0 }, manual.schedule);
    const listener = vi.fn();
    store.subscribe(listener);
    store.increment();
    store.flushNow();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(manual.cancelled).toBe(1);
    manual.run();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('drops a pending notification on cancelFlush and leaves no timer behind', () => {
    vi.useFakeTimers();
    const store = new Counter({ count: 0 }, frameScheduler(16));
    const listener = vi.fn();
    store.subscribe(listener);
    store.increment();
    expect(store.hasPendingFlush).toBe(true);
    expect(vi.getTimerCount()).toBe(1);
    store.dispose();
    expect(vi.getTimerCount()).toBe(0);
    expect(store.hasPendingFlush).toBe(false);
    vi.runAllTimers();
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops notifying a listener once it unsubscribes', () => {
    const store = new Counter({ count: 0 });
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    expect(store.listenerCount).toBe(1);
    unsubscribe();
    store.increment();
    expect(listener).not.toHaveBeenCalled();
    expect(store.listenerCount).toBe(0);
  });
});

describe('frameScheduler', () => {
  it('uses requestAnimationFrame when present and cancels through cancelAnimationFrame', () => {
    const frames: Array<() => void> = [];
    const cancelled: number[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', (handle: number) => cancelled.push(handle));
    const flush = vi.fn();
    const cancel = frameScheduler()(flush);
    expect(frames).toHaveLength(1);
    frames[0]?.();
    expect(flush).toHaveBeenCalledTimes(1);
    if (typeof cancel === 'function') cancel();
    expect(cancelled).toEqual([1]);
  });

  it('falls back to a timer without requestAnimationFrame', () => {
    vi.useFakeTimers();
    const flush = vi.fn();
    frameScheduler(10)(flush);
    vi.advanceTimersByTime(9);
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(1);
  });
});
