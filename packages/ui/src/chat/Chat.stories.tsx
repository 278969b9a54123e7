import { createGateway } from '@aitre/mock-gateway';
import { AitreProvider, type ChatMessage } from '@aitre/react';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useRef, useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { LocaleProvider } from '../locale/LocaleProvider.js';
import { Chat } from './Chat.js';
import { useChatActions } from './ChatContext.js';

const baseURL = 'http://127.0.0.1:8787';

/** Each story gets its own in-memory gateway; images are inlined as data URLs (no server). */
function withGateway(
  options: Parameters<typeof createGateway>[0] = {},
  provider: { headers?: Record<string, string>; locale?: 'en' | 'zh-CN' } = {},
): Decorator {
  return (Story) => {
    const [gateway] = useState(() =>
      createGateway({ tokenDelayMs: 30, fileUrls: 'data', ...options }),
    );
    return (
      <AitreProvider baseURL={baseURL} fetch={gateway.fetch} {...provider}>
        <div style={{ height: 640, maxWidth: 820, margin: '0 auto' }}>
          <Story />
        </div>
      </AitreProvider>
    );
  };
}

/** Sends one message when the story opens, so it shows a live answer. */
function SendOnOpen({ text }: { text: string }) {
  const { send } = useChatActions();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    void send(text);
  }, [send, text]);
  return null;
}

function message(
  id: string,
  role: 'user' | 'assistant',
  content: string,
  extra: Partial<ChatMessage> = {},
): ChatMessage {
  return {
    id,
    role,
    parts: [{ type: 'text', text: content }],
    content,
    reasoning: '',
    images: [],
    status: 'done',
    createdAt: 0,
    ...extra,
  };
}

const kitchenSink = `# Markdown kitchen sink

Text with **bold**, *italic*, ~~struck~~, \`inline code\` and a [link](https://example.com).

## Lists

1. First
2. Second
   - nested bullet
   - another

- [x] A done task
- [ ] An open task

> A quote that spans
> two lines.

\`\`\`ts
export function add(a: number, b: number): number {
  return a + b;
}
\`\`\`

| Model | Group | Stream |
| :---- | :---: | -----: |
| gpt-4o-mini | chat | yes |
| deepseek-reasoner | reasoning | yes |

---

Raw HTML stays text: <b>not bold</b> <script>alert(1)</script>`;

function longThread(count: number): ChatMessage[] {
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0
      ? message(`u${i}`, 'user', `Question number ${i / 2 + 1}: what about item ${i}?`)
      : message(
          `a${i}`,
          'assistant',
          `Answer **${(i + 1) / 2}**. Here is a short list:\n\n- point one\n- point two\n\n\`\`\`js\nconsole.log(${i});\n\`\`\``,
          {
            usage: { promptTokens: 20 + i, completionTokens: 40, totalTokens: 60 + i },
            timings: { firstTokenMs: 180, tokensPerSecond: 52.4 },
          },
        ),
  );
}

const answer = (root: HTMLElement) =>
  root.querySelector<HTMLElement>('[data-slot="chat-message"][data-role="assistant"]');
const answerText = (root: HTMLElement) =>
  answer(root)?.querySelector('[data-slot="markdown"]')?.textContent ?? '';

const meta = {
  title: 'Chat/Chat',
  component: Chat,
  args: { model: 'gpt-4o-mini' },
  decorators: [withGateway()],
} satisfies Meta<typeof Chat>;
// Storybook reads the story group from a default export.
export default meta;
type Story = StoryObj<typeof meta>;

/** An empty thread: four suggestions that send themselves. */
export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/^(How can I help\?|有什么可以帮你的？)$/)).toBeVisible();
  },
};

/** An answer streaming in; the send button is a stop button meanwhile. */
export const Streaming: Story = {
  render: (args) => (
    <Chat.Root {...args}>
      <Chat.Thread />
      <Chat.Composer />
      <SendOnOpen text="Explain how server-sent events stream an answer, with an example." />
    </Chat.Root>
  ),
  decorators: [withGateway({ tokenDelayMs: 80 })],
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(answerText(canvasElement)).not.toBe(''), { timeout: 5000 });
    expect(answer(canvasElement)).toHaveAttribute('data-status', 'streaming');
    await expect(canvas.getByRole('button', { name: /^(Stop|停止生成)$/ })).toBeVisible();
  },
};

/** 520 messages from `initialMessages`: off-screen messages skip layout and paint. */
export const LongThread: Story = {
  args: { initialMessages: longThread(520) },
  play: async ({ canvasElement }) => {
    expect(canvasElement.querySelectorAll('[data-slot="chat-message"]')).toHaveLength(520);
  },
};

/** Everything the markdown renderer knows, in one answer. */
export const MarkdownKitchenSink: Story = {
  args: {
    initialMessages: [
      message('u1', 'user', 'Show me every markdown feature.'),
      message('a1', 'assistant', kitchenSink, {
        usage: { promptTokens: 12, completionTokens: 230, totalTokens: 242 },
        timings: { firstTokenMs: 240, tokensPerSecond: 61.3 },
      }),
    ],
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('table')).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'link' })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    );
    expect(canvasElement.querySelector('script')).toBeNull();
    await expect(canvas.getByText(/<script>alert\(1\)<\/script>/)).toBeVisible();
  },
};

/** A reasoning model: the thinking panel is open while it thinks, then folds away. */
export const Reasoning: Story = {
  args: { model: 'deepseek-reasoner' },
  render: (args) => (
    <Chat.Root {...args}>
      <Chat.Thread />
      <Chat.Composer />
      <SendOnOpen text="Why is the sky blue?" />
    </Chat.Root>
  ),
  decorators: [withGateway({ tokenDelayMs: 50 })],
  play: async ({ canvasElement }) => {
    // The panel is open while the model thinks.
    await waitFor(
      () =>
        expect(answer(canvasElement)?.querySelector('[aria-expanded="true"]')).toHaveTextContent(
          /^(Thinking…|思考中…)$/,
        ),
      { timeout: 5000 },
    );
  },
};

/** Interaction test: type and send, watch the answer stream in, stop it; the partial text stays, marked stopped. */
export const SendAndStop: Story = {
  name: 'Send, then stop',
  decorators: [withGateway({ tokenDelayMs: 60 })],
  play: async ({ canvas, canvasElement, userEvent }) => {
    const input = await canvas.findByRole('textbox', { name: /^(Message|消息)$/ });
    await userEvent.type(input, 'How does streaming work?{Enter}');
    await expect(await canvas.findByText('How does streaming work?')).toBeVisible();
    await waitFor(() => expect(answerText(canvasElement)).not.toBe(''), { timeout: 5000 });
    const early = answerText(canvasElement);
    await waitFor(() => expect(answerText(canvasElement).length).toBeGreaterThan(early.length), {
      timeout: 5000,
    });
    await userEvent.click(canvas.getByRole('button', { name: /^(Stop|停止生成)$/ }));
    await waitFor(() => expect(answer(canvasElement)).toHaveAttribute('data-status', 'stopped'));
    const kept = answerText(canvasElement);
    expect(kept.startsWith(early)).toBe(true);
    await expect(
      within(answer(canvasElement) as HTMLElement).getByText(/^(Stopped|已停止)$/),
    ).toBeVisible();
    await expect(canvas.getByRole('button', { name: /^(Send|发送)$/ })).toBeVisible();
    // Several tokens' worth of time later, nothing more has arrived.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(answerText(canvasElement)).toBe(kept);
  },
};

/** The stream fails midway: the partial answer stays, with the error and a retry that works. */
export const ErrorWithRetry: Story = {
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert', {}, { timeout: 5000 });
    await expect(within(alert).getByRole('button', { name: /^(Retry|重试)$/ })).toBeVisible();
  },
  render: (args) => (
    <Chat.Root {...args}>
      <Chat.Thread />
      <Chat.Composer />
      <SendOnOpen text="Tell me about retries." />
    </Chat.Root>
  ),
  decorators: [withGateway({}, { headers: { 'x-mock-fault': 'error-event:1' } })],
};

/** Interaction test: Retry on the failed answer asks again; the new answer completes (the fault hit once). */
export const RetryAfterError: Story = {
  ...ErrorWithRetry,
  play: async (context) => {
    await ErrorWithRetry.play?.(context);
    const { canvas, canvasElement, userEvent } = context;
    await userEvent.click(canvas.getByRole('button', { name: /^(Retry|重试)$/ }));
    await waitFor(() => expect(answer(canvasElement)).toHaveAttribute('data-status', 'done'), {
      timeout: 10_000,
    });
    expect(canvas.queryByRole('alert')).toBeNull();
    expect(answerText(canvasElement)).not.toBe('');
  },
};

/** An answer the user stopped: what arrived stays, marked stopped. */
export const Stopped: Story = {
  args: {
    initialMessages: [
      message('u1', 'user', 'Write a long poem about the sea.'),
      message('a1', 'assistant', 'The sea rolls in with silver light,\nand carries', {
        status: 'stopped',
      }),
    ],
  },
};

/** A request with `max_tokens: 12`: the gateway ends the answer at the limit, and the chat says so. */
export const CutAtLengthLimit: Story = {
  args: { body: { max_tokens: 12 } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(answer(canvasElement)).toHaveAttribute('data-status', 'done'), {
      timeout: 10_000,
    });
    const note = canvasElement.querySelector('[data-finish-reason="length"]');
    await expect(note).toBeVisible();
  },
  render: (args) => (
    <Chat.Root {...args}>
      <Chat.Thread />
      <Chat.Composer />
      <SendOnOpen text="Tell me a long story about the sea." />
    </Chat.Root>
  ),
};

/** gpt-4o-image through chat: stage and percent while it works, then the image (click to zoom). */
export const ImageProgress: Story = {
  args: { model: 'gpt-4o-image' },
  render: (args) => (
    <Chat.Root {...args}>
      <Chat.Thread />
      <Chat.Composer />
      <SendOnOpen text="A cat in boxing gloves, watercolour 尺寸[4:3]" />
    </Chat.Root>
  ),
  decorators: [withGateway({ tokenDelayMs: 60 })],
  play: async ({ canvas }) => {
    const bar = await canvas.findByRole(
      'progressbar',
      { name: /^(Image progress|图片生成进度)$/ },
      { timeout: 5000 },
    );
    await expect(bar).toBeVisible();
  },
};

/** Simplified Chinese, from the AitreProvider's locale. */
export const ChineseLocale: Story = {
  decorators: [
    (Story) => (
      <LocaleProvider locale="zh-CN">
        <Story />
      </LocaleProvider>
    ),
    withGateway({}, { locale: 'zh-CN' }),
  ],
};

/** The dark theme through the `theme` prop. */
export const Dark: Story = {
  args: {
    theme: 'dark',
    initialMessages: [
      message('u1', 'user', 'Does the dark theme look right?'),
      message(
        'a1',
        'assistant',
        'It does: tokens switch on `data-theme="dark"`.\n\n```css\n.aitre-root { color-scheme: dark; }\n```',
      ),
    ],
  },
};
