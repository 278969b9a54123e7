import type { ChatMessage } from '@aitre/react';
import type { Messages } from '../locale/Messages.js';

/**
 * Why a finished answer is not the whole answer, when the gateway said so: the token limit
 * (`finish_reason: 'length'`) or the content filter. `undefined` for every other answer.
 */
export function finishNoteOf(message: ChatMessage, messages: Messages): string | undefined {
  if (message.role !== 'assistant' || message.status !== 'done') return undefined;
  if (message.finishReason === 'length') return messages.chat.statusLength;
  if (message.finishReason === 'content_filter') return messages.chat.statusContentFilter;
  return undefined;
}
