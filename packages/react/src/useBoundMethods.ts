'use client';
import { useMemo } from 'react';

/**
 * The methods `names` of `store`, bound to it once per store: stable functions a component
 * can pass down or use as event handlers without re-rendering its children.
 */
export function useBoundMethods<S extends object, K extends keyof S>(
  store: S,
  names: readonly K[],
): Pick<S, K> {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the names are fixed per call site.
  return useMemo(
    () =>
      Object.fromEntries(
        names.map((name) => [name, (store[name] as (...args: unknown[]) => unknown).bind(store)]),
      ) as Pick<S, K>,
    [store],
  );
}
