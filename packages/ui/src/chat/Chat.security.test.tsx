import type { ChatMessage } from '@aitre/react';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../locale/en.js';
import { renderChat } from '../test-utils/renderChat.js';

afterEach(cleanup);

const hostile =
  'Look <img src=x onerror=alert(1)> here\n\n[click me](javascript:alert(1))\n\n<script>alert(1)</script>';

function message(role: 'user' | 'assistant', id: string): ChatMessage {
  return {
    id,
    role,
    parts: [{ type: 'text', text: hostile }],
    content: hostile,
    reasoning: role === 'assistant' ? hostile : '',
    images: [],
    status: 'done',
    createdAt: 0,
  };
}

describe('Chat safety', () => {
  it('renders raw HTML, script and javascript: links in messages as inert text', () => {
    const chat = renderChat({ initialMessages: [message('user', 'u'), message('assistant', 'a')] });
    const log = screen.getByRole('log');
    expect(log.querySelector('script, iframe, [onerror]')).toBeNull();
    expect(log.querySelector('img[src="x"]')).toBeNull();
    expect(log.querySelector('a[href^="javascript"], [href^="javascript"]')).toBeNull();

    const user = screen.getByRole('article', { name: en.chat.you });
    expect(user.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(user.textContent).toContain('<script>alert(1)</script>');
    const answer = chat.lastAnswer();
    expect(answer.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(answer.textContent).toContain('click me');
    expect(answer.textContent).toContain('<script>alert(1)</script>');
  });
});
