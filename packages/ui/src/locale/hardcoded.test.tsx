import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import { createGateway, type GatewayOptions, toneWav } from '@aitre/mock-gateway';
import { AitreProvider } from '@aitre/react';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { type ReactNode, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SpeechStudio } from '../audio/SpeechStudio.js';
import { Transcriber } from '../audio/Transcriber.js';
import { TRANSCRIPTION_LANGUAGES } from '../audio/TranscriberOptions.js';
import { Chat } from '../chat/Chat.js';
import { EmbeddingsPlayground } from '../embeddings/EmbeddingsPlayground.js';
import { ImageStudio } from '../images/ImageStudio.js';
import { MidjourneyStudio } from '../midjourney/MidjourneyStudio.js';
import { ModelPicker } from '../models/ModelPicker.js';
import { en } from './en.js';
import { LocaleProvider } from './LocaleProvider.js';
import type { MessagesOverride } from './mergeMessages.js';

const BASE = 'http://127.0.0.1:8787';
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** en with every message replaced by `⟦key {placeholders}⟧`; functions return the same form. */
function pseudo(value: unknown, path: string): unknown {
  if (typeof value === 'string') {
    const placeholders = value.match(/\{\w+\}/g) ?? [];
    return `⟦${[path, ...placeholders].join(' ')}⟧`;
  }
  if (typeof value === 'function') {
    return (...args: unknown[]) => `⟦${[path, ...args.map(String)].join(' ')}⟧`;
  }
  if (Array.isArray(value)) return value.map((item, i) => pseudo(item, `${path}.${i}`));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [
        key,
        pseudo(child, path ? `${path}.${key}` : key),
      ]),
    );
  }
  return value;
}

const pseudoMessages = pseudo(en, '') as MessagesOverride;
const marker = (key: string) => new RegExp(`^⟦${key.replace(/\./g, '\\.')}(?: [^⟧]*)?⟧$`);

// Text the test itself supplies, and data shown as is: model ids, sizes, voices, formats.
const USER_TEXT = ['a quiet harbour at dawn', 'Hello there', 'The cat sat.', 'A dog ran.'];

/** Strips markers (innermost first, they nest when a message fills another) and allowed data. */
function leftover(text: string, allowed: readonly string[]): string {
  let rest = text;
  for (let previous = ''; previous !== rest; ) {
    previous = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  for (const item of allowed) rest = rest.split(item).join(' ');
  // Numbers, units of measure written as symbols, punctuation and MidJourney's button glyphs.
  return rest
    .replace(/\b[UV][1-4]\b/g, '')
    .replace(/[\d\s.,:;!?%/()[\]×x+\-–—·•…|#*'"`<>=_~^@&]/gu, '')
    .replace(/\p{Extended_Pictographic}|\uFE0F|\u200D/gu, '');
}

// Where components show what the model or the user wrote: rendered answers, typed messages,
// transcripts, revised prompts. The same text may be repeated elsewhere (live announcements).
const CONTENT = '.aitre-md, .aitre-chat-text, pre, textarea, [data-slot="revised-prompt"]';

/** Every piece of visible or announced text in `root` that did not come from the messages. */
function hardCoded(root: HTMLElement, allowed: readonly string[]): string[] {
  const content = [...root.querySelectorAll(CONTENT)].map((element) => element.textContent ?? '');
  const isContent = (text: string) => content.some((known) => known.includes(text.trim()));
  const found: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest(`${CONTENT}, script, style`)) continue;
    const text = node.textContent ?? '';
    if (leftover(text, allowed).trim() !== '' && !isContent(text))
      found.push(`text: ${text.trim()}`);
  }
  for (const element of root.querySelectorAll('*')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'label']) {
      const value = element.getAttribute(name);
      if (value === null || isContent(value)) continue;
      if (leftover(value, allowed).trim() !== '') {
        found.push(`${element.tagName.toLowerCase()}[${name}]: ${value}`);
      }
    }
  }
  return found;
}

/** Model ids and other gateway data shown verbatim. */
async function gatewayData(fetch: typeof globalThis.fetch): Promise<string[]> {
  const response = await fetch(`${BASE}/v1/models`);
  const body = (await response.json()) as { data: Array<{ id: string }> };
  // Longest first, so 'gpt-4o-mini' goes before 'gpt-4o' leaves '-mini'.
  return [
    ...body.data.map((model) => model.id),
    ...['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'onyx', 'nova', 'sage', 'shimmer'],
    ...['verse', 'mp3', 'opus', 'aac', 'flac', 'wav', 'pcm', 'json', 'srt', 'vtt', 'text'],
    ...['png', 'jpeg', 'webp', 'speech.wav', ...USER_TEXT],
    // Language names come from Intl.DisplayNames in the user's locale.
    ...TRANSCRIPTION_LANGUAGES.map((code) => languageNames.of(code) ?? code),
  ].sort((a, b) => b.length - a.length);
}

function setup(ui: ReactNode, options: GatewayOptions = {}, headers?: Record<string, string>) {
  const gateway = createGateway({
    tokenDelayMs: 0,
    fileUrls: 'data',
    ...options,
    mj: { stepMs: 5, steps: 2, ...options.mj },
  });
  const view = render(
    <AitreProvider baseURL={BASE} fetch={gateway.fetch} {...(headers ? { headers } : {})}>
      <LocaleProvider messages={pseudoMessages}>{ui}</LocaleProvider>
    </AitreProvider>,
  );
  return { gateway, container: view.container };
}

async function expectNoHardCodedText(
  container: HTMLElement,
  fetch: typeof globalThis.fetch,
  extra: string[] = [],
) {
  const allowed = [...extra, ...(await gatewayData(fetch))];
  expect(hardCoded(container, allowed)).toEqual([]);
}

function wavFile(seconds: number): File {
  return new File([toneWav(seconds)], 'speech.wav', { type: 'audio/wav' });
}

function Picker() {
  const [value, setValue] = useState('gpt-4o');
  return <ModelPicker value={value} onChange={setValue} />;
}

beforeEach(() => {
  localStorage.clear();
  let next = 0;
  vi.stubGlobal(
    'URL',
    Object.assign(class extends URL {}, {
      createObjectURL: () => `blob:http://127.0.0.1/${++next}`,
      revokeObjectURL: () => {},
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('hard-coded text', { timeout: 20_000 }, () => {
  it('is found by the check: a literal next to marker text is reported', () => {
    document.body.innerHTML =
      '<div><span>⟦chat.send⟧</span><button aria-label="Close">x</button><p>12 %</p></div>';
    expect(hardCoded(document.body, [])).toEqual(['button[aria-label]: Close']);
    document.body.innerHTML = '<div><span>Send</span><span>⟦a ⟦b⟧ 3⟧</span></div>';
    expect(hardCoded(document.body, [])).toEqual(['text: Send']);
  });

  it('is absent from an empty chat and from a question with its answer', async () => {
    const { gateway, container } = setup(<Chat model="gpt-4o-mini" />);
    await expectNoHardCodedText(container, gateway.fetch);
    const input = screen.getByLabelText(marker('chat.inputLabel'));
    fireEvent.change(input, { target: { value: 'Hello there' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() =>
      expect(container.querySelector('article[data-status="done"]')).toBeTruthy(),
    );
    fireEvent.change(input, { target: { value: 'a quiet harbour at dawn' } });
    await expectNoHardCodedText(container, gateway.fetch);
  });

  it('is absent from an answer that failed mid-stream', async () => {
    const { gateway, container } = setup(
      <Chat model="gpt-4o-mini" />,
      {},
      {
        'x-mock-fault': 'error-event',
      },
    );
    const input = screen.getByLabelText(marker('chat.inputLabel'));
    fireEvent.change(input, { target: { value: 'Hello there' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() =>
      expect(container.querySelector('article[data-status="error"]')).toBeTruthy(),
    );
    await expectNoHardCodedText(container, gateway.fetch);
  });

  it('is absent from a reasoning answer', async () => {
    const { gateway, container } = setup(<Chat model="deepseek-r1" />);
    const input = screen.getByLabelText(marker('chat.inputLabel'));
    fireEvent.change(input, { target: { value: 'Hello there' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() =>
      expect(container.querySelector('article[data-status="done"]')).toBeTruthy(),
    );
    await expectNoHardCodedText(container, gateway.fetch);
  });

  it('is absent from the image studio with results', async () => {
    const { gateway, container } = setup(<ImageStudio />);
    await expectNoHardCodedText(container, gateway.fetch);
    fireEvent.change(screen.getByRole('textbox', { name: marker('images.prompt') }), {
      target: { value: 'a quiet harbour at dawn' },
    });
    fireEvent.click(screen.getByRole('button', { name: marker('images.generate') }));
    await waitFor(
      () => expect(container.querySelector('[data-slot="image-gallery"] img')).toBeTruthy(),
      {
        timeout: 4000,
      },
    );
    await expectNoHardCodedText(container, gateway.fetch);
    fireEvent.change(screen.getByRole('combobox', { name: marker('images.model') }), {
      target: { value: 'gpt-image-1' },
    });
    await expectNoHardCodedText(container, gateway.fetch);
  });

  it('is absent from speech with a result', async () => {
    const { gateway, container } = setup(<SpeechStudio />);
    await expectNoHardCodedText(container, gateway.fetch);
    fireEvent.change(screen.getByRole('textbox', { name: marker('speech.text') }), {
      target: { value: 'Hello there' },
    });
    fireEvent.click(screen.getByRole('button', { name: marker('speech.generate') }));
    await screen.findByRole('button', { name: marker('speech.play') });
    await expectNoHardCodedText(container, gateway.fetch);
  });

  it('is absent from the transcriber with a file and a transcript', async () => {
    vi.stubGlobal('Blob', NodeBlob);
    vi.stubGlobal('File', NodeFile);
    const form = await new Response('a=1', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }).formData();
    vi.stubGlobal('FormData', form.constructor);
    const { gateway, container } = setup(<Transcriber />);
    await expectNoHardCodedText(container, gateway.fetch);
    fireEvent.change(container.querySelector('input[type="file"]') as HTMLInputElement, {
      target: { files: [wavFile(1)] },
    });
    fireEvent.click(screen.getByRole('button', { name: marker('audio.transcribe') }));
    await waitFor(() => expect(container.querySelector('pre')?.textContent).toMatch(/\w/), {
      timeout: 4000,
    });
    await expectNoHardCodedText(container, gateway.fetch);
  });

  it('is absent from the MidJourney studio with a finished task and its buttons', async () => {
    const { gateway, container } = setup(
      <MidjourneyStudio pollOptions={{ initialDelayMs: 5, maxIntervalMs: 10 }} />,
    );
    await expectNoHardCodedText(container, gateway.fetch);
    fireEvent.change(screen.getByRole('textbox', { name: marker('midjourney.prompt') }), {
      target: { value: 'a quiet harbour at dawn' },
    });
    fireEvent.click(screen.getByRole('button', { name: marker('midjourney.imagine') }));
    await waitFor(
      () =>
        expect(
          container.querySelector('[data-slot="midjourney-task"]')?.getAttribute('data-status'),
        ).toBe('success'),
      { timeout: 4000 },
    );
    await expectNoHardCodedText(container, gateway.fetch);
  });

  it('is absent from the embeddings playground with similarities', async () => {
    const { gateway, container } = setup(
      <EmbeddingsPlayground defaultTexts={['The cat sat.', 'A dog ran.']} />,
    );
    await expectNoHardCodedText(container, gateway.fetch);
    fireEvent.click(screen.getByRole('button', { name: marker('embeddings.embed') }));
    await waitFor(() => expect(container.querySelector('li')).toBeTruthy(), { timeout: 4000 });
    await expectNoHardCodedText(container, gateway.fetch);
  });

  it('is absent from the model picker with the gateway models', async () => {
    const { gateway, container } = setup(<Picker />);
    await screen.findByRole('option', { name: 'dall-e-3' });
    await expectNoHardCodedText(container, gateway.fetch);
  });
});
