import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { imageModelOptions } from './imageModelOptions.js';
import {
  audioExtension,
  validateAudioFile,
  validateChat,
  validateCompletion,
  validateEmbeddings,
  validateImageEdit,
  validateImageGenerate,
  validateMjBlend,
  validateMjIds,
  validateMjImage,
  validateMjPrompt,
  validateSpeech,
  validateTranscription,
} from './validate.js';

function failure(run: () => void): ValidationError {
  try {
    run();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const audio = (size: number, name?: string, type = '') =>
  name === undefined
    ? new Blob([new Uint8Array(size)], { type })
    : new File([new Uint8Array(size)], name, { type });

describe('validation table', () => {
  it.each<[string, () => void, string, string, Record<string, string | number>?]>([
    [
      'chat without model',
      () => validateChat({ model: ' ', messages: [{ role: 'user', content: 'hi' }] }),
      'model_missing',
      'model',
    ],
    [
      'chat without messages',
      () => validateChat({ model: 'gpt-4o', messages: [] }),
      'messages_empty',
      'messages',
    ],
    [
      'completion with empty prompt',
      () => validateCompletion({ model: 'm', prompt: '  ' }),
      'prompt_empty',
      'prompt',
    ],
    [
      'completion with empty prompt list',
      () => validateCompletion({ model: 'm', prompt: [] }),
      'prompt_empty',
      'prompt',
    ],
    [
      'image with empty prompt',
      () => validateImageGenerate({ model: 'dall-e-3', prompt: '' }),
      'prompt_empty',
      'prompt',
    ],
    [
      'image without model',
      () => validateImageGenerate({ model: '', prompt: 'cat' }),
      'model_missing',
      'model',
    ],
    [
      'dall-e-3 with n = 2',
      () => validateImageGenerate({ model: 'dall-e-3', prompt: 'cat', n: 2 }),
      'dalle3_n',
      'n',
      { n: 2, max: 1 },
    ],
    [
      'gpt-image-1 with n = 11',
      () => validateImageGenerate({ model: 'gpt-image-1', prompt: 'cat', n: 11 }),
      'n_range',
      'n',
      { n: 11, min: 1, max: 10 },
    ],
    [
      'dall-e-3 with size 512x512',
      () => validateImageGenerate({ model: 'dall-e-3', prompt: 'cat', size: '512x512' }),
      'size_invalid',
      'size',
    ],
    [
      'gpt-image-1 with size 1792x1024',
      () => validateImageGenerate({ model: 'gpt-image-1', prompt: 'cat', size: '1792x1024' }),
      'size_invalid',
      'size',
    ],
    [
      'flux with size 1024',
      () => validateImageGenerate({ model: 'flux-schnell', prompt: 'cat', size: '1024' }),
      'size_invalid',
      'size',
    ],
    [
      'dall-e-3 with quality low',
      () => validateImageGenerate({ model: 'dall-e-3', prompt: 'cat', quality: 'low' }),
      'option_invalid',
      'quality',
    ],
    [
      'gpt-image-1 with background clear',
      () =>
        validateImageGenerate({
          model: 'gpt-image-1',
          prompt: 'cat',
          background: 'clear' as 'auto',
        }),
      'option_invalid',
      'background',
    ],
    [
      'dall-e-3 with style bold',
      () => validateImageGenerate({ model: 'dall-e-3', prompt: 'cat', style: 'bold' as 'vivid' }),
      'option_invalid',
      'style',
    ],
    [
      'dall-e-3 with a 4001-char prompt',
      () => validateImageGenerate({ model: 'dall-e-3', prompt: 'a'.repeat(4001) }),
      'prompt_too_long',
      'prompt',
      { max: 4000, length: 4001 },
    ],
    [
      'edit without image',
      () => validateImageEdit({ model: 'gpt-image-1', prompt: 'cat', image: [] }),
      'image_missing',
      'image',
    ],
    [
      'speech with empty input',
      () => validateSpeech({ model: 'tts-1', voice: 'alloy', input: ' ' }),
      'input_empty',
      'input',
    ],
    [
      'speech over 4096 chars',
      () => validateSpeech({ model: 'tts-1', voice: 'alloy', input: 'a'.repeat(4097) }),
      'tts_input_too_long',
      'input',
      { max: 4096, length: 4097 },
    ],
    [
      'transcription over 25 MiB',
      () => validateTranscription({ model: 'whisper-1', file: audio(26_214_401, 'a.mp3') }),
      'audio_too_large',
      'file',
      { max: 26_214_400, size: 26_214_401 },
    ],
    [
      'transcription of a .txt file',
      () =>
        validateTranscription({ model: 'whisper-1', file: audio(10, 'notes.txt', 'text/plain') }),
      'audio_type',
      'file',
    ],
    ['transcription of an untyped blob', () => validateAudioFile(audio(10)), 'audio_type', 'file'],
    ['transcription without file', () => validateAudioFile(undefined), 'file_missing', 'file'],
    [
      'embeddings with empty string',
      () => validateEmbeddings({ model: 'e', input: '' }),
      'input_empty',
      'input',
    ],
    [
      'embeddings with an empty item',
      () => validateEmbeddings({ model: 'e', input: ['a', ''] }),
      'input_empty',
      'input',
    ],
    [
      'embeddings with 2049 inputs',
      () => validateEmbeddings({ model: 'e', input: Array(2049).fill('a') }),
      'input_too_many',
      'input',
    ],
    [
      'blend with 1 image',
      () => validateMjBlend(['data:image/png;base64,AA']),
      'blend_count',
      'base64Array',
      { min: 2, max: 5, count: 1 },
    ],
    [
      'blend with 6 images',
      () => validateMjBlend(Array(6).fill('data:image/png;base64,AA')),
      'blend_count',
      'base64Array',
      { min: 2, max: 5, count: 6 },
    ],
    ['imagine with empty prompt', () => validateMjPrompt(''), 'prompt_empty', 'prompt'],
    ['describe without image', () => validateMjImage('', 'base64'), 'image_missing', 'base64'],
    [
      'action without task id',
      () => validateMjIds('', 'MJ::JOB::upsample::1::x', true),
      'task_id_missing',
      'taskId',
    ],
    [
      'action without custom id',
      () => validateMjIds('123', '', true),
      'custom_id_missing',
      'customId',
    ],
  ])('rejects %s', (_name, run, code, field, params) => {
    const error = failure(run);
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
    expect(error.kind).toBe('validation');
    if (params) expect(error.params).toMatchObject(params);
  });

  it.each<[string, () => void]>([
    [
      'dall-e-3 with a table size',
      () =>
        validateImageGenerate({
          model: 'dall-e-3',
          prompt: 'cat',
          size: '1792x1024',
          n: 1,
          quality: 'hd',
          style: 'natural',
        }),
    ],
    [
      'gpt-image-1 with auto size',
      () =>
        validateImageGenerate({
          model: 'gpt-image-1',
          prompt: 'cat',
          size: 'auto',
          n: 4,
          background: 'transparent',
          output_format: 'webp',
        }),
    ],
    [
      'flux with any WxH size',
      () => validateImageGenerate({ model: 'flux-kontext-pro', prompt: 'cat', size: '1344x576' }),
    ],
    [
      'an unknown model with any option',
      () =>
        validateImageGenerate({
          model: 'my-model',
          prompt: 'cat',
          size: '7x7',
          n: 99,
          quality: 'ultra',
        }),
    ],
    ['audio named .m4a without a type', () => validateAudioFile(audio(10, 'memo.M4A'))],
    [
      'a recorder blob typed audio/webm;codecs=opus',
      () => validateAudioFile(audio(10, undefined, 'audio/webm;codecs=opus')),
    ],
    ['audio of exactly 25 MiB', () => validateAudioFile(audio(26_214_400, 'a.wav'))],
    [
      'speech of exactly 4096 chars',
      () => validateSpeech({ model: 'tts-1', voice: 'alloy', input: 'a'.repeat(4096) }),
    ],
    ['blend with 5 images', () => validateMjBlend(Array(5).fill('data:image/png;base64,AA'))],
    ['embeddings of token arrays', () => validateEmbeddings({ model: 'e', input: [1, 2, 3] })],
  ])('accepts %s', (_name, run) => {
    expect(run).not.toThrow();
  });

  it('derives the upload extension from the name, else the MIME type', () => {
    expect(audioExtension(audio(1, 'talk.ogg'))).toBe('ogg');
    expect(audioExtension(audio(1, 'recording', 'audio/mpeg'))).toBe('mp3');
    expect(audioExtension(audio(1, 'x.bin', 'audio/x-wav'))).toBe('wav');
    expect(audioExtension(audio(1, 'x.bin'))).toBeUndefined();
  });
});

describe('imageModelOptions', () => {
  it('exposes the option tables the UI renders choices from', () => {
    expect(imageModelOptions('dall-e-3')).toMatchObject({
      sizes: ['1024x1024', '1792x1024', '1024x1792'],
      qualities: ['standard', 'hd'],
      styles: ['vivid', 'natural'],
      n: { min: 1, max: 1 },
    });
    expect(imageModelOptions('gpt-image-1')).toMatchObject({
      sizes: ['1024x1024', '1536x1024', '1024x1536', 'auto'],
      backgrounds: ['transparent', 'opaque', 'auto'],
      outputFormats: ['png', 'jpeg', 'webp'],
      n: { min: 1, max: 10 },
    });
    expect(imageModelOptions('black-forest-labs/flux-1.1-pro')).toMatchObject({
      family: 'flux',
      anySize: true,
    });
    expect(imageModelOptions('FLUX.1.1-pro')?.aspectRatios).toContain('21:9');
    expect(imageModelOptions('midjourney')).toBeUndefined();
  });
});
