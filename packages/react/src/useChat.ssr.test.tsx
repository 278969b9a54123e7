// @vitest-environment node
import { type ChatMessage, type ChatStorage, createClient } from '@aitre/core';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AitreProvider } from './AitreProvider.js';
import { useChat } from './useChat.js';

const saved: ChatMessage = {
  id: 'm1',
  role: 'user',
  parts: [{ type: 'text', text: 'Saved question' }],
  content: 'Saved question',
  reasoning: '',
  images: [],
  status: 'done',
  createdAt: 1,
};

function Thread({ storage }: { storage: ChatStorage }) {
  const chat = useChat({ id: 'ssr-thread', model: 'gpt-4o-mini', storage });
  return (
    <ul data-status={chat.status}>
      {chat.messages.map((m) => (
        <li key={m.id}>{m.content}</li>
      ))}
    </ul>
  );
}

describe('useChat on a server', () => {
  it('renders the initial state without touching window or restoring storage', () => {
    const storage: ChatStorage = { load: () => [saved], save: () => {}, remove: () => {} };
    const client = createClient({ baseURL: 'http://127.0.0.1' });
    const html = renderToString(
      <AitreProvider client={client}>
        <Thread storage={storage} />
      </AitreProvider>,
    );
    expect(typeof window).toBe('undefined');
    expect(html).toBe('<ul data-status="idle"></ul>');
  });
});
