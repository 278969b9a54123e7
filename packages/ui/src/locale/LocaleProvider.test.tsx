import { AitreProvider } from '@aitre/react';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider, useLocale, useMessages } from './LocaleProvider.js';
import { useBaseMessages } from './useBaseMessages.js';

afterEach(cleanup);

function Probe() {
  const messages = useMessages();
  return (
    <p>
      {useLocale()} {messages.chat.send} {messages.chat.stop}
    </p>
  );
}

/** Reads the chat part of the table and the whole table side by side. */
function Parts() {
  const base = useBaseMessages();
  const all = useMessages();
  return (
    <p>
      {base.chat.send} {all.chat.send} {base.errors.auth === all.errors.auth ? 'same' : 'differ'}{' '}
      {all.images.generate} {'images' in base ? 'leaked' : 'chat only'}
    </p>
  );
}

describe('LocaleProvider', () => {
  it('gives English without a provider', () => {
    render(<Probe />);
    expect(screen.getByText('en Send Stop')).toBeTruthy();
  });

  it('gives the messages of its locale', () => {
    render(
      <LocaleProvider locale="zh-Hans">
        <Probe />
      </LocaleProvider>,
    );
    expect(screen.getByText('zh-CN 发送 停止生成')).toBeTruthy();
  });

  it('lets an override replace single keys and keep the rest', () => {
    render(
      <LocaleProvider locale="en" messages={{ chat: { send: 'Ask' } }}>
        <Probe />
      </LocaleProvider>,
    );
    expect(screen.getByText('en Ask Stop')).toBeTruthy();
  });

  it('follows the locale of the AitreProvider', () => {
    render(
      <AitreProvider locale="zh-CN">
        <Probe />
      </AitreProvider>,
    );
    expect(screen.getByText('zh-CN 发送 停止生成')).toBeTruthy();
  });

  it('overrides strings in the AitreProvider locale when no locale is given', () => {
    render(
      <AitreProvider locale="zh-CN">
        <LocaleProvider messages={{ chat: { send: '提问' } }}>
          <Probe />
        </LocaleProvider>
      </AitreProvider>,
    );
    expect(screen.getByText('zh-CN 提问 停止生成')).toBeTruthy();
  });

  it('stacks the overrides of nested providers', () => {
    render(
      <LocaleProvider locale="en" messages={{ chat: { send: 'Ask' } }}>
        <LocaleProvider messages={{ chat: { stop: 'Halt' } }}>
          <Probe />
        </LocaleProvider>
      </LocaleProvider>,
    );
    expect(screen.getByText('en Ask Halt')).toBeTruthy();
  });

  it('keeps the strings of an outer provider only for the same language', () => {
    render(
      <LocaleProvider locale="en" messages={{ chat: { send: 'Ask' } }}>
        <LocaleProvider locale="zh-CN" messages={{ chat: { stop: '停' } }}>
          <Probe />
        </LocaleProvider>
      </LocaleProvider>,
    );
    expect(screen.getByText('zh-CN 发送 停')).toBeTruthy();
  });

  it('gives the chat part of the table the same strings and overrides as the whole table', () => {
    render(
      <AitreProvider locale="zh-CN">
        <LocaleProvider messages={{ chat: { send: '提问' }, images: { generate: '画' } }}>
          <Parts />
        </LocaleProvider>
      </AitreProvider>,
    );
    expect(screen.getByText('提问 提问 same 画 chat only')).toBeTruthy();
  });
});
