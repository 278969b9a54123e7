import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../locale/LocaleProvider.js';
import { ChatMessageMeta } from './ChatMessageMeta.js';

afterEach(cleanup);

const usage = { promptTokens: 1200, completionTokens: 30, totalTokens: 1230 };

function tokensTitle(locale: 'en' | 'zh-CN') {
  const { container } = render(
    <LocaleProvider locale={locale}>
      <ChatMessageMeta usage={usage} timings={{ firstTokenMs: 420, tokensPerSecond: 31.25 }} />
    </LocaleProvider>,
  );
  const items = [...container.querySelectorAll('.aitre-chat-meta-item')];
  return { items, title: items[0]?.getAttribute('title') };
}

describe('ChatMessageMeta', () => {
  it('splits the token count in a tooltip written in the locale, numbers formatted', () => {
    expect(tokensTitle('en').title).toBe('Prompt tokens: 1,200 · Completion tokens: 30');
    cleanup();
    // No English colon or separator glued into the Chinese sentence.
    expect(tokensTitle('zh-CN').title).toBe('输入 1,200 个 Token，输出 30 个 Token');
  });

  it('shows tokens, time to first token and speed, and nothing without data', () => {
    expect(tokensTitle('en').items).toHaveLength(3);
    cleanup();
    const { container } = render(<ChatMessageMeta />);
    expect(container.querySelector('[data-slot="chat-message-meta"]')).toBeNull();
  });
});
