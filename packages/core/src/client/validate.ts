import { ValidationError } from '../errors.js';
import { imageModelOptions } from './imageModelOptions.js';
import type { SpeechParams } from './typesAudio.js';
import type { ChatCompletionCreateParams } from './typesChat.js';
import type { CompletionCreateParams } from './typesCompletions.js';
import type { EmbeddingCreateParams } from './typesEmbeddings.js';
import type { ImageEditParams, ImageGenerateParams } from './typesImages.js';

/** Largest audio upload: 25 MiB. */
export const MAX_AUDIO_BYTES = 26_214_400;
/** Longest TTS input in characters. */
export const MAX_SPEECH_INPUT = 4096;
/** Most inputs in one embeddings request. */
export const MAX_EMBEDDING_INPUTS = 2048;
/** Audio file extensions the transcription endpoints accept. */
export const AUDIO_EXTENSIONS: readonly string[] = [
  'flac',
  'mp3',
  'mp4',
  'mpeg',
  'mpga',
  'm4a',
  'ogg',
  'wav',
  'webm',
];

const MIME_EXTENSIONS: Readonly<Record<string, string>> = {
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mpga': 'mpga',
  'audio/mp4': 'm4a',
  'audio/m4a': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/ogg': 'ogg',
  'application/ogg': 'ogg',
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/webm': 'webm',
  'video/webm': 'webm',
  'video/mp4': 'mp4',
  'video/mpeg': 'mpeg',
};

const blank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

function requireModel(model: unknown): void {
  if (blank(model)) throw new ValidationError('model_missing', 'model', 'A model is required');
}

function requirePrompt(prompt: unknown, field = 'prompt'): void {
  if (blank(prompt)) throw new ValidationError('prompt_empty', field, `The ${field} is empty`);
}

function fileName(file: Blob): string | undefined {
  const name = (file as { name?: unknown }).name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/**
 * The extension an audio upload is sent with: its name's extension when supported, else
 * one derived from its MIME type; undefined when neither is a supported format.
 */
export function audioExtension(file: Blob): string | undefined {
  const name = fileName(file);
  const dot = name?.lastIndexOf('.') ?? -1;
  if (name !== undefined && dot >= 0) {
    const extension = name.slice(dot + 1).toLowerCase();
    if (AUDIO_EXTENSIONS.includes(extension)) return extension;
  }
  const mime = file.type.split(';')[0]!.trim().toLowerCase();
  return MIME_EXTENSIONS[mime];
}

/** Checks an audio upload: present, at most 25 MiB, a supported format. */
export function validateAudioFile(file: Blob | undefined | null): void {
  if (!(file instanceof Blob))
    throw new ValidationError('file_missing', 'file', 'An audio file is required');
  if (file.size > MAX_AUDIO_BYTES) {
    throw new ValidationError('audio_too_large', 'file', 'The audio file is larger than 25 MB', {
      max: MAX_AUDIO_BYTES,
      size: file.size,
    });
  }
  if (audioExtension(file) === undefined) {
    throw new ValidationError(
      'audio_type',
      'file',
      `Unsupported audio format; use one of ${AUDIO_EXTENSIONS.join(', ')}`,
      { name: fileName(file) ?? '', type: file.type, allowed: AUDIO_EXTENSIONS.join(', ') },
    );
  }
}

/** Checks a chat request before sending. */
export function validateChat(params: ChatCompletionCreateParams): void {
  requireModel(params.model);
  if (!Array.isArray(params.messages) || params.messages.length === 0) {
    throw new ValidationError('messages_empty', 'messages', 'At least one message is required');
  }
}

/** Checks a legacy completion request before sending. */
export function validateCompletion(params: CompletionCreateParams): void {
  requireModel(params.model);
  const prompt = params.prompt;
  if (Array.isArray(prompt) ? prompt.length === 0 || prompt.every(blank) : blank(prompt)) {
    throw new ValidationError('prompt_empty', 'prompt', 'The prompt is empty');
  }
}

function checkOption(
  field: string,
  value: string | undefined,
  allowed: readonly string[] | undefined,
  model: string,
): void {
  if (value === undefined || allowed === undefined || allowed.includes(value)) return;
  throw new ValidationError(
    'option_invalid',
    field,
    `${model} does not support ${field} "${value}"`,
    {
      model,
      value,
      allowed: allowed.join(', '),
    },
  );
}

type ImageCommon = Pick<
  ImageGenerateParams,
  'model' | 'prompt' | 'n' | 'size' | 'quality' | 'background' | 'output_format'
> & { style?: string };

function validateImageCommon(params: ImageCommon): void {
  requirePrompt(params.prompt);
  requireModel(params.model);
  const options = imageModelOptions(params.model);
  if (options === undefined) return;
  const { model, prompt, n, size } = params;
  if (options.promptMaxLength !== undefined && prompt.length > options.promptMaxLength) {
    throw new ValidationError(
      'prompt_too_long',
      'prompt',
      `The prompt is longer than ${options.promptMaxLength} characters`,
      {
        max: options.promptMaxLength,
        length: prompt.length,
      },
    );
  }
  if (n !== undefined && (!Number.isInteger(n) || n < options.n.min || n > options.n.max)) {
    if (options.family === 'dall-e-3') {
      throw new ValidationError('dalle3_n', 'n', 'dall-e-3 makes one image per request', {
        n,
        max: 1,
      });
    }
    throw new ValidationError(
      'n_range',
      'n',
      `${model} makes ${options.n.min} to ${options.n.max} images`,
      {
        n,
        min: options.n.min,
        max: options.n.max,
      },
    );
  }
  if (size !== undefined) {
    const ok = options.sizes.includes(size) || (options.anySize && /^\d{2,5}x\d{2,5}$/.test(size));
    if (!ok) {
      throw new ValidationError('size_invalid', 'size', `${model} does not support size ${size}`, {
        model,
        size,
        allowed: options.sizes.join(', '),
      });
    }
  }
  checkOption('quality', params.quality, options.qualities, model);
  checkOption('style', params.style, options.styles, model);
  checkOption('background', params.background, options.backgrounds, model);
  checkOption('output_format', params.output_format, options.outputFormats, model);
}

/** Checks an image generation request before sending (per-model tables; unknown models pass). */
export function validateImageGenerate(params: ImageGenerateParams): void {
  validateImageCommon(params);
}

/** Checks an image edit request before sending. */
export function validateImageEdit(params: ImageEditParams): void {
  const images = Array.isArray(params.image) ? params.image : [params.image];
  if (images.length === 0 || images.some((image) => !(image instanceof Blob))) {
    throw new ValidationError('image_missing', 'image', 'At least one image is required');
  }
  validateImageCommon(params);
}

/** Checks a TTS request before sending: model, non-empty input of at most 4096 characters. */
export function validateSpeech(params: SpeechParams): void {
  requireModel(params.model);
  if (blank(params.input)) throw new ValidationError('input_empty', 'input', 'The text is empty');
  if (params.input.length > MAX_SPEECH_INPUT) {
    throw new ValidationError(
      'tts_input_too_long',
      'input',
      `The text is longer than ${MAX_SPEECH_INPUT} characters`,
      {
        max: MAX_SPEECH_INPUT,
        length: params.input.length,
      },
    );
  }
}

/** Checks a transcription or translation request before sending. */
export function validateTranscription(params: { file: Blob; model: string }): void {
  requireModel(params.model);
  validateAudioFile(params.file);
}

/** Checks an embeddings request before sending: no empty input, at most 2048 inputs. */
export function validateEmbeddings(params: EmbeddingCreateParams): void {
  requireModel(params.model);
  const input = params.input as unknown;
  const empty = Array.isArray(input)
    ? input.length === 0 ||
      input.some((item) =>
        typeof item === 'string' ? item === '' : Array.isArray(item) && item.length === 0,
      )
    : typeof input !== 'string' || input === '';
  if (empty) throw new ValidationError('input_empty', 'input', 'The input is empty');
  if (Array.isArray(input) && typeof input[0] !== 'number' && input.length > MAX_EMBEDDING_INPUTS) {
    throw new ValidationError(
      'input_too_many',
      'input',
      `At most ${MAX_EMBEDDING_INPUTS} inputs per request`,
      {
        max: MAX_EMBEDDING_INPUTS,
        count: input.length,
      },
    );
  }
}

/** Checks a MidJourney prompt (imagine, shorten). */
export function validateMjPrompt(prompt: unknown): void {
  requirePrompt(prompt);
}

/** Checks a MidJourney blend: 2 to 5 images. */
export function validateMjBlend(images: unknown): void {
  const count = Array.isArray(images) ? images.filter((image) => !blank(image)).length : 0;
  if (count < 2 || count > 5) {
    throw new ValidationError('blend_count', 'base64Array', 'Blend takes 2 to 5 images', {
      min: 2,
      max: 5,
      count,
    });
  }
}

/** Checks that a MidJourney image field (data URL) is present. */
export function validateMjImage(value: unknown, field: string): void {
  if (blank(value))
    throw new ValidationError('image_missing', field, `The ${field} image is required`);
}

/** Checks the ids of a MidJourney action or modal. */
export function validateMjIds(taskId: unknown, customId?: unknown, checkCustomId = false): void {
  if (blank(taskId))
    throw new ValidationError('task_id_missing', 'taskId', 'A task id is required');
  if (checkCustomId && blank(customId)) {
    throw new ValidationError('custom_id_missing', 'customId', 'A button customId is required');
  }
}
