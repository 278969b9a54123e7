import { createGateway } from '@aitre/mock-gateway';
import { type AitreLocale, AitreProvider, type ChatMessage } from '@aitre/react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../locale/en.js';
import { zhCN } from '../locale/zhCN.js';
import { ChatMessageView } from './ChatMessageView.js';
import { ChatRoot } from './ChatRoot.js';
import { ChatThread } from './ChatThread.js';

afterEach(cleanup);

const base = (over: Partial<ChatMessage>): ChatMessage =>
  ({
    id: 'a1',
    role: 'assistant',
    parts: [{ type: 'text', text: 'Some **bold** answer' }],
    content: 'Some **bold** answer',
    reasoning: '',
    images: [],
    status: 'done',
    createdAt: 0,
    ...over,
  }) as ChatMessage;

/** One message rendered on its own inside a chat root on the in-memory mock gateway. */
function show(message: ChatMessage, locale?: AitreLocale) {
  const gateway = createGateway({ tokenDelayMs: 0 });
  return render(
    <AitreProvider baseURL="http://127.0.0.1:8787" fetch={gateway.fetch} locale={locale}>
      <ChatRoot model="gpt-4o-mini">
        <ChatMessageView message={message} className="custom-message" style={{ order: 2 }} />
      </ChatRoot>
    </AitreProvider>,
  );
}

describe('ChatMessageView', () => {
  it('renders an answer as markdown with its actions, class and style merged', () => {
    show(base({}));
    const article = screen.getByRole('article', { name: en.chat.assistant });
    expect(article.classList.contains('custom-message')).toBe(true);
    expect(article.style.order).toBe('2');
    expect(article.getAttribute('data-role')).toBe('assistant');
    expect(within(article).getByText('bold').tagName).toBe('STRONG');
    const actions = within(article).getByRole('group', { name: en.chat.messageActions });
    expect(within(actions).getByRole('button', { name: en.chat.regenerate })).toBeTruthy();
    expect(within(actions).queryByRole('button', { name: en.chat.edit })).toBeNull();
  });

  it('shows user text as typed, never as markdown, with an edit action', () => {
    show(base({ id: 'u1', role: 'user' }));
    const article = screen.getByRole('article', { name: en.chat.you });
    expect(within(article).getByText('Some **bold** answer')).toBeTruthy();
    expect(article.querySelector('strong')).toBeNull();
    fireEvent.click(within(article).getByRole('button', { name: en.chat.edit }));
    expect(article.getAttribute('data-editing')).toBe('true');
    expect(within(article).queryByRole('group', { name: en.chat.messageActions })).toBeNull();
  });

  it('says stopped and incomplete under the partial text', () => {
    show(base({ status: 'stopped' }));
    expect(screen.getByText(en.chat.statusStopped)).toBeTruthy();
    cleanup();
    show(base({ status: 'incomplete' }));
    expect(screen.getByText(en.chat.statusIncomplete)).toBeTruthy();
    expect(screen.getByText('bold')).toBeTruthy();
  });

  it('says when the content filter ended an answer, and nothing for a plain stop', () => {
    show(base({ finishReason: 'content_filter' }), 'zh-CN');
    expect(screen.getByText(zhCN.chat.statusContentFilter)).toBeTruthy();
    expect(screen.getByText('bold')).toBeTruthy();
    cleanup();
    show(base({ finishReason: 'stop' }));
    expect(screen.queryByText(en.chat.statusContentFilter)).toBeNull();
    expect(screen.queryByText(en.chat.statusLength)).toBeNull();
  });

  it('shows a failed answer localized in zh-CN with a retry that asks again', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const user = base({
      id: 'u1',
      role: 'user',
      content: 'Hi',
      parts: [{ type: 'text', text: 'Hi' }],
    });
    const failed = base({
      id: 'a1',
      status: 'error',
      content: 'Half',
      parts: [{ type: 'text', text: 'Half' }],
      error: { kind: 'rate_limit', message: 'slow down' },
    });
    render(
      <AitreProvider baseURL="http://127.0.0.1:8787" fetch={gateway.fetch} locale="zh-CN">
        <ChatRoot model="gpt-4o-mini" initialMessages={[user, failed]}>
          <ChatThread />
        </ChatRoot>
      </AitreProvider>,
    );
    const article = screen.getByRole('article', { name: zhCN.chat.assistant });
    expect(article.getAttribute('data-status')).toBe('error');
    const alert = within(article).getByRole('alert');
    expect(alert.textContent).toContain(zhCN.errors.rate_limit);
    fireEvent.click(within(alert).getByRole('button', { name: zhCN.chat.retry }));
    await waitFor(
      () =>
        expect(
          screen.getByRole('article', { name: zhCN.chat.assistant }).getAttribute('data-status'),
        ).toBe('done'),
      { timeout: 5000 },
    );
    expect(gateway.requests.some((r) => r.path === '/v1/chat/completions')).toBe(true);
  });

  it('hides the actions while streaming', () => {
    show(base({ status: 'streaming', content: 'Partial' }));
    const article = screen.getByRole('article');
    expect(article.getAttribute('data-status')).toBe('streaming');
    expect(within(article).queryByRole('group', { name: en.chat.messageActions })).toBeNull();
    expect(within(article).getByText('Partial')).toBeTruthy();
  });
});
