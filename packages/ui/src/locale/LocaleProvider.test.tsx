import { AitreProvider } from '@aitre/react';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider, useLocale, useMessages } from './LocaleProvider.js';

afterEach(cleanup);

function Probe() {
  const messages = useMessages();
  return (
    <p>
      {useLocale()} {messages.chat.send} {messages.chat.stop}
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
});
