'use client';
import type { ChatMessage } from '@aitre/react';
import { localizeError } from '../locale/localizeError.js';
import type { Messages } from '../locale/Messages.js';
import { finishNoteOf } from './finishNote.js';

/** What the live region says when an answer ends: its text, or why it ended early. */
export function announcementOf(
  message: ChatMessage,
  messages: Pick<Messages, 'chat' | 'errors' | 'validation'>,
): string {
  if (message.status === 'error') {
    return message.error ? localizeError(message.error, messages) : messages.chat.statusError;
  }
  const note = finishNoteOf(message, messages);
  // A stopped or cut-off answer says so; a finished one is read out, with why it ended early.
  if (message.status !== 'done') return note ?? message.content;
  return note === undefined ? message.content : `${message.content}\n${note}`;
}

/** Props of {@link ChatAnnouncer}. */
export interface ChatAnnouncerProps {
  /** The latest announcement. */
  text: string;
}

/**
 * A polite live region that receives only status changes and each final answer, never the
 * streamed tokens, which would drown a screen reader.
 */
export function ChatAnnouncer({ text }: ChatAnnouncerProps) {
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className="aitre-visually-hidden"
      data-slot="chat-announcer"
    >
      {text}
    </div>
  );
}
