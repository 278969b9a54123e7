import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useBoundMethods } from './useBoundMethods.js';

class Box {
  constructor(readonly label: string) {}
  calls: unknown[][] = [];
  put(...args: unknown[]) {
    this.calls.push(args);
    return `${this.label}:${args.length}`;
  }
  clear() {
    this.calls = [];
  }
  hidden() {
    return 'not picked';
  }
}

afterEach(cleanup);

describe('useBoundMethods', () => {
  it('returns only the named methods, callable detached from the store', () => {
    const box = new Box('a');
    const { result } = renderHook(() => useBoundMethods(box, ['put', 'clear']));
    expect(Object.keys(result.current).sort()).toEqual(['clear', 'put']);
    // Detached, as an event handler would call it: `this` must still be the store.
    const { put } = result.current;
    expect(put(1, 2)).toBe('a:2');
    expect(box.calls).toEqual([[1, 2]]);
  });

  it('keeps the same object and functions across renders with the same store', () => {
    const box = new Box('a');
    const { result, rerender } = renderHook(() => useBoundMethods(box, ['put', 'clear']));
    const first = result.current;
    rerender();
    rerender();
    expect(result.current).toBe(first);
    expect(result.current.put).toBe(first.put);
  });

  it('binds to the new store when the store changes', () => {
    const a = new Box('a');
    const b = new Box('b');
    const { result, rerender } = renderHook(({ store }) => useBoundMethods(store, ['put']), {
      initialProps: { store: a },
    });
    const first = result.current.put;
    rerender({ store: b });
    expect(result.current.put).not.toBe(first);
    expect(result.current.put('x')).toBe('b:1');
    expect(b.calls).toEqual([['x']]);
    expect(a.calls).toEqual([]);
  });
});
