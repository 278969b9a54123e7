import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentVisibility } from './visibility.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('documentVisibility', () => {
  it('reports visible and subscribes to nothing where there is no document', () => {
    expect(documentVisibility.isHidden()).toBe(false);
    const unsubscribe = documentVisibility.subscribe(() => {});
    expect(() => unsubscribe()).not.toThrow();
  });

  it('follows document.visibilityState and visibilitychange events', () => {
    const target = new EventTarget();
    const fakeDocument = Object.assign(target, { visibilityState: 'visible' });
    vi.stubGlobal('document', fakeDocument);
    const listener = vi.fn();
    const unsubscribe = documentVisibility.subscribe(listener);
    fakeDocument.visibilityState = 'hidden';
    target.dispatchEvent(new Event('visibilitychange'));
    expect(documentVisibility.isHidden()).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    target.dispatchEvent(new Event('visibilitychange'));
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
