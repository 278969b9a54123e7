import { createGateway } from '@aitre/mock-gateway';
import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../client/index.js';
import type { ChatMessage } from './ChatMessage.js';
import type { ChatStorage } from './ChatStorage.js';
import { getChatStore, retainChatStore } from './chatStoreRegistry.js';

function options(storage?: ChatStorage, tokenDelayMs = 0) {
  const gateway = createGateway({ tokenDelayMs });
  const signals: AbortSignal[] = [];
  const client = createClient({
    baseURL: 'http://127.0.0.1',
    maxRetries: 0,
    fetch: (input, init) => {
      if (init?.signal) signals.push(init.signal);
      return gateway.fetch(input, init);
    },
  });
  return {
    signals,
    storeOptions: {
      client,
      model: 'gpt-4o-mini',
      schedule: () => undefined,
      ...(storage ? { storage } : {}),
    },
  };
}

function memoryStorage(): ChatStorage {
  const data = new Map<string, readonly ChatMessage[]>();
  return {
    load: (id) => data.get(id),
    save: (id, messages) => {
      data.set(id, structuredClone(messages));
    },
    remove: (id) => {
      data.delete(id);
    },
  };
}

const microtask = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('getChatStore / retainChatStore', () => {
  it('gives every consumer of an id the same store and state', async () => {
    const { storeOptions } = options();
    const a = getChatStore('registry-same', storeOptions);
    const b = getChatStore('registry-same', storeOptions);
    expect(a).toBe(b);
    const release = [retainChatStore(a), retainChatStore(b)];
    await a.send('Shared between two views');
    expect(b.getSnapshot().messages).toHaveLength(2);
    for (const r of release) r();
  });

  it('keeps the store while one consumer remains and releases it after the last', async () => {
    const { storeOptions } = options();
    const store = getChatStore('registry-release', storeOptions);
    const releaseA = retainChatStore(store);
    const releaseB = retainChatStore(store);
    releaseA();
    await microtask();
    expect(getChatStore('registry-release', storeOptions)).toBe(store);
    releaseB();
    releaseB();
    await microtask();
    expect(getChatStore('registry-release', storeOptions)).not.toBe(store);
  });

  it('survives an immediate release and re-acquire (StrictMode remount)', async () => {
    const { storeOptions } = options();
    const store = getChatStore('registry-remount', storeOptions);
    retainChatStore(store)();
    const release = retainChatStore(store);
    await microtask();
    expect(getChatStore('registry-remount', storeOptions)).toBe(store);
    release();
  });

  it('aborts the stream when the last consumer leaves, keeping the partial answer in storage', async () => {
    const storage = memoryStorage();
    const { storeOptions, signals } = options(storage, 5);
    const store = getChatStore('registry-abort', storeOptions);
    const release = retainChatStore(store);
    const sending = store.send('Leave while streaming');
    await vi.waitFor(() => expect(store.getSnapshot().status).toBe('streaming'));
    release();
    await microtask();
    await sending;
    expect(signals[0]?.aborted).toBe(true);
    expect(store.hasPendingFlush).toBe(false);
    const restored = getChatStore('registry-abort', storeOptions);
    expect(restored).not.toBe(store);
    expect(restored.getSnapshot().messages.map((m) => m.status)).toEqual(['done', 'stopped']);
  });
});
