import type { ChatMessage } from './ChatMessage.js';

/**
 * Where a chat keeps its messages between page loads. Methods may be synchronous
 * (localStorage) or return promises (IndexedDB, a server); failures must not throw.
 */
export interface ChatStorage {
  /** The saved messages of chat `id`, or `undefined` when there are none. */
  load(
    id: string,
  ): readonly ChatMessage[] | undefined | Promise<readonly ChatMessage[] | undefined>;
  /** Saves the messages of chat `id`, replacing what was there. */
  save(id: string, messages: readonly ChatMessage[]): void | Promise<void>;
  /** Forgets chat `id`. */
  remove(id: string): void | Promise<void>;
}
