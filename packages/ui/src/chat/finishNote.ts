import type { ChatMessage } from '@aitre/react';
import type { Messages } from '../locale/Messages.js';

/**
 * Why an answer is not the whole answer: stopped by the user, cut off mid-stream, or ended by
 * the gateway at the token limit (`finish_reason: 'length'`) or by its content filter.
 * `undefined` for every other message.
 */
export function finishNoteOf(
  message: ChatMessage,
  messages: Pick<Messages, 'chat'>,
): string | undefined {
  const { chat } = messages;
  if (message.role !== 'assistant') return undefined;
  if (message.status === 'stopped') return chat.statusStopped;
  if (message.status === 'incomplete') return chat.statusIncomplete;
  if (message.status !== 'done') return undefined;
  if (message.finishReason === 'length') return chat.statusLength;
  if (message.finishReason === 'content_filter') return chat.statusContentFilter;
  return undefined;
}
