'use client';
import type { ChatState, UseChatResult } from '@aitre/react';
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ChatModelSection } from './chatModels.js';

/** What never changes while a chat lives: the store, its actions and the shared UI hooks. */
export interface ChatActions {
  /** The chat store behind `useChat`. */
  store: UseChatResult['store'];
  /** Sends text or parts (default: the draft). */
  send: UseChatResult['send'];
  /** Stops the answer in flight. */
  stop: UseChatResult['stop'];
  /** Asks again from a message. */
  regenerate: UseChatResult['regenerate'];
  /** Replaces a user message and asks again. */
  edit: UseChatResult['edit'];
  /** Re-sends a failed send. */
  retry: UseChatResult['retry'];
  /** Opens an image in the chat's lightbox. */
  openImage: (src: string, alt: string) => void;
  /** Makes the thread follow the newest message again (called on send). */
  follow: () => void;
  /** Lets the thread register what `follow` does. */
  setFollow: (follow: (() => void) | undefined) => void;
  /** Most images the composer takes at once. */
  maxAttachments: number;
}

/** The model choice of a chat. */
export interface ChatModelState {
  /** The model that answers the next request. */
  model: string | undefined;
  /** Chooses another model. */
  setModel: (model: string) => void;
  /** The models on offer, by picker group. */
  sections: ChatModelSection[];
  /** Whether the gateway's list is still loading (only when no `models` were given). */
  loading: boolean;
}

/** Stable chat actions for the parts inside `Chat.Root`. */
export const ChatActionsContext = createContext<ChatActions | null>(null);

/** The model choice for the parts inside `Chat.Root`. */
export const ChatModelContext = createContext<ChatModelState | null>(null);

/** The chat actions of the enclosing `Chat.Root`; throws outside one, naming the fix. */
export function useChatActions(): ChatActions {
  const actions = useContext(ChatActionsContext);
  if (!actions) throw new Error('Chat parts must be rendered inside <Chat.Root>.');
  return actions;
}

/** The model choice of the enclosing `Chat.Root`. */
export function useChatModel(): ChatModelState {
  const state = useContext(ChatModelContext);
  if (!state) throw new Error('Chat parts must be rendered inside <Chat.Root>.');
  return state;
}

/**
 * One slice of the chat snapshot; the part re-renders only when that slice changes, so the
 * composer does not re-render for every frame of a stream.
 */
export function useChatSelector<T>(selector: (state: ChatState) => T): T {
  const { store } = useChatActions();
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getSnapshot()),
    () => selector(store.getServerSnapshot()),
  );
}
