import type { ChatMessage } from '@aitre/react';
import { describe, expect, it } from 'vitest';
import { en } from '../locale/en.js';
import { zhCN } from '../locale/zhCN.js';
import { finishNoteOf } from './finishNote.js';

const answer = (over: Partial<ChatMessage>): ChatMessage =>
  ({
    id: 'a1',
    role: 'assistant',
    parts: [],
    content: 'Some text',
    reasoning: '',
    images: [],
    status: 'done',
    createdAt: 0,
    ...over,
  }) as ChatMessage;

describe('finishNoteOf', () => {
  it('says why an answer ended early, in the table it is given', () => {
    expect(finishNoteOf(answer({ status: 'stopped' }), en)).toBe(en.chat.statusStopped);
    expect(finishNoteOf(answer({ status: 'incomplete' }), en)).toBe(en.chat.statusIncomplete);
    expect(finishNoteOf(answer({ finishReason: 'length' }), zhCN)).toBe(zhCN.chat.statusLength);
    expect(finishNoteOf(answer({ finishReason: 'content_filter' }), en)).toBe(
      en.chat.statusContentFilter,
    );
  });

  it('has nothing to say for a whole answer, one still streaming, a failure or a user message', () => {
    expect(finishNoteOf(answer({ finishReason: 'stop' }), en)).toBeUndefined();
    expect(finishNoteOf(answer({ status: 'streaming' }), en)).toBeUndefined();
    // A failed answer shows its error instead, even if the stream had said `length`.
    expect(finishNoteOf(answer({ status: 'error', finishReason: 'length' }), en)).toBeUndefined();
    expect(finishNoteOf(answer({ role: 'user', status: 'stopped' }), en)).toBeUndefined();
  });
});
