import type { Notify } from './Store.js';

/**
 * Batches notifications to at most one per animation frame in a browser; elsewhere (Node,
 * SSR, background tabs without rAF) to one per `fallbackMs` timer tick.
 */
export function frameScheduler(fallbackMs = 16): Notify {
  return (flush) => {
    const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number })
      .requestAnimationFrame;
    if (typeof raf === 'function') raf(flush);
    else setTimeout(flush, fallbackMs);
  };
}
