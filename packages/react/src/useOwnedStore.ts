'use client';
import { useEffect, useMemo, useSyncExternalStore } from 'react';

/** A store a hook creates and disposes: abort requests, revoke URLs, release pollers. */
export interface OwnedStore<T> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): T;
  dispose(): void;
}

/**
 * Creates a store when `deps` change, disposes it on unmount or replacement, and returns it
 * with its current snapshot. Stores stay usable after `dispose()`, which keeps StrictMode's
 * mount-unmount-mount cycle harmless.
 */
export function useOwnedStore<S extends OwnedStore<unknown>>(
  create: () => S,
  deps: readonly unknown[],
): [S, ReturnType<S['getSnapshot']>] {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what the store depends on.
  const store = useMemo(create, deps);
  useEffect(() => () => store.dispose(), [store]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return [store, snapshot as ReturnType<S['getSnapshot']>];
}
