'use client';
import type { ChatTimings, ChatUsage } from '@aitre/react';
import { format } from '../locale/format.js';
import { useLocale } from '../locale/LocaleProvider.js';
import { useBaseMessages } from '../locale/useBaseMessages.js';

/** Props of {@link ChatMessageMeta}. */
export interface ChatMessageMetaProps {
  /** Token usage of the answer. */
  usage?: ChatUsage | undefined;
  /** Speed of the answer. */
  timings?: ChatTimings | undefined;
}

/** Tokens, time to first token and tokens per second of one answer, in small print. */
export function ChatMessageMeta({ usage, timings }: ChatMessageMetaProps) {
  const messages = useBaseMessages();
  const number = new Intl.NumberFormat(useLocale(), { maximumFractionDigits: 1 });
  const items: { key: string; text: string; title: string }[] = [];
  if (usage) {
    items.push({
      key: 'tokens',
      text: format(messages.chat.tokens, { count: number.format(usage.totalTokens) }),
      title: format(messages.chat.tokenSplit, {
        prompt: number.format(usage.promptTokens),
        completion: number.format(usage.completionTokens),
      }),
    });
  }
  if (timings?.firstTokenMs !== undefined) {
    items.push({
      key: 'ttft',
      text: format(messages.chat.ttftValue, {
        ms: number.format(Math.round(timings.firstTokenMs)),
      }),
      title: messages.chat.ttft,
    });
  }
  if (timings?.tokensPerSecond !== undefined) {
    const text = format(messages.chat.tokensPerSecond, {
      value: number.format(timings.tokensPerSecond),
    });
    items.push({ key: 'speed', text, title: text });
  }
  if (items.length === 0) return null;
  return (
    <div className="aitre-chat-meta" data-slot="chat-message-meta">
      {items.map((item) => (
        <span key={item.key} className="aitre-chat-meta-item" title={item.title}>
          {item.text}
        </span>
      ))}
    </div>
  );
}
