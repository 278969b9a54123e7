import { createGateway } from '@aitre/mock-gateway';
import { type AitreLocale, AitreProvider, type ChatMessage } from '@aitre/react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../locale/en.js';
import { zhCN } from '../locale/zhCN.js';
import { ChatComposer } from './ChatComposer.js';
import { ChatRoot } from './ChatRoot.js';
import { ChatThread } from './ChatThread.js';

// Counts the commits under each message (its own renders and any of its children's), by id.
const commits = vi.hoisted(() => new Map<string, number>());

vi.mock('./ChatMessageView.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./ChatMessageView.js')>();
  const { Profiler, memo } = await import('react');
  const Profiled = memo(function Profiled(props: { message: ChatMessage }) {
    return (
      <Profiler
        id={props.message.id}
        onRender={(id) => commits.set(id, (commits.get(id) ?? 0) + 1)}
      >
        <actual.ChatMessageView {...props} />
      </Profiler>
    );
  });
  return { ...actual, ChatMessageView: Profiled };
});

beforeEach(() => commits.clear());
afterEach(cleanup);

const message = (i: number, role: ChatMessage['role'] = i % 2 ? 'assistant' : 'user') =>
  ({
    id: `m${i}`,
    role,
    parts: [{ type: 'text', text: `Message ${i}` }],
    content: `Message ${i}`,
    reasoning: '',
    images: [],
    status: 'done',
    createdAt: 0,
  }) as ChatMessage;

function setup({
  initialMessages = [] as ChatMessage[],
  locale,
  apiKey,
  tokenDelayMs = 0,
  headers,
}: {
  headers?: Record<string, string>;
  initialMessages?: ChatMessage[];
  locale?: AitreLocale;
  apiKey?: string;
  tokenDelayMs?: number;
}) {
  const gateway = createGateway({ tokenDelayMs, apiKey: apiKey && 'right-key' });
  render(
    <AitreProvider
      baseURL="http://127.0.0.1:8787"
      fetch={gateway.fetch}
      apiKey={apiKey}
      locale={locale}
      headers={headers}
    >
      <ChatRoot model="gpt-4o-mini" initialMessages={initialMessages}>
        <ChatThread className="custom-thread" />
        <ChatComposer />
      </ChatRoot>
    </AitreProvider>,
  );
  const m = locale === 'zh-CN' ? zhCN : en;
  const send = (text: string) => {
    const input = screen.getByLabelText(m.chat.inputLabel);
    fireEvent.change(input, { target: { value: text } });
    fireEvent.keyDown(input, { key: 'Enter' });
  };
  return { gateway, send, m };
}

const articles = () => screen.queryAllByRole('article');

describe('ChatThread', () => {
  it('renders a thread of 40 in order across groups of 16, without the system prompt', () => {
    const list = [message(0, 'system'), ...Array.from({ length: 40 }, (_, i) => message(i + 1))];
    setup({ initialMessages: list });
    const log = screen.getByRole('log', { name: en.chat.threadLabel });
    expect(log.closest('[data-slot="chat-thread"]')?.classList.contains('custom-thread')).toBe(
      true,
    );
    const groups = log.querySelectorAll('[data-slot="chat-message-group"]');
    // 41 messages (the system one included) make groups of 16, 16 and 9.
    expect([...groups].map((g) => g.children.length)).toEqual([15, 16, 9]);
    expect(
      articles().map((a) => a.querySelector('p, [data-slot="markdown"]')?.textContent),
    ).toEqual(Array.from({ length: 40 }, (_, i) => `Message ${i + 1}`));
    expect(screen.queryByText('Message 0')).toBeNull();
  });

  it('re-renders only the streaming answer while earlier messages stay untouched', async () => {
    const { send } = setup({
      initialMessages: Array.from({ length: 40 }, (_, i) => message(i)),
      tokenDelayMs: 1,
    });
    const mounted = new Map(commits);
    expect(mounted.size).toBe(40);
    for (const count of mounted.values()) expect(count).toBe(1);

    send('Newest question');
    await waitFor(() => expect(articles()).toHaveLength(42));
    await waitFor(() => expect(articles().at(-1)?.getAttribute('data-status')).toBe('done'), {
      timeout: 5000,
    });
    for (const [id, count] of mounted) expect(commits.get(id), id).toBe(count);
    const answerId = [...commits.keys()].find(
      (id) => !mounted.has(id) && (commits.get(id) ?? 0) > 2,
    );
    expect(answerId).toBeDefined();
    expect(articles().at(-1)?.textContent).not.toBe('');
    expect(articles()[40]?.textContent).toContain('Newest question');
  });

  it('shows the empty state, then a send failure with retry in the chosen locale', async () => {
    const { send, m } = setup({ locale: 'zh-CN', apiKey: 'wrong-key' });
    const log = screen.getByRole('log', { name: m.chat.threadLabel });
    expect(log.querySelector('[data-slot="chat-message-group"]')).toBeNull();
    expect(log.textContent).not.toBe('');
    send('Hello');
    const alert = await within(log).findByRole('alert');
    expect(alert.getAttribute('data-slot')).toBe('chat-send-error');
    expect(alert.textContent).toContain(zhCN.errors.auth);
    expect(within(alert).getByRole('button', { name: zhCN.chat.retry })).toBeTruthy();
    expect(log.getAttribute('aria-busy')).toBe('false');
  });

  it('marks the log busy with a pending spinner until the answer starts; stop clears it', async () => {
    // The gateway never answers: the request stays submitted.
    const { send } = setup({ headers: { 'x-mock-fault': 'timeout' } });
    send('Hi');
    const log = screen.getByRole('log');
    const pending = await waitFor(() => {
      const node = log.querySelector('[data-slot="chat-pending"]');
      expect(node).toBeTruthy();
      return node as HTMLElement;
    });
    expect(within(pending).getByRole('status', { name: en.chat.generating })).toBeTruthy();
    expect(log.getAttribute('aria-busy')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: en.chat.stop }));
    await waitFor(() => expect(log.getAttribute('aria-busy')).toBe('false'));
    expect(log.querySelector('[data-slot="chat-pending"]')).toBeNull();
  });
});
