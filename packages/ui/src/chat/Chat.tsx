'use client';
import { forwardRef } from 'react';
import { ChatComposer } from './ChatComposer.js';
import { ChatEmptyState } from './ChatEmptyState.js';
import { ChatMessageView } from './ChatMessageView.js';
import { ChatModelPicker } from './ChatModelPicker.js';
import { ChatRoot, type ChatRootProps } from './ChatRoot.js';
import { ChatThread } from './ChatThread.js';

/** Props of {@link Chat}. */
export interface ChatProps extends Omit<ChatRootProps, 'children'> {
  /** Shows the model picker in the composer. Default true. */
  modelPicker?: boolean;
  /** Lets the user attach images (button, paste, drop). Default true. */
  attachments?: boolean;
}

const ChatComponent = forwardRef<HTMLDivElement, ChatProps>(function Chat(
  { modelPicker = true, attachments = true, ...props },
  ref,
) {
  return (
    <ChatRoot ref={ref} {...props}>
      <ChatThread />
      <ChatComposer modelPicker={modelPicker} attachments={attachments} />
    </ChatRoot>
  );
});

/**
 * A complete chat against the gateway: thread, composer and model picker. Its parts
 * (`Chat.Root`, `Chat.Thread`, `Chat.Message`, `Chat.Composer`, `Chat.ModelPicker`,
 * `Chat.EmptyState`) build custom layouts.
 */
export const Chat = Object.assign(ChatComponent, {
  Root: ChatRoot,
  Thread: ChatThread,
  Message: ChatMessageView,
  Composer: ChatComposer,
  ModelPicker: ChatModelPicker,
  EmptyState: ChatEmptyState,
});
