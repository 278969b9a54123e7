import { type AitreClient, createChatClient, createClient, localStorageAdapter } from '@aitre/core';
import { createGateway } from '@aitre/mock-gateway';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { Profiler, StrictMode, useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AitreProvider } from './AitreProvider.js';
import { type UseChatOptions, type UseChatResult, useChat } from './useChat.js';

/** A requestAnimationFrame that runs queued callbacks in frames on timer ticks, counting them. */
function installFrames() {
  let next = 1;
  const queued = new Map<number, () => void>();
  let scheduled = false;
  const frames = { count: 0, pending: () => queued.size };
  const runFrame = () => {
    scheduled = false;
    frames.count++;
    const callbacks = [...queued.values()];
    queued.clear();
    for (const callback of callbacks) callback();
  };
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => {
    const handle = next++;
    queued.set(handle, callback);
    if (!scheduled) {
      scheduled = true;
      setTimeout(runFrame, 0);
    }
    return handle;
  });
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => {
    queued.delete(handle);
  });
  return frames;
}

function mockClient(options: { tokenDelayMs?: number; slowBody?: boolean } = {}) {
  const gateway = createGateway({ tokenDelayMs: options.tokenDelayMs ?? 0 });
  const signals: AbortSignal[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    if (init?.signal) signals.push(init.signal);
    const response = await gateway.fetch(input, init);
    if (!options.slowBody || !response.body) return response;
    // Yields to the event loop every few network chunks, like a real connection.
    const reader = response.body.getReader();
    let chunks = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        controller.enqueue(value);
        if (++chunks % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  const client = createClient({ baseURL: 'http://127.0.0.1', fetch: fetchFn, maxRetries: 0 });
  return { client, signals };
}

function Chat(props: UseChatOptions & { onChat?: (chat: UseChatResult) => void; label?: string }) {
  const { onChat, label = 'chat', ...options } = props;
  const chat = useChat(options);
  useEffect(() => {
    onChat?.(chat);
  });
  return (
    <div data-testid={label} data-status={chat.status}>
      {chat.messages.map((m) => (
        <p key={m.id} data-role={m.role} data-status={m.status}>
          {m.content}
        </p>
      ))}
    </div>
  );
}

function renderChat(client: AitreClient, props: Parameters<typeof Chat>[0] = {}) {
  let chat: UseChatResult | undefined;
  const utils = render(
    <AitreProvider client={client}>
      <Chat model="gpt-4o-mini" {...props} onChat={(c) => (chat = c)} />
    </AitreProvider>,
  );
  return { ...utils, chat: () => chat as UseChatResult };
}

let frames: ReturnType<typeof installFrames>;

beforeEach(() => {
  frames = installFrames();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('useChat', () => {
  it('renders the streamed answer', async () => {
    const { client } = mockClient();
    const view = renderChat(client);
    await act(async () => {
      view.chat().setInput('Hello from the test');
    });
    await act(async () => {
      view.chat().handleSubmit({ preventDefault: () => {} });
    });
    await waitFor(() => expect(screen.getByTestId('chat').dataset.status).toBe('idle'));
    await waitFor(() => {
      const answer = screen.getByTestId('chat').querySelector('[data-role="assistant"]');
      expect(answer?.textContent).toContain('Hello from the test');
      expect(answer?.getAttribute('data-status')).toBe('done');
    });
    expect(view.chat().input).toBe('');
  });

  it('streams through a chat-only client passed to the hook, without a provider', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const client = createChatClient({ baseURL: 'http://127.0.0.1', fetch: gateway.fetch });
    let chat: UseChatResult | undefined;
    render(<Chat model="gpt-4o-mini" client={client} onChat={(c) => (chat = c)} />);
    await act(async () => {
      await chat?.send('Hello through the chat client');
    });
    await waitFor(() => expect(chat?.messages[1]?.status).toBe('done'));
    expect(chat?.messages[1]?.content).toContain('Hello through the chat client');
  });

  it('keeps the partial answer when stopped', async () => {
    const { client } = mockClient({ tokenDelayMs: 5 });
    const view = renderChat(client);
    act(() => {
      void view.chat().send('Stop me half way');
    });
    await waitFor(() => {
      expect(view.chat().status).toBe('streaming');
      expect(view.chat().messages[1]?.content).toBeTruthy();
    });
    act(() => view.chat().stop());
    await waitFor(() => expect(view.chat().messages[1]?.status).toBe('stopped'));
    expect(view.chat().messages[1]?.content).toMatch(/^You/);
    expect(view.chat().status).toBe('idle');
  });

  it('keeps the partial answer and shows the error when the stream fails', async () => {
    const { client } = mockClient();
    const view = renderChat(client, { model: 'mock-fault-error-event' });
    act(() => {
      void view.chat().send('This answer breaks midway');
    });
    await waitFor(() => expect(view.chat().status).toBe('error'));
    const answer = view.chat().messages[1];
    expect(answer?.status).toBe('error');
    expect(answer?.content).not.toBe('');
    expect(view.chat().error).toBeInstanceOf(Error);
  });

  it('aborts the request and leaves no frame pending when unmounted mid-stream', async () => {
    const { client, signals } = mockClient({ tokenDelayMs: 5 });
    const view = renderChat(client);
    act(() => {
      void view.chat().send('Unmount me while streaming');
    });
    await waitFor(() => expect(view.chat().messages[1]?.content).not.toBe(''));
    view.unmount();
    await act(async () => {});
    expect(signals[0]?.aborted).toBe(true);
    expect(frames.pending()).toBe(0);
  });

  it('shares messages between components using the same id', async () => {
    const { client } = mockClient();
    let first: UseChatResult | undefined;
    render(
      <AitreProvider client={client}>
        <Chat id="shared-thread" model="gpt-4o-mini" label="one" onChat={(c) => (first = c)} />
        <Chat id="shared-thread" model="gpt-4o-mini" label="two" />
      </AitreProvider>,
    );
    act(() => {
      void first?.send('Shared question');
    });
    await waitFor(() => {
      for (const id of ['one', 'two']) {
        const answer = screen.getByTestId(id).querySelector('[data-role="assistant"]');
        expect(answer?.getAttribute('data-status')).toBe('done');
      }
    });
    expect(screen.getByTestId('one').innerHTML).toBe(screen.getByTestId('two').innerHTML);
  });

  it('restores a persisted chat after a reload', async () => {
    const { client } = mockClient();
    const storage = localStorageAdapter({ prefix: 'test:' });
    const first = renderChat(client, { id: 'reload-thread', storage });
    act(() => {
      void first.chat().send('Remember this');
    });
    await waitFor(() => expect(first.chat().messages[1]?.status).toBe('done'));
    const before = first.chat().messages;
    first.unmount();
    await act(async () => {});
    expect(localStorage.getItem('test:reload-thread')).not.toBeNull();

    const second = renderChat(client, { id: 'reload-thread', storage });
    expect(second.chat().messages).toEqual(before);
    localStorage.clear();
  });

  it('keeps streaming under StrictMode double effects', async () => {
    const { client } = mockClient();
    let chat: UseChatResult | undefined;
    render(
      <StrictMode>
        <AitreProvider client={client}>
          <Chat id="strict-thread" model="gpt-4o-mini" onChat={(c) => (chat = c)} />
        </AitreProvider>
      </StrictMode>,
    );
    await act(async () => {});
    act(() => {
      void chat?.send('Strict question');
    });
    // A store disposed by the simulated unmount would have marked the answer 'stopped'.
    await waitFor(() => expect(chat?.messages[1]?.status).toBe('done'));
  });

  it('commits no more often than animation frames while streaming 5,000 tokens', async () => {
    const { client } = mockClient({ slowBody: true });
    // A JSON schema answer of 5,000 short string fields streams as about 5,000 tokens.
    const properties = Object.fromEntries(
      Array.from({ length: 5000 }, (_, i) => [`f${i}`, { type: 'string' }]),
    );
    const body = {
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'long', schema: { type: 'object', properties } },
      },
    };
    let commits = 0;
    let chat: UseChatResult | undefined;
    const reactActEnvironment = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean })
      .IS_REACT_ACT_ENVIRONMENT;
    render(
      <AitreProvider client={client}>
        <Profiler id="chat" onRender={() => commits++}>
          <Chat model="gpt-4o-mini" body={body} onChat={(c) => (chat = c)} />
        </Profiler>
      </AitreProvider>,
    );
    const mountCommits = commits;
    const framesBefore = frames.count;
    // Let React schedule commits as in a browser, not batched by act().
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    try {
      await chat?.send('x y');
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT =
        reactActEnvironment;
    }
    const answer = chat?.messages[1];
    expect(answer?.status).toBe('done');
    expect(answer?.usage?.completionTokens).toBeGreaterThanOrEqual(5000);
    const elapsed = frames.count - framesBefore;
    expect(elapsed).toBeGreaterThan(10);
    expect(commits - mountCommits).toBeLessThanOrEqual(elapsed);
  });
});
