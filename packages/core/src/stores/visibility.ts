/** Tells pollers whether the page is hidden, and when that changes. */
export interface VisibilitySource {
  /** True while the page is in the background. */
  isHidden(): boolean;
  /** Calls `listener` on every visibility change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

const hasDocument = (): boolean => typeof document !== 'undefined';

/** The page's visibility from `document` (always visible where there is no document: SSR, Node). */
export const documentVisibility: VisibilitySource = {
  isHidden: () => hasDocument() && document.visibilityState === 'hidden',
  subscribe(listener) {
    if (!hasDocument()) return () => {};
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  },
};
