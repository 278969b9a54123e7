import type { ChatMessage, MessagePart } from './ChatMessage.js';
import type { ChatStorage } from './ChatStorage.js';

/** The part of the Web Storage API the adapter needs. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Options of {@link localStorageAdapter}. */
export interface LocalStorageAdapterOptions {
  /** Key prefix; a chat is saved under `prefix + id`. Default `'aitre:chat:'`. */
  prefix?: string;
  /** The storage to use; default `globalThis.localStorage`, looked up on each call. */
  storage?: KeyValueStorage;
  /** Called when saving fails even without inline images (quota) or storage is unusable. */
  onError?: (error: unknown) => void;
}

function resolveStorage(explicit: KeyValueStorage | undefined): KeyValueStorage | undefined {
  if (explicit) return explicit;
  try {
    // Reading `localStorage` throws in sandboxed iframes and with storage disabled.
    return (globalThis as { localStorage?: KeyValueStorage }).localStorage;
  } catch {
    return undefined;
  }
}

function isMessage(value: unknown): value is ChatMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<ChatMessage>;
  return typeof m.id === 'string' && typeof m.role === 'string' && Array.isArray(m.parts);
}

function withoutInlineImages(messages: readonly ChatMessage[]): ChatMessage[] {
  const keep = (part: MessagePart) => part.type !== 'image' || !part.url.startsWith('data:');
  return messages.map((m) => (m.parts.every(keep) ? m : { ...m, parts: m.parts.filter(keep) }));
}

/**
 * A {@link ChatStorage} on `localStorage`: SSR-safe (does nothing where there is no storage),
 * and tolerant of quota errors: when a chat does not fit, it is saved again without its inline
 * (data URL) images, and if that fails too the previous save is kept and `onError` is told.
 */
export function localStorageAdapter(options: LocalStorageAdapterOptions = {}): ChatStorage {
  const prefix = options.prefix ?? 'aitre:chat:';
  // Runs `use` on the storage when there is one; a failure goes to `onError`, never up.
  const withStorage = <R>(use: (storage: KeyValueStorage) => R): R | undefined => {
    const storage = resolveStorage(options.storage);
    try {
      return storage && use(storage);
    } catch (error) {
      options.onError?.(error);
      return undefined;
    }
  };
  return {
    load: (id) =>
      withStorage((storage) => {
        const raw = storage.getItem(prefix + id);
        const parsed: unknown = raw === null ? undefined : JSON.parse(raw);
        return Array.isArray(parsed) ? parsed.filter(isMessage) : undefined;
      }),
    save: (id, messages) =>
      withStorage((storage) => {
        try {
          storage.setItem(prefix + id, JSON.stringify(messages));
        } catch {
          storage.setItem(prefix + id, JSON.stringify(withoutInlineImages(messages)));
        }
      }),
    remove: (id) => withStorage((storage) => storage.removeItem(prefix + id)),
  };
}
