import { createGateway } from '@aitre/mock-gateway';
import { AitreProvider } from '@aitre/react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../locale/en.js';
import { renderChat } from '../test-utils/renderChat.js';
import { Chat } from './Chat.js';

afterEach(cleanup);

describe('Chat composer', () => {
  it('sends on Enter and streams the answer into the thread', async () => {
    const chat = renderChat();
    chat.type('Hello from the test');
    fireEvent.keyDown(chat.input(), { key: 'Enter' });
    expect((await screen.findByRole('article', { name: en.chat.you })).textContent).toContain(
      'Hello from the test',
    );
    expect(chat.input().value).toBe('');
    await waitFor(() => expect(chat.lastAnswer().getAttribute('data-status')).toBe('done'));
    expect(chat.lastAnswer().textContent).toContain('Hello from the test');
    expect(chat.chatBodies[0]?.model).toBe('gpt-4o-mini');
  });

  it('keeps Shift+Enter for a new line instead of sending', () => {
    const chat = renderChat();
    chat.type('First line');
    const notPrevented = fireEvent.keyDown(chat.input(), { key: 'Enter', shiftKey: true });
    expect(notPrevented).toBe(true);
    expect(screen.queryAllByRole('article')).toHaveLength(0);
    expect(chat.input().value).toBe('First line');
  });

  it('never sends on the Enter that confirms an IME composition', async () => {
    const chat = renderChat();
    chat.type('ni hao');
    fireEvent.keyDown(chat.input(), { key: 'Enter', isComposing: true });
    fireEvent.keyDown(chat.input(), { key: 'Enter', keyCode: 229 });
    fireEvent.compositionStart(chat.input());
    fireEvent.keyDown(chat.input(), { key: 'Enter' });
    expect(screen.queryAllByRole('article')).toHaveLength(0);
    expect(chat.input().value).toBe('ni hao');
    fireEvent.compositionEnd(chat.input());
    chat.type('你好');
    fireEvent.keyDown(chat.input(), { key: 'Enter' });
    expect((await screen.findByRole('article', { name: en.chat.you })).textContent).toContain(
      '你好',
    );
    await chat.done();
  });

  it('turns send into stop while answering, and stop keeps the partial text', async () => {
    const chat = renderChat({}, { tokenDelayMs: 15 });
    chat.type('Tell me a long story about streaming');
    fireEvent.click(screen.getByRole('button', { name: en.chat.send }));
    await waitFor(() => expect(chat.lastAnswer()?.textContent?.length).toBeGreaterThan(10));
    fireEvent.click(screen.getByRole('button', { name: en.chat.stop }));
    await waitFor(() => expect(chat.lastAnswer().getAttribute('data-status')).toBe('stopped'));
    const partial = chat.lastAnswer().querySelector('[data-slot="markdown"]')?.textContent ?? '';
    expect(partial.length).toBeGreaterThan(0);
    expect(within(chat.lastAnswer()).getByText(en.chat.statusStopped)).toBeTruthy();
    expect(screen.getByRole('button', { name: en.chat.send })).toBeTruthy();
  });

  it('keeps the draft when a send fails before any answer', async () => {
    const gateway = createGateway({ tokenDelayMs: 0, apiKey: 'right-key' });
    render(
      <AitreProvider baseURL="http://127.0.0.1:8787" fetch={gateway.fetch} apiKey="wrong-key">
        <Chat model="gpt-4o-mini" />
      </AitreProvider>,
    );
    const input = screen.getByLabelText(en.chat.inputLabel) as HTMLTextAreaElement;
    fireEvent.change(input, { target: { value: 'Please keep me' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(en.errors.auth);
    expect(input.value).toBe('Please keep me');
    expect(screen.queryAllByRole('article')).toHaveLength(0);
  });

  it('sends one of the four suggestions of the empty thread', async () => {
    const chat = renderChat();
    const suggestion = en.chat.suggestions[1];
    expect(screen.getByText(en.chat.emptyTitle)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: suggestion }));
    expect((await screen.findByRole('article', { name: en.chat.you })).textContent).toBe(
      suggestion,
    );
    await chat.done();
    expect(chat.answers()).toHaveLength(1);
  });
});
