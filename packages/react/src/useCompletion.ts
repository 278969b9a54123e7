'use client';

import {
  type AitreClient,
  type ChatClient,
  type CompletionState,
  CompletionStore,
  type CompletionStoreOptions,
  withCompletions,
} from '@aitre/core';
import { useEffect } from 'react';
import { useAitreClient } from './AitreProvider.js';
import { useBoundMethods } from './useBoundMethods.js';
import { useFormHandlers } from './useFormHandlers.js';
import { useOwnedStore } from './useOwnedStore.js';

/** Options of {@link useCompletion}; all but `schedule` may change between renders. */
export interface UseCompletionOptions extends Omit<CompletionStoreOptions, 'client'> {
  /**
   * The client; default: the one from {@link AitreProvider}. A `createChatClient()` client
   * gets the `completions` area added on first use.
   */
  client?: AitreClient | ChatClient;
}

/** What {@link useCompletion} returns: the completion snapshot plus its actions. */
export interface UseCompletionResult extends CompletionState {
  /** Streams the completion of `prompt` (default: the draft `input`). */
  complete: (prompt?: string, body?: Record<string, unknown>) => Promise<string>;
  /** Stops the completion in flight, keeping the text so far. */
  stop: () => void;
  /** Sets the draft prompt. */
  setInput: (input: string) => void;
  /** Replaces the completion text (e.g. to clear it). */
  setCompletion: (completion: string) => void;
  /** Form `onSubmit` handler: prevents the page load and completes the draft. */
  handleSubmit: (event?: { preventDefault?: () => void }) => void;
  /** Input `onChange` handler bound to the draft. */
  handleInputChange: (event: { target: { value: string } }) => void;
  /** The underlying store, for advanced use. */
  store: CompletionStore;
}

/**
 * Binds a {@link CompletionStore} (legacy `/v1/completions`) to React, one per component.
 * Re-renders at most once per animation frame while streaming; aborts on unmount.
 */
export function useCompletion(options: UseCompletionOptions = {}): UseCompletionResult {
  const { client: givenClient, schedule, ...live } = options;
  const client = withCompletions(useAitreClient(givenClient));
  const [store, state] = useOwnedStore(
    () => new CompletionStore({ ...live, client, ...(schedule ? { schedule } : {}) }),
    [],
  );
  // Latest options win (model, body, callbacks) without recreating the store.
  useEffect(() => {
    store.setOptions({ ...live, client });
  });
  const methods = useBoundMethods(store, ['complete', 'stop', 'setInput', 'setCompletion']);
  const handlers = useFormHandlers(store, () => store.complete());
  return { ...state, ...methods, ...handlers, store };
}
