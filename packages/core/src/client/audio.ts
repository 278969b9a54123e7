import { createApiError, parseJsonOrText } from './createApiError.js';
import { readJson, type Transport } from './Transport.js';
import type {
  AudioResponseFormat,
  SpeechParams,
  Transcription,
  TranscriptionParams,
  TranscriptionVerbose,
  TranslationParams,
} from './typesAudio.js';
import type { RequestOptions } from './typesCommon.js';
import { audioExtension, validateSpeech, validateTranscription } from './validate.js';
import { withExtra } from './withExtra.js';

type TextFormat = 'text' | 'srt' | 'vtt';
/** What a transcription or translation returns when `response_format` is only known at run time. */
export type AudioAnswer = Transcription | TranscriptionVerbose | string;

const isTextFormat = (format: AudioResponseFormat | undefined): format is TextFormat =>
  format === 'text' || format === 'srt' || format === 'vtt';

function audioForm(params: TranscriptionParams): FormData {
  const { file, timestamp_granularities, ...fields } = params;
  const form = new FormData();
  // Gateways and upstreams detect the format from the file name's extension.
  const name = (file as { name?: unknown }).name;
  const extension = audioExtension(file) ?? 'webm';
  const hasName = typeof name === 'string' && name.toLowerCase().endsWith(`.${extension}`);
  form.append('file', file, hasName ? name : `audio.${extension}`);
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null) form.append(key, String(value));
  }
  for (const granularity of timestamp_granularities ?? []) {
    form.append('timestamp_granularities[]', granularity);
  }
  return form;
}

// Parsed by the requested format, not the content type (gateways label text as JSON and back).
async function readAudioAnswer(
  response: Response,
  format: AudioResponseFormat | undefined,
): Promise<AudioAnswer> {
  if (!isTextFormat(format))
    return (await readJson(response)) as Transcription | TranscriptionVerbose;
  const text = await response.text();
  if (text.trimStart().startsWith('{')) {
    const body = parseJsonOrText(text);
    if (typeof body === 'object' && body !== null && 'error' in body && body.error) {
      throw createApiError({ headers: response.headers, body });
    }
  }
  return text;
}

/** The audio area: TTS, transcriptions, translations. */
export class AudioApi {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** POST /v1/audio/speech: returns the raw audio Response (paid: not retried unless asked). */
  speech(params: SpeechParams, options?: RequestOptions): Promise<Response> {
    try {
      validateSpeech(params);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#transport.send(
      // A streamed body: the timeout covers the headers and the caller reads the audio.
      {
        method: 'POST',
        path: '/v1/audio/speech',
        body: withExtra(params),
        paid: true,
        stream: true,
        accept: '*/*',
      },
      options,
      async (response) => {
        if ((response.headers.get('content-type') ?? '').includes('json'))
          await readJson(response.clone());
        return response;
      },
    );
  }

  /** POST /v1/audio/transcriptions: text/srt/vtt answer a string. */
  transcriptions(
    params: TranscriptionParams & { response_format: TextFormat },
    options?: RequestOptions,
  ): Promise<string>;
  /** POST /v1/audio/transcriptions with segments (and words). */
  transcriptions(
    params: TranscriptionParams & { response_format: 'verbose_json' },
    options?: RequestOptions,
  ): Promise<TranscriptionVerbose>;
  /** POST /v1/audio/transcriptions: `{ text }`. */
  transcriptions(
    params: TranscriptionParams & { response_format?: 'json' | undefined },
    options?: RequestOptions,
  ): Promise<Transcription>;
  /** POST /v1/audio/transcriptions in any format. */
  transcriptions(params: TranscriptionParams, options?: RequestOptions): Promise<AudioAnswer>;
  transcriptions(params: TranscriptionParams, options?: RequestOptions): Promise<AudioAnswer> {
    return this.#upload('/v1/audio/transcriptions', params, options);
  }

  /** POST /v1/audio/translations (into English): text/srt/vtt answer a string. */
  translations(
    params: TranslationParams & { response_format: TextFormat },
    options?: RequestOptions,
  ): Promise<string>;
  /** POST /v1/audio/translations with segments. */
  translations(
    params: TranslationParams & { response_format: 'verbose_json' },
    options?: RequestOptions,
  ): Promise<TranscriptionVerbose>;
  /** POST /v1/audio/translations: `{ text }`. */
  translations(
    params: TranslationParams & { response_format?: 'json' | undefined },
    options?: RequestOptions,
  ): Promise<Transcription>;
  /** POST /v1/audio/translations in any format. */
  translations(params: TranslationParams, options?: RequestOptions): Promise<AudioAnswer>;
  translations(params: TranslationParams, options?: RequestOptions): Promise<AudioAnswer> {
    const { file, model, prompt, response_format, temperature } = params;
    const body: TranslationParams = { file, model };
    if (prompt !== undefined) body.prompt = prompt;
    if (response_format !== undefined) body.response_format = response_format;
    if (temperature !== undefined) body.temperature = temperature;
    return this.#upload('/v1/audio/translations', body, options);
  }

  #upload(
    path: string,
    params: TranscriptionParams,
    options?: RequestOptions,
  ): Promise<AudioAnswer> {
    try {
      validateTranscription(params);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#transport.send(
      { method: 'POST', path, body: audioForm(params) },
      options,
      (response) => readAudioAnswer(response, params.response_format),
    );
  }
}
