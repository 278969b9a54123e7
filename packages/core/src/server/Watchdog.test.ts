import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Watchdog } from './Watchdog.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Watchdog', () => {
  it('fires once when the limit passes without a sign of life, and leaves no timer', () => {
    const fired = vi.fn();
    new Watchdog(100, fired).start();
    vi.advanceTimersByTime(99);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(fired).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('counts from the last start, with one timer however often it is started', () => {
    const fired = vi.fn();
    const watch = new Watchdog(100, fired);
    for (let i = 0; i < 10; i++) {
      watch.start();
      vi.advanceTimersByTime(60);
    }
    expect(fired).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(40);
    expect(fired).toHaveBeenCalledTimes(1);
  });

  it('does not count while paused, and counts from zero again on start', () => {
    const fired = vi.fn();
    const watch = new Watchdog(100, fired);
    watch.start();
    watch.pause();
    vi.advanceTimersByTime(1000);
    expect(fired).not.toHaveBeenCalled();
    watch.start();
    vi.advanceTimersByTime(99);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledTimes(1);
  });

  it('clears its timer on stop and ignores later starts', () => {
    const fired = vi.fn();
    const watch = new Watchdog(100, fired);
    watch.start();
    watch.stop();
    expect(vi.getTimerCount()).toBe(0);
    watch.start();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(fired).not.toHaveBeenCalled();
  });

  it('does not keep the process alive by its timer alone', () => {
    vi.useRealTimers();
    const timers: ReturnType<typeof setTimeout>[] = [];
    const realSet = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((callback: () => void, ms?: number) => {
      const timer = realSet(callback, ms);
      timers.push(timer);
      return timer;
    }) as typeof setTimeout);
    const watch = new Watchdog(60_000, () => {});
    watch.start();
    expect(timers).toHaveLength(1);
    expect((timers[0] as unknown as { hasRef(): boolean }).hasRef()).toBe(false);
    watch.stop();
    vi.restoreAllMocks();
  });

  it('sets no timer without a limit', () => {
    const fired = vi.fn();
    new Watchdog(undefined, fired).start();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits out a limit longer than setTimeout can take in one go', () => {
    const fired = vi.fn();
    new Watchdog(2 ** 32, fired).start();
    vi.advanceTimersByTime(2 ** 31);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2 ** 31);
    expect(fired).toHaveBeenCalledTimes(1);
  });
});
