'use client';

import {
  type ChatClient,
  type ChatSendOptions,
  type ChatState,
  ChatStore,
  type ChatStoreOptions,
  createId,
  getChatStore,
  type MessagePart,
  retainChatStore,
} from '@aitre/core';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useAitreClient } from './AitreProvider.js';
import { useBoundMethods } from './useBoundMethods.js';
import { useFormHandlers } from './useFormHandlers.js';

/** Options of {@link useChat}; everything but `id`, `client`, `storage` and `schedule` may change between renders. */
export interface UseChatOptions extends Omit<ChatStoreOptions, 'id' | 'client'> {
  /** Share the chat: every `useChat` with the same id sees the same messages. Default: one chat per component. */
  id?: string;
  /** The client (`createChatClient`'s is enough); default: the one from {@link AitreProvider}. */
  client?: ChatClient;
}

/** What {@link useChat} returns: the chat snapshot plus its actions. */
export interface UseChatResult extends ChatState {
  /** Sends text or parts (default: the draft) and streams the answer. */
  send: (content?: string | readonly MessagePart[], options?: ChatSendOptions) => Promise<void>;
  /** Stops the answer in flight, keeping what arrived. */
  stop: () => void;
  /** Asks again from an answer (default: the last) or a user message. */
  regenerate: (messageId?: string) => Promise<void>;
  /** Replaces a user message, drops what followed and asks again. */
  edit: (messageId: string, content: string | readonly MessagePart[]) => Promise<void>;
  /** Re-sends a failed send or regenerates an unfinished answer. */
  retry: () => Promise<void>;
  /** Replaces the thread. */
  setMessages: ChatStore['setMessages'];
  /** Sets the draft text. */
  setInput: (input: string) => void;
  /** Sets the draft attachments. */
  setAttachments: ChatStore['setAttachments'];
  /** Form `onSubmit` handler: prevents the page load and sends the draft. */
  handleSubmit: (event?: { preventDefault?: () => void }) => void;
  /** Input `onChange` handler bound to the draft. */
  handleInputChange: (event: { target: { value: string } }) => void;
  /** The underlying store, for advanced use. */
  store: ChatStore;
}

/**
 * Binds a shared {@link ChatStore} to React. Re-renders at most once per animation frame
 * while streaming; the request is aborted when the last component using the chat unmounts.
 */
export function useChat(options: UseChatOptions = {}): UseChatResult {
  const { id: givenId, client: givenClient, ...rest } = options;
  const client = useAitreClient(givenClient, 'chat');
  const [ownId] = useState(() => createId('chat'));
  const id = givenId ?? ownId;
  // A server renders once and runs no effects, so nothing would release a shared store there.
  const [serverStore] = useState(() =>
    typeof window === 'undefined' ? new ChatStore({ ...rest, client, id }) : undefined,
  );
  // Creating in render is safe: the store has no side effects until it is retained or used.
  const store = serverStore ?? getChatStore(id, { ...rest, client });

  useEffect(() => retainChatStore(store), [store]);

  // Latest options win (callbacks, model, body); storage and schedule are fixed at creation.
  const { storage: _storage, schedule: _schedule, initialMessages: _initial, ...live } = rest;
  useEffect(() => {
    store.setOptions({ ...live, client });
  });

  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getServerSnapshot);
  const methods = useBoundMethods(store, [
    'send',
    'stop',
    'regenerate',
    'edit',
    'retry',
    'setMessages',
    'setInput',
    'setAttachments',
  ]);
  const handlers = useFormHandlers(store, () => store.send());
  return { ...state, ...methods, ...handlers, store };
}
