import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from './ChatMessage.js';
import { type KeyValueStorage, localStorageAdapter } from './localStorageAdapter.js';

function memoryStorage(limit = Number.POSITIVE_INFINITY) {
  const map = new Map<string, string>();
  const storage: KeyValueStorage = {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      if (value.length > limit) throw new DOMException('full', 'QuotaExceededError');
      map.set(key, value);
    },
    removeItem: (key) => {
      map.delete(key);
    },
  };
  return { storage, map };
}

const message = (id: string, url?: string): ChatMessage => ({
  id,
  role: 'user',
  parts: url
    ? [
        { type: 'text', text: 'look' },
        { type: 'image', url },
      ]
    : [{ type: 'text', text: 'hi' }],
  content: url ? 'look' : 'hi',
  reasoning: '',
  images: [],
  status: 'done',
  createdAt: 1,
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('localStorageAdapter', () => {
  it('saves, loads and removes a chat under its prefixed key', () => {
    const { storage, map } = memoryStorage();
    const adapter = localStorageAdapter({ storage, prefix: 'p:' });
    adapter.save('a', [message('1')]);
    expect([...map.keys()]).toEqual(['p:a']);
    expect(adapter.load('a')).toEqual([message('1')]);
    adapter.remove('a');
    expect(adapter.load('a')).toBeUndefined();
  });

  it('does nothing and throws nothing where there is no localStorage (SSR)', () => {
    const adapter = localStorageAdapter();
    expect(() => adapter.save('a', [message('1')])).not.toThrow();
    expect(adapter.load('a')).toBeUndefined();
    expect(() => adapter.remove('a')).not.toThrow();
  });

  it('uses the global localStorage when one appears later', () => {
    const { storage, map } = memoryStorage();
    const adapter = localStorageAdapter();
    vi.stubGlobal('localStorage', storage);
    adapter.save('b', [message('1')]);
    expect(map.has('aitre:chat:b')).toBe(true);
  });

  it('saves again without inline images when the quota is exceeded', () => {
    const { storage } = memoryStorage(600);
    const onError = vi.fn();
    const adapter = localStorageAdapter({ storage, onError });
    const big = `data:image/png;base64,${'A'.repeat(2000)}`;
    adapter.save('c', [message('1', big), message('2', 'https://x.test/a.png')]);
    const loaded = adapter.load('c') as readonly ChatMessage[] | undefined;
    expect(loaded?.[0]?.parts).toEqual([{ type: 'text', text: 'look' }]);
    expect(loaded?.[1]?.parts).toHaveLength(2);
    expect(onError).not.toHaveBeenCalled();
  });

  it('keeps the previous save and reports when even the slim copy does not fit', () => {
    const { storage } = memoryStorage(400);
    const onError = vi.fn();
    const adapter = localStorageAdapter({ storage, onError });
    adapter.save('d', [message('1')]);
    adapter.save(
      'd',
      Array.from({ length: 20 }, (_, i) => message(String(i))),
    );
    expect(adapter.load('d')).toEqual([message('1')]);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('ignores corrupt or foreign data', () => {
    const { storage, map } = memoryStorage();
    const adapter = localStorageAdapter({ storage });
    map.set('aitre:chat:e', '{not json');
    expect(adapter.load('e')).toBeUndefined();
    map.set('aitre:chat:f', JSON.stringify([{ id: 1 }, message('ok')]));
    expect(adapter.load('f')).toEqual([message('ok')]);
  });
});
