'use client';
import {
  type AitreClient,
  type ChatClient,
  type TranscribeOptions,
  type TranscriptionMode,
  type TranscriptionResult,
  type TranscriptionSnapshot,
  TranscriptionStore,
  withAudio,
} from '@aitre/core';
import { useAitreClient } from './AitreProvider.js';
import { useBoundMethods } from './useBoundMethods.js';
import { useOwnedStore } from './useOwnedStore.js';

/** Options of `useTranscription`. */
export interface UseTranscriptionOptions {
  /** The model (default 'whisper-1'; translations need whisper-1). */
  model?: string;
  /** 'transcribe' (default) keeps the spoken language; 'translate' answers in English. */
  mode?: TranscriptionMode;
  /**
   * A client to use instead of the one from `AitreProvider`; a `createChatClient()` client
   * gets the area this hook needs added on first use.
   */
  client?: AitreClient | ChatClient;
}

/** What `useTranscription` returns. */
export interface UseTranscriptionResult extends TranscriptionSnapshot {
  /** Validates and uploads `file` (a File, or a recorder's Blob). */
  transcribe(file: Blob, options?: TranscribeOptions): Promise<TranscriptionResult | undefined>;
  /** Aborts the upload in flight. */
  cancel(): void;
  /** Clears the result and error. */
  reset(): void;
}

/** Speech to text (or to English); the upload is aborted on unmount. */
export function useTranscription(options: UseTranscriptionOptions = {}): UseTranscriptionResult {
  const client = withAudio(useAitreClient(options.client));
  const { model, mode } = options;
  const [store, snapshot] = useOwnedStore(
    () => new TranscriptionStore(client, { model, mode }),
    [client, model, mode],
  );
  return { ...snapshot, ...useBoundMethods(store, ['transcribe', 'cancel', 'reset']) };
}
