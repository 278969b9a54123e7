import type { Notify } from './Store.js';

interface FrameGlobals {
  requestAnimationFrame?: (cb: () => void) => number;
  cancelAnimationFrame?: (handle: number) => void;
}

/**
 * Batches notifications to at most one per animation frame in a browser; elsewhere (Node,
 * SSR, background tabs without rAF) to one per `fallbackMs` timer tick. The returned
 * schedule hands back a canceller, so a disposed store leaves nothing pending.
 */
export function frameScheduler(fallbackMs = 16): Notify {
  return (flush) => {
    // Looked up per call, not at import: SSR-safe, and tests may install rAF later.
    const g = globalThis as FrameGlobals;
    const raf = g.requestAnimationFrame;
    const caf = g.cancelAnimationFrame;
    if (typeof raf === 'function') {
      const handle = raf(flush);
      return () => {
        if (typeof caf === 'function') caf(handle);
      };
    }
    const timer = setTimeout(flush, fallbackMs);
    return () => clearTimeout(timer);
  };
}
