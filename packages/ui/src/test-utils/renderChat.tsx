import { createGateway, type MockGateway } from '@aitre/mock-gateway';
import { type AitreLocale, AitreProvider } from '@aitre/react';
import { fireEvent, type RenderResult, render, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { Chat, type ChatProps } from '../chat/Chat.js';
import { en } from '../locale/en.js';
import type { Messages } from '../locale/Messages.js';
import { zhCN } from '../locale/zhCN.js';

/** Options of {@link renderChat}. */
export interface RenderChatOptions {
  /** Locale of the AitreProvider. */
  locale?: AitreLocale;
  /** Headers of every request (e.g. `x-mock-fault`). */
  headers?: Record<string, string>;
  /** Pace of the mock's streams; 0 by default. */
  tokenDelayMs?: number;
}

/** A chat request body as the mock received it. */
export interface ChatBody {
  model: string;
  max_tokens?: number;
  messages: Array<{ role: string; content: unknown }>;
}

/** What {@link renderChat} returns: the render, the recorded bodies and shortcuts. */
export interface RenderedChat {
  view: RenderResult;
  gateway: MockGateway;
  chatBodies: ChatBody[];
  input: () => HTMLTextAreaElement;
  type: (text: string) => void;
  send: (text: string) => void;
  answers: () => HTMLElement[];
  lastAnswer: () => HTMLElement;
  done: () => Promise<void>;
  m: Messages;
}

/** Renders a Chat against the in-memory mock gateway, recording the chat request bodies. */
export function renderChat(
  props: Partial<ChatProps> = {},
  options: RenderChatOptions = {},
): RenderedChat {
  const gateway = createGateway({ tokenDelayMs: options.tokenDelayMs ?? 0 });
  const chatBodies: ChatBody[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/chat/completions') && typeof init?.body === 'string') {
      chatBodies.push(JSON.parse(init.body));
    }
    return gateway.fetch(input, init);
  };
  const view = render(
    <AitreProvider
      baseURL="http://127.0.0.1:8787"
      fetch={fetchFn}
      locale={options.locale ?? 'en'}
      {...(options.headers ? { headers: options.headers } : {})}
    >
      <Chat model="gpt-4o-mini" {...props} />
    </AitreProvider>,
  );
  const m = options.locale === 'zh-CN' ? zhCN : en;
  const input = () => screen.getByLabelText(m.chat.inputLabel) as HTMLTextAreaElement;
  const type = (text: string) => {
    fireEvent.change(input(), { target: { value: text } });
  };
  const send = (text: string) => {
    type(text);
    fireEvent.keyDown(input(), { key: 'Enter' });
  };
  const answers = () => screen.queryAllByRole('article', { name: m.chat.assistant });
  const lastAnswer = () => answers().at(-1) as HTMLElement;
  // Resolves once the last answer has finished streaming.
  const done = () =>
    waitFor(() => expect(lastAnswer()?.getAttribute('data-status')).toBe('done'), {
      timeout: 5000,
    });
  return { view, gateway, chatBodies, input, type, send, answers, lastAnswer, done, m };
}
