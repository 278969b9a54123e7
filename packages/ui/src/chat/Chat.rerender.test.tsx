import type { ChatMessage } from '@aitre/react';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MarkdownProps } from '../markdown/Markdown.js';
import { renderChat } from '../test-utils/renderChat.js';

// Counts renders of each message's markdown, by its source text.
const renders = vi.hoisted(() => new Map<string, number>());

vi.mock('../markdown/Markdown.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../markdown/Markdown.js')>();
  const { forwardRef } = await import('react');
  const Counting = forwardRef<HTMLDivElement, MarkdownProps>(function Counting(props, ref) {
    renders.set(props.source, (renders.get(props.source) ?? 0) + 1);
    return <actual.Markdown {...props} ref={ref} />;
  });
  return { ...actual, Markdown: Counting };
});

afterEach(cleanup);

function thread(count: number): ChatMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
    parts: [{ type: 'text' as const, text: `Old message ${i}` }],
    content: `Old message ${i}`,
    reasoning: '',
    images: [],
    status: 'done' as const,
    createdAt: 0,
  }));
}

describe('Chat rendering cost', () => {
  it('re-renders only the streaming message, never the finished ones above it', async () => {
    const chat = renderChat({ initialMessages: thread(60) }, { tokenDelayMs: 1 });
    const before = new Map(renders);
    expect(before.get('Old message 59')).toBe(1);

    chat.send('Stream something while the old thread waits');
    await waitFor(() => expect(chat.answers()).toHaveLength(31));
    await chat.done();
    const streamedRenders = [...renders].filter(([source]) => !before.has(source));
    expect(streamedRenders.length).toBeGreaterThan(1);
    for (const [source, count] of before) expect(renders.get(source), source).toBe(count);
  });

  it('keeps a long thread in order across its groups, the new exchange last', async () => {
    const chat = renderChat({ initialMessages: thread(40) });
    chat.send('Newest question');
    await chat.done();
    const texts = screen.getAllByRole('article').map((article) => article.textContent ?? '');
    expect(texts).toHaveLength(42);
    texts.slice(0, 40).forEach((text, i) => {
      expect(text).toMatch(new RegExp(`Old message ${i}(?!\\d)`));
    });
    expect(texts[40]).toContain('Newest question');
    expect(chat.lastAnswer().getAttribute('data-status')).toBe('done');
  });
});
