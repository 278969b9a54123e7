'use client';
import type { ChatMessage } from '@aitre/react';
import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../locale/LocaleProvider.js';
import { localizeError } from '../locale/localizeError.js';
import type { Messages } from '../locale/Messages.js';
import { useChatSelector } from './ChatContext.js';

function finalText(message: ChatMessage, messages: Messages): string {
  switch (message.status) {
    case 'stopped':
      return messages.chat.statusStopped;
    case 'incomplete':
      return messages.chat.statusIncomplete;
    case 'error':
      return message.error ? localizeError(message.error, messages) : messages.chat.statusError;
    default:
      return message.content;
  }
}

/**
 * A polite live region that says when an answer starts, then its final text (or why it
 * ended) once: never each token, which would drown a screen reader.
 */
export function ChatAnnouncer() {
  const messages = useMessages();
  const status = useChatSelector((state) => state.status);
  const error = useChatSelector((state) => state.error);
  const last = useChatSelector((state) => state.messages.at(-1));
  const [text, setText] = useState('');
  // The answer being streamed: only answers seen streaming are announced, not restored ones.
  const streamingId = useRef<string | undefined>(undefined);
  const previousStatus = useRef(status);

  useEffect(() => {
    const before = previousStatus.current;
    previousStatus.current = status;
    if (status === 'submitted' && before !== 'submitted') setText(messages.chat.generating);
    if (last?.role === 'assistant' && last.status === 'streaming') {
      streamingId.current = last.id;
      return;
    }
    if (last && last.id === streamingId.current) {
      streamingId.current = undefined;
      setText(finalText(last, messages));
      return;
    }
    // A failure before any answer: the thread has no message to tell it.
    if (status === 'error' && before !== 'error' && error && last?.status !== 'error') {
      setText(localizeError(error, messages));
    }
  }, [status, error, last, messages]);

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
