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
  const report = (error: unknown) => options.onError?.(error);
  return {
    load(id) {
      const storage = resolveStorage(options.storage);
      if (!storage) return undefined;
      try {
        const raw = storage.getItem(prefix + id);
        if (raw === null) return undefined;
        const parsed: unknown = JSON.parse(raw);
        return Array.isArray(parsed) ? parsed.filter(isMessage) : undefined;
      } catch (error) {
        report(error);
        return undefined;
      }
    },
    save(id, messages) {
      const storage = resolveStorage(options.storage);
      if (!storage) return;
      try {
        storage.setItem(prefix + id, JSON.stringify(messages));
      } catch {
        try {
          storage.setItem(prefix + id, JSON.stringify(withoutInlineImages(messages)));
        } catch (error) {
          report(error);
        }
      }
    },
    remove(id) {
      const storage = resolveStorage(options.storage);
      if (!storage) return;
      try {
        storage.removeItem(prefix + id);
      } catch (error) {
        report(error);
      }
    },
  };
}
