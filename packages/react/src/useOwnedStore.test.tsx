import { act, cleanup, renderHook } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { type OwnedStore, useOwnedStore } from './useOwnedStore.js';

class Counter implements OwnedStore<{ n: number }> {
  disposed = 0;
  #state = { n: 0 };
  #listeners = new Set<() => void>();
  subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
  getSnapshot = () => this.#state;
  bump() {
    this.#state = { n: this.#state.n + 1 };
    for (const listener of this.#listeners) listener();
  }
  dispose() {
    this.disposed += 1;
  }
}

afterEach(() => {
  cleanup();
});

describe('useOwnedStore', () => {
  it('renders the store snapshot and disposes the store on unmount', () => {
    const { result, unmount } = renderHook(() => useOwnedStore(() => new Counter(), []));
    const [store] = result.current;
    act(() => store.bump());
    expect(result.current[1].n).toBe(1);
    unmount();
    expect(store.disposed).toBe(1);
  });

  it('replaces and disposes the store when its deps change', () => {
    const { result, rerender } = renderHook(
      ({ key }) => useOwnedStore(() => new Counter(), [key]),
      {
        initialProps: { key: 'a' },
      },
    );
    const first = result.current[0];
    rerender({ key: 'b' });
    expect(result.current[0]).not.toBe(first);
    expect(first.disposed).toBe(1);
  });

  it('keeps one usable store through StrictMode remounts', () => {
    const { result } = renderHook(() => useOwnedStore(() => new Counter(), []), {
      wrapper: StrictMode,
    });
    const [store] = result.current;
    act(() => store.bump());
    expect(result.current[1].n).toBe(1);
  });
});
