import { type AitreClient, createChatClient, createClient } from '@aitre/core';
import { createGateway } from '@aitre/mock-gateway';
import { act, cleanup, render, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AitreProvider, useAitreClient, useAitreLocale } from './AitreProvider.js';
import { useChat } from './useChat.js';
import { useImageGen } from './useImageGen.js';

function Probe({ onClient }: { onClient: (client: AitreClient) => void }) {
  onClient(useAitreClient());
  return null;
}

afterEach(() => {
  cleanup();
});

describe('AitreProvider', () => {
  it('shares the client it is given', () => {
    const client = createClient({ baseURL: 'http://127.0.0.1' });
    const { result } = renderHook(() => useAitreClient(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <AitreProvider client={client}>{children}</AitreProvider>
      ),
    });
    expect(result.current).toBe(client);
  });

  it('builds a client from baseURL, fetch, apiKey and headers, keeping it across renders', async () => {
    // The client rightly warns about an API key in a browser; that is not under test here.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const gateway = createGateway();
    const seen: Headers[] = [];
    const fetchFn: typeof fetch = (input, init) => {
      seen.push(new Headers(init?.headers));
      return gateway.fetch(input, init);
    };
    let client: AitreClient | undefined;
    const onClient = (c: AitreClient) => {
      client = c;
    };
    const tree = (
      <AitreProvider
        baseURL="http://127.0.0.1"
        apiKey="sk-test"
        fetch={fetchFn}
        headers={{ 'x-app': 'demo' }}
      >
        <Probe onClient={onClient} />
      </AitreProvider>
    );
    const view = render(tree);
    const first = client;
    view.rerender(
      <AitreProvider
        baseURL="http://127.0.0.1"
        apiKey="sk-test"
        fetch={fetchFn}
        headers={{ 'x-app': 'demo' }}
      >
        <Probe onClient={onClient} />
      </AitreProvider>,
    );
    expect(client).toBe(first);
    const models = await client?.models.list();
    expect(models?.length).toBeGreaterThan(0);
    expect(seen[0]?.get('authorization')).toBe('Bearer sk-test');
    expect(seen[0]?.get('x-app')).toBe('demo');
    vi.restoreAllMocks();
  });

  it('lets a hook option override the provided client', () => {
    const provided = createClient({ baseURL: 'http://127.0.0.1' });
    const own = createClient({ baseURL: 'http://127.0.0.1' });
    const { result } = renderHook(() => useAitreClient(own), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <AitreProvider client={provided}>{children}</AitreProvider>
      ),
    });
    expect(result.current).toBe(own);
  });

  it('explains the fix when there is no client', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useAitreClient())).toThrow(/AitreProvider/);
    vi.restoreAllMocks();
  });

  it('shares a chat-only client with useChat, and adds the images area when useImageGen asks', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const client = createChatClient({ baseURL: 'http://127.0.0.1', fetch: gateway.fetch });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <AitreProvider client={client}>{children}</AitreProvider>
    );
    const chat = renderHook(() => useChat({ model: 'gpt-4o-mini' }), { wrapper });
    await act(async () => {
      await chat.result.current.send('你好');
    });
    await waitFor(() => expect(chat.result.current.messages[1]?.status).toBe('done'));
    expect(chat.result.current.messages[1]?.content.length).toBeGreaterThan(0);

    expect('images' in client).toBe(false);
    const images = renderHook(() => useImageGen({ model: 'dall-e-3' }), { wrapper });
    await act(async () => {
      await images.result.current.generate({ prompt: 'a red fox', response_format: 'url' });
    });
    expect(images.result.current.status).toBe('success');
    expect(images.result.current.images[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1\/.+/);
    // Added on the shared client itself, so every hook below the provider sees one area.
    expect('images' in client).toBe(true);
  });

  it('names the fix when a hand-made client lacks the area a hook needs', () => {
    const { baseURL, chat, models } = createChatClient({ baseURL: 'http://127.0.0.1' });
    const client = { baseURL, chat, models };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <AitreProvider client={client}>{children}</AitreProvider>
    );
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useImageGen({ model: 'dall-e-3' }), { wrapper })).toThrow(
      /no `images` API.*createChatClient\(\) or createClient\(\)/,
    );
    vi.restoreAllMocks();
  });

  it('exposes the locale, English by default', () => {
    expect(renderHook(() => useAitreLocale()).result.current).toBe('en');
    const { result } = renderHook(() => useAitreLocale(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <AitreProvider locale="zh-CN">{children}</AitreProvider>
      ),
    });
    expect(result.current).toBe('zh-CN');
  });
});
