// What one streamed run measured in the page (scripting time is read by the runner over CDP).
import type { ProfilerOnRenderCallback } from 'react';

/** The page-side numbers of one streamed run. */
export interface StreamRun {
  /** React commits from the send to the last token painted. */
  commits: number;
  /** Animation frames in the same span. */
  frames: number;
  /** Tasks over 50 ms. */
  longTasks: number;
  /** Milliseconds from the send to the frame after the last token reached the DOM. */
  totalMs: number;
  /** Median time between frames, ms. */
  frameP50: number;
  /** 95th percentile of the time between frames, ms. */
  frameP95: number;
}

let counting = false;
let commits = 0;

/** <Profiler onRender>: counts commits while a run is being measured. */
export const onRender: ProfilerOnRenderCallback = () => {
  if (counting) commits++;
};

/** Resolves on the next animation frame with its timestamp. */
export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** The `q` quantile (0..1) of `values`, nearest rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

/**
 * Starts the stream with `send` and follows it frame by frame until `painted()` says the last
 * token is in the DOM; the frame after that one is when it was on screen.
 */
export async function measureStream(send: () => void, painted: () => boolean): Promise<StreamRun> {
  await nextFrame();
  await nextFrame();
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => {
    longTasks += list.getEntries().length;
  });
  observer.observe({ type: 'longtask' });
  commits = 0;
  counting = true;
  const stamps: number[] = [];
  const t0 = performance.now();
  send();
  let seen = false;
  for (;;) {
    const stamp = await nextFrame();
    stamps.push(stamp);
    if (seen) break;
    seen = painted();
  }
  const totalMs = performance.now() - t0;
  counting = false;
  // Long task entries are delivered after the task: give the observer a moment.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  const deltas = stamps.slice(1).map((stamp, i) => stamp - (stamps[i] ?? stamp));
  return {
    commits,
    frames: stamps.length,
    longTasks,
    totalMs,
    frameP50: quantile(deltas, 0.5),
    frameP95: quantile(deltas, 0.95),
  };
}
