import { type AitreError, ValidationError } from '@aitre/core';
import { createGateway } from '@aitre/mock-gateway';
import {
  AitreProvider,
  useChat,
  useCompletion,
  useEmbeddings,
  useImageGen,
  useMidjourneyTask,
  useSpeech,
  useTranscription,
} from '@aitre/react';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from './locale/en.js';
import { localizeError } from './locale/localizeError.js';
import { zhCN } from './locale/zhCN.js';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=';
const png = () => new Blob([new Uint8Array(8)], { type: 'image/png' });

/** A Blob that reports a size without holding the bytes. */
function sizedFile(name: string, type: string, size: number): File {
  const file = new File([new Uint8Array(4)], name, { type });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

interface Case {
  hook: string;
  input: string;
  code: string;
  /** Calls the hook's action and returns the error it left in its state. */
  run: () => Promise<AitreError | undefined>;
}

let requests = 0;
const gateway = createGateway({ tokenDelayMs: 0 });
// Counts every request a hook makes; a valid call would reach the mock.
const fetch: typeof globalThis.fetch = (input, init) => {
  requests++;
  return gateway.fetch(input, init);
};

function wrapper({ children }: { children: ReactNode }) {
  return (
    <AitreProvider baseURL="http://127.0.0.1:8787" fetch={fetch}>
      {children}
    </AitreProvider>
  );
}

/** Renders `useHook`, runs `action` on its result, returns the error state afterwards. */
function call<T extends { error: AitreError | undefined }>(
  useHook: () => T,
  action: (result: T) => Promise<unknown>,
): () => Promise<AitreError | undefined> {
  return async () => {
    const { result } = renderHook(useHook, { wrapper });
    await act(async () => {
      await action(result.current);
    });
    // Stores publish on the next frame; the error must arrive without any request.
    await waitFor(() => expect(result.current.error).toBeDefined(), { timeout: 1000 });
    return result.current.error;
  };
}

const chat = (model: string, text: string) =>
  call(
    () => useChat({ model }),
    (c) => c.send(text),
  );
const completion = (model: string, prompt: string) =>
  call(
    () => useCompletion({ model }),
    (c) => c.complete(prompt),
  );
const image = (model: string, params: Parameters<ReturnType<typeof useImageGen>['generate']>[0]) =>
  call(
    () => useImageGen({ model }),
    (c) => c.generate(params),
  );
const edit = (model: string, params: Parameters<ReturnType<typeof useImageGen>['edit']>[0]) =>
  call(
    () => useImageGen({ model }),
    (c) => c.edit(params),
  );
const transcribe = (model: string, file: Blob) =>
  call(
    () => useTranscription({ model }),
    (c) => c.transcribe(file),
  );
const speak = (model: string, text: string) =>
  call(
    () => useSpeech({ model }),
    (c) => c.speak(text),
  );
const mj = (action: (task: ReturnType<typeof useMidjourneyTask>) => Promise<unknown>) =>
  call(() => useMidjourneyTask(), action);
const embed = (model: string, input: string | string[]) =>
  call(
    () => useEmbeddings({ model }),
    (c) => c.embed(input),
  );

const cases: Case[] = [
  { hook: 'useChat', input: 'empty message', code: 'prompt_empty', run: chat('gpt-4o-mini', '') },
  {
    hook: 'useChat',
    input: 'blank message',
    code: 'prompt_empty',
    run: chat('gpt-4o-mini', ' \n '),
  },
  { hook: 'useChat', input: 'no model', code: 'model_missing', run: chat('', 'Hello') },
  {
    hook: 'useCompletion',
    input: 'empty prompt',
    code: 'prompt_empty',
    run: completion('gpt-3.5-turbo-instruct', ''),
  },
  { hook: 'useCompletion', input: 'no model', code: 'model_missing', run: completion('', 'Hi') },
  {
    hook: 'useImageGen',
    input: 'empty prompt',
    code: 'prompt_empty',
    run: image('dall-e-3', { prompt: '' }),
  },
  {
    hook: 'useImageGen',
    input: 'prompt over 4000 characters for dall-e-3',
    code: 'prompt_too_long',
    run: image('dall-e-3', { prompt: 'a'.repeat(4001) }),
  },
  {
    hook: 'useImageGen',
    input: 'prompt over 1000 characters for dall-e-2',
    code: 'prompt_too_long',
    run: image('dall-e-2', { prompt: 'a'.repeat(1001) }),
  },
  {
    hook: 'useImageGen',
    input: 'dall-e-3 with n=2',
    code: 'dalle3_n',
    run: image('dall-e-3', { prompt: 'cat', n: 2 }),
  },
  {
    hook: 'useImageGen',
    input: 'dall-e-2 with n=11',
    code: 'n_range',
    run: image('dall-e-2', { prompt: 'cat', n: 11 }),
  },
  {
    hook: 'useImageGen',
    input: 'size 512x512 for dall-e-3',
    code: 'size_invalid',
    run: image('dall-e-3', { prompt: 'cat', size: '512x512' }),
  },
  {
    hook: 'useImageGen',
    input: 'size 1792x1024 for gpt-image-1',
    code: 'size_invalid',
    run: image('gpt-image-1', { prompt: 'cat', size: '1792x1024' }),
  },
  {
    hook: 'useImageGen',
    input: 'quality hd for gpt-image-1',
    code: 'option_invalid',
    run: image('gpt-image-1', { prompt: 'cat', quality: 'hd' }),
  },
  {
    hook: 'useImageGen',
    input: 'no model',
    code: 'model_missing',
    run: image('', { prompt: 'cat' }),
  },
  {
    hook: 'useImageGen',
    input: 'edit without an image',
    code: 'image_missing',
    run: edit('gpt-image-1', { prompt: 'cat', image: [] }),
  },
  {
    hook: 'useImageGen',
    input: 'edit with an empty prompt',
    code: 'prompt_empty',
    run: edit('gpt-image-1', { prompt: '', image: png() }),
  },
  {
    hook: 'useTranscription',
    input: 'a text file',
    code: 'audio_type',
    run: transcribe('whisper-1', sizedFile('notes.txt', 'text/plain', 1000)),
  },
  {
    hook: 'useTranscription',
    input: 'a PNG named .png',
    code: 'audio_type',
    run: transcribe('whisper-1', sizedFile('photo.png', 'image/png', 1000)),
  },
  {
    hook: 'useTranscription',
    input: 'audio over 25 MB',
    code: 'audio_too_large',
    run: transcribe('whisper-1', sizedFile('talk.mp3', 'audio/mpeg', 26_214_401)),
  },
  {
    hook: 'useTranscription',
    input: 'no model',
    code: 'model_missing',
    run: transcribe('', sizedFile('talk.mp3', 'audio/mpeg', 1000)),
  },
  { hook: 'useSpeech', input: 'empty text', code: 'input_empty', run: speak('tts-1', '') },
  {
    hook: 'useSpeech',
    input: 'text over 4096 characters',
    code: 'tts_input_too_long',
    run: speak('tts-1', 'a'.repeat(4097)),
  },
  { hook: 'useSpeech', input: 'no model', code: 'model_missing', run: speak(' ', 'Hello') },
  {
    hook: 'useMidjourneyTask',
    input: 'imagine with an empty prompt',
    code: 'prompt_empty',
    run: mj((t) => t.imagine({ prompt: '' })),
  },
  {
    hook: 'useMidjourneyTask',
    input: 'blend with 1 image',
    code: 'blend_count',
    run: mj((t) => t.blend({ base64Array: [PNG] })),
  },
  {
    hook: 'useMidjourneyTask',
    input: 'blend with 6 images',
    code: 'blend_count',
    run: mj((t) => t.blend({ base64Array: Array(6).fill(PNG) })),
  },
  {
    hook: 'useMidjourneyTask',
    input: 'describe without an image',
    code: 'image_missing',
    run: mj((t) => t.describe({ base64: '' })),
  },
  {
    hook: 'useMidjourneyTask',
    input: 'shorten an empty prompt',
    code: 'prompt_empty',
    run: mj((t) => t.shorten({ prompt: '  ' })),
  },
  {
    hook: 'useMidjourneyTask',
    input: 'swap face without a target',
    code: 'image_missing',
    run: mj((t) => t.swapFace({ sourceBase64: PNG, targetBase64: '' })),
  },
  {
    hook: 'useMidjourneyTask',
    input: 'a button press without a task',
    code: 'task_id_missing',
    run: mj((t) => t.action('MJ::JOB::upsample::1::abc')),
  },
  {
    hook: 'useEmbeddings',
    input: 'empty text',
    code: 'input_empty',
    run: embed('text-embedding-3-small', ''),
  },
  {
    hook: 'useEmbeddings',
    input: 'an empty text among others',
    code: 'input_empty',
    run: embed('text-embedding-3-small', ['a', '']),
  },
  {
    hook: 'useEmbeddings',
    input: '2049 texts',
    code: 'input_too_many',
    run: embed('text-embedding-3-small', Array(2049).fill('a')),
  },
  { hook: 'useEmbeddings', input: 'no model', code: 'model_missing', run: embed('', 'a') },
];

afterEach(() => {
  cleanup();
  gateway.reset();
  requests = 0;
});

describe('bad input to every hook', () => {
  it('counts requests of a valid call (the zero below means something)', async () => {
    const { result } = renderHook(() => useSpeech({ model: 'tts-1' }), { wrapper });
    await act(async () => {
      await result.current.speak('Hello');
    });
    expect(requests).toBe(1);
  });

  it('covers every hook', () => {
    expect(new Set(cases.map((c) => c.hook))).toEqual(
      new Set([
        'useChat',
        'useCompletion',
        'useImageGen',
        'useTranscription',
        'useSpeech',
        'useMidjourneyTask',
        'useEmbeddings',
      ]),
    );
  });

  it.each(cases)('$hook rejects $input with $code before any request', async ({ run, code }) => {
    const error = await run();
    expect(requests).toBe(0);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error?.kind).toBe('validation');
    expect((error as ValidationError).code).toBe(code);
    // A message of its own in both locales, complete (no placeholder left unfilled).
    expect(Object.hasOwn(en.validation, code)).toBe(true);
    expect(Object.hasOwn(zhCN.validation, code)).toBe(true);
    const english = localizeError(error, en);
    const chinese = localizeError(error, zhCN);
    expect(english).not.toMatch(/\{\w+\}/);
    expect(chinese).not.toMatch(/\{\w+\}/);
    expect(english).not.toBe(en.errors.validation);
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);
  });
});
