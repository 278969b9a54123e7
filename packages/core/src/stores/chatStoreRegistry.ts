import { ChatStore, type ChatStoreOptions } from './ChatStore.js';

interface Entry {
  store: ChatStore;
  refs: number;
}

const entries = new Map<string, Entry>();

/**
 * The chat store shared under `id`: created from `options` the first time, the same
 * instance for every later caller (their options are ignored; use `setOptions`). Pair it
 * with {@link retainChatStore} so the store is released when its last consumer leaves.
 */
export function getChatStore(id: string, options: Omit<ChatStoreOptions, 'id'>): ChatStore {
  const entry = entries.get(id);
  if (entry) return entry.store;
  const store = new ChatStore({ ...options, id });
  entries.set(id, { store, refs: 0 });
  return store;
}

/**
 * Counts one more consumer of a shared store and returns the function that releases it.
 * When the last consumer releases, the store stops its stream (the partial answer is kept
 * and persisted), drops any pending notification and leaves the registry; a later
 * `getChatStore` with the same id restores it from storage. The check is deferred by a
 * microtask so an immediate re-acquire (React StrictMode remount) keeps the same store.
 */
export function retainChatStore(store: ChatStore): () => void {
  const id = store.id;
  let entry = entries.get(id);
  if (!entry || entry.store !== store) {
    entry = { store, refs: 0 };
    entries.set(id, entry);
  }
  const held = entry;
  held.refs++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.refs--;
    queueMicrotask(() => {
      if (held.refs > 0) return;
      if (entries.get(id) === held) entries.delete(id);
      held.store.dispose();
    });
  };
}
