import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import type { MediaRecorderLike } from '@aitre/core';
import { createGateway, toneWav } from '@aitre/mock-gateway';
import { AitreProvider } from '@aitre/react';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Transcriber, type TranscriberProps } from './Transcriber.js';

beforeEach(async () => {
  // jsdom's Blob, File and FormData reach Node's fetch as the text "undefined": Node's own keep
  // the bytes, as a browser's would.
  vi.stubGlobal('Blob', NodeBlob);
  vi.stubGlobal('File', NodeFile);
  const form = await new Response('a=1', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  }).formData();
  vi.stubGlobal('FormData', form.constructor);
});

// jsdom cannot compute colours (contrast is checked in the browser); landmarks belong to the page.
const axeOptions = {
  rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A mono 16-bit WAV of `seconds` of a 440 Hz tone. */
function wavFile(seconds: number, name = 'speech.wav'): File {
  return new File([toneWav(seconds)], name, { type: 'audio/wav' });
}

function setup(props: TranscriberProps = {}, locale: 'en' | 'zh-CN' = 'en') {
  const gateway = createGateway({ tokenDelayMs: 0 });
  const view = render(
    <AitreProvider baseURL="http://127.0.0.1:8787" fetch={gateway.fetch} locale={locale}>
      <Transcriber {...props} />
    </AitreProvider>,
  );
  const apiRequests = () => gateway.requests.filter((r) => !r.path.startsWith('/v1/models'));
  return { gateway, apiRequests, ...view };
}

function pick(file: File, label: RegExp = /Choose an audio file/) {
  fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
}

class FakeRecorder extends EventTarget implements MediaRecorderLike {
  state: 'inactive' | 'recording' | 'paused' = 'inactive';
  readonly mimeType = 'audio/webm';
  start() {
    this.state = 'recording';
  }
  pause() {
    this.state = 'paused';
  }
  resume() {
    this.state = 'recording';
  }
  stop() {
    this.state = 'inactive';
    this.dispatchEvent(
      Object.assign(new Event('dataavailable'), { data: new Blob(['x'], { type: 'audio/webm' }) }),
    );
    this.dispatchEvent(new Event('stop'));
  }
}

const stream = { getTracks: () => [{ stop() {} }] } as unknown as MediaStream;

describe('Transcriber', () => {
  it('transcribes an uploaded WAV file and shows the text', async () => {
    const { apiRequests } = setup();
    pick(wavFile(1));
    expect(screen.getByText('speech.wav')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Transcribe' }));
    const result = await screen.findByRole('region', { name: 'Transcript' });
    const transcript = await within(result).findByText(/\w+/, { selector: 'pre' });
    expect(transcript.textContent!.trim().length).toBeGreaterThan(0);
    expect(within(result).getByRole('link', { name: 'Download' }).getAttribute('download')).toBe(
      'transcript.txt',
    );
    expect(apiRequests().map((r) => `${r.path} ${r.status}`)).toEqual([
      '/v1/audio/transcriptions 200',
    ]);
  });

  it('writes SRT subtitles with timestamps', async () => {
    setup({ defaultOutput: 'srt' });
    pick(wavFile(2));
    fireEvent.click(screen.getByRole('button', { name: 'Transcribe' }));
    const result = await screen.findByRole('region', { name: 'Transcript' });
    const srt = await within(result).findByText(/-->/, { selector: 'pre' });
    expect(srt.textContent).toMatch(/^1\r?\n00:00:00,000 --> 00:00:0\d,\d{3}/);
    expect(result.dataset.format).toBe('srt');
    expect(within(result).getByRole('link', { name: 'Download' }).getAttribute('download')).toBe(
      'transcript.srt',
    );
  });

  it('refuses a file of the wrong type with a localized error and no request', () => {
    const { apiRequests } = setup();
    pick(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    expect(screen.getByRole('alert').textContent).toMatch(
      /^This audio format is not supported\. Use one of: flac, mp3/,
    );
    expect((screen.getByRole('button', { name: 'Transcribe' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(apiRequests()).toEqual([]);
  });

  it('removes a picked file', () => {
    setup();
    pick(wavFile(0.5));
    fireEvent.click(screen.getByRole('button', { name: 'Remove file' }));
    expect(screen.queryByText('speech.wav')).toBeNull();
    expect((screen.getByRole('button', { name: 'Transcribe' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('sends the optional prompt', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const prompts: unknown[] = [];
    const fetch: typeof gateway.fetch = (input, init) => {
      if (init?.body instanceof FormData) prompts.push(init.body.get('prompt'));
      return gateway.fetch(input, init);
    };
    render(
      <AitreProvider baseURL="http://127.0.0.1:8787" fetch={fetch}>
        <Transcriber />
      </AitreProvider>,
    );
    pick(wavFile(0.5));
    fireEvent.change(screen.getByRole('textbox', { name: 'Prompt (optional)' }), {
      target: { value: 'AITRE, gateway' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Transcribe' }));
    expect(await screen.findByText(/\w+/, { selector: 'pre' })).toBeTruthy();
    expect(prompts).toEqual(['AITRE, gateway']);
  });

  it('refuses a file over 25 MB before upload', () => {
    const { apiRequests } = setup();
    const big = wavFile(0.1, 'long.wav');
    Object.defineProperty(big, 'size', { value: 26_214_401 });
    pick(big);
    expect(screen.getByRole('alert').textContent).toBe(
      'The audio file is too large (at most 25 MB).',
    );
    expect(apiRequests()).toEqual([]);
  });

  it('says so when the browser cannot record', async () => {
    // jsdom has neither getUserMedia nor MediaRecorder.
    setup();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    });
    expect(screen.getByRole('alert').textContent).toBe(
      'Recording is not supported in this browser.',
    );
  });

  it('explains a refused file in zh-CN', () => {
    setup({}, 'zh-CN');
    pick(new File(['hello'], 'notes.txt', { type: 'text/plain' }), /选择音频文件/);
    expect(screen.getByRole('alert').textContent).toMatch(/不支持/);
  });

  it('records from the microphone with a level meter and a timer, then offers the take', async () => {
    setup({
      recorderOptions: {
        getUserMedia: async () => stream,
        MediaRecorder: FakeRecorder,
        createLevelMeter: () => ({ read: () => 0.5, close() {} }),
      },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    });
    expect(screen.getByRole('meter', { name: 'Input level' })).toBeTruthy();
    expect(screen.getByRole('timer', { name: 'Recording time' }).textContent).toBe('0:00');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    });
    expect(screen.getByText('Recording (0:00)')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Transcribe' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it('says so when the microphone is denied', async () => {
    setup({
      recorderOptions: {
        getUserMedia: () =>
          Promise.reject(Object.assign(new Error('no'), { name: 'NotAllowedError' })),
        MediaRecorder: FakeRecorder,
      },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    });
    expect(screen.getByRole('alert').textContent).toBe('Microphone access was denied.');
  });

  it('translates with whisper-1 only', () => {
    setup();
    fireEvent.change(screen.getByRole('combobox', { name: 'Mode' }), {
      target: { value: 'translate' },
    });
    const model = screen.getByRole('combobox', { name: 'Model' }) as HTMLSelectElement;
    expect(model.value).toBe('whisper-1');
    expect(model.disabled).toBe(true);
    expect(screen.queryByRole('combobox', { name: 'Language' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Translate to English' })).toBeTruthy();
  });

  it('labels a translation as one, not as a transcript', async () => {
    const { apiRequests } = setup();
    fireEvent.change(screen.getByRole('combobox', { name: 'Mode' }), {
      target: { value: 'translate' },
    });
    pick(wavFile(1));
    fireEvent.click(screen.getByRole('button', { name: 'Translate to English' }));
    expect(screen.getByRole('button', { name: 'Translating…' })).toBeTruthy();
    const result = await screen.findByRole('region', { name: 'English translation' });
    expect(result.textContent).not.toBe('');
    expect(screen.queryByRole('region', { name: 'Transcript' })).toBeNull();
    expect(apiRequests().map((r) => r.path)).toEqual(['/v1/audio/translations']);
  });

  it('has no axe violations with a transcript', async () => {
    setup({ defaultOutput: 'vtt' });
    pick(wavFile(1));
    fireEvent.click(screen.getByRole('button', { name: 'Transcribe' }));
    const result = await screen.findByRole('region', { name: 'Transcript' });
    await within(result).findByText(/WEBVTT/, { selector: 'pre' });
    expect((await axe.run(document.body, axeOptions)).violations).toEqual([]);
  });

  it('renders on the server without a request', () => {
    const gateway = createGateway();
    const html = renderToString(
      <AitreProvider baseURL="http://127.0.0.1:8787" fetch={gateway.fetch}>
        <Transcriber />
      </AitreProvider>,
    );
    expect(html).toContain('aitre-transcriber');
    expect(gateway.requests).toEqual([]);
  });
});
