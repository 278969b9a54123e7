import { createGateway } from '@aitre/mock-gateway';
import { AitreProvider } from '@aitre/react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SpeechStudio, type SpeechStudioProps } from './SpeechStudio.js';

beforeEach(() => {
  // jsdom has no object URLs.
  let next = 0;
  vi.stubGlobal(
    'URL',
    Object.assign(class extends URL {}, {
      createObjectURL: () => `blob:http://127.0.0.1/${++next}`,
      revokeObjectURL: () => {},
    }),
  );
});

// jsdom cannot compute colours (contrast is checked in the browser); landmarks belong to the page.
const axeOptions = {
  rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function setup(props: SpeechStudioProps = {}, locale: 'en' | 'zh-CN' = 'en') {
  const gateway = createGateway({ tokenDelayMs: 0 });
  render(
    <AitreProvider baseURL="http://127.0.0.1:8787" fetch={gateway.fetch} locale={locale}>
      <SpeechStudio {...props} />
    </AitreProvider>,
  );
  return gateway;
}

describe('SpeechStudio', () => {
  it('speaks the text into an audio element with an object URL and a download link', async () => {
    const gateway = setup();
    fireEvent.change(screen.getByRole('textbox', { name: 'Text' }), {
      target: { value: 'Hello there, this is a test.' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Voice' }), {
      target: { value: 'nova' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Generate speech' }));
    const player = await screen.findByRole('button', { name: 'Play' });
    const audio = document.querySelector('audio') as HTMLAudioElement;
    expect(audio.controls).toBe(true);
    expect(audio.getAttribute('aria-label')).toBe('Generated speech');
    expect(audio.getAttribute('src')).toMatch(/^blob:/);
    const download = within(player.parentElement!).getByRole('link', { name: 'Download' });
    expect(download.getAttribute('href')).toBe(audio.getAttribute('src'));
    expect(download.getAttribute('download')).toBe('speech.wav');
    expect(gateway.requests.filter((r) => r.path === '/v1/audio/speech')).toHaveLength(1);
  });

  it('counts characters against 4096 and refuses longer text before any request', async () => {
    const gateway = setup({ defaultText: 'x'.repeat(4100) });
    expect(screen.getByText('4100 / 4096 characters').dataset.state).toBe('over');
    fireEvent.click(screen.getByRole('button', { name: 'Generate speech' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The text is too long for speech: 4100 characters, at most 4096.',
    );
    expect(gateway.requests.filter((r) => r.path === '/v1/audio/speech')).toEqual([]);
  });

  it('offers the newer voices only with gpt-4o-mini-tts', () => {
    setup();
    const voice = screen.getByRole('combobox', { name: 'Voice' });
    expect(within(voice).queryByRole('option', { name: 'verse' })).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Model' }), {
      target: { value: 'gpt-4o-mini-tts' },
    });
    expect(within(voice).getByRole('option', { name: 'verse' })).toBeTruthy();
  });

  it('speaks zh-CN when the provider says so', () => {
    setup({ defaultText: '你好' }, 'zh-CN');
    expect(screen.getByRole('button', { name: '生成语音' })).toBeTruthy();
    expect(screen.getByText('2 / 4096 字')).toBeTruthy();
  });

  it('has no axe violations with the player shown', async () => {
    setup({ defaultText: 'Hello.' });
    fireEvent.click(screen.getByRole('button', { name: 'Generate speech' }));
    await screen.findByRole('button', { name: 'Play' });
    expect((await axe.run(document.body, axeOptions)).violations).toEqual([]);
  });

  it('renders on the server without a request', () => {
    const gateway = createGateway();
    const html = renderToString(
      <AitreProvider baseURL="http://127.0.0.1:8787" fetch={gateway.fetch}>
        <SpeechStudio />
      </AitreProvider>,
    );
    expect(html).toContain('aitre-speech-studio');
    expect(gateway.requests).toEqual([]);
  });
});
