'use client';
import {
  type AitreClient,
  type ChatClient,
  type EmbeddingsSnapshot,
  EmbeddingsStore,
  type EmbedOptions,
  withEmbeddings,
} from '@aitre/core';
import { useAitreClient } from './AitreProvider.js';
import { useBoundMethods } from './useBoundMethods.js';
import { useOwnedStore } from './useOwnedStore.js';

/** Options of `useEmbeddings`. */
export interface UseEmbeddingsOptions {
  /** The embedding model (default 'text-embedding-3-small'). */
  model?: string;
  /**
   * A client to use instead of the one from `AitreProvider`; a `createChatClient()` client
   * gets the area this hook needs added on first use.
   */
  client?: AitreClient | ChatClient;
}

/** What `useEmbeddings` returns. */
export interface UseEmbeddingsResult extends EmbeddingsSnapshot {
  /** Embeds one text or several; vectors come back in input order. */
  embed(input: string | string[], options?: EmbedOptions): Promise<Float32Array[] | undefined>;
  /** Aborts the request in flight. */
  cancel(): void;
}

/** Text to vectors; the request is aborted on unmount. */
export function useEmbeddings(options: UseEmbeddingsOptions = {}): UseEmbeddingsResult {
  const client = withEmbeddings(useAitreClient(options.client));
  const { model } = options;
  const [store, snapshot] = useOwnedStore(
    () => new EmbeddingsStore(client, { model }),
    [client, model],
  );
  return { ...snapshot, ...useBoundMethods(store, ['embed', 'cancel']) };
}
