import type { AitreClient, TranscriptionSegment, TranscriptionVerbose } from '../client/index.js';
import type { AitreError } from '../errors.js';
import { RequestStore } from './RequestStore.js';
import type { Notify } from './Store.js';

/** Transcribe in the spoken language, or translate into English. */
export type TranscriptionMode = 'transcribe' | 'translate';

/** The response format asked of the gateway. */
export type TranscriptionFormat = 'json' | 'verbose_json' | 'text' | 'srt' | 'vtt';

/** What a transcription produced. */
export interface TranscriptionResult {
  /** The plain text (for srt/vtt: the cue texts joined). */
  text: string;
  /** The detected language (verbose_json only). */
  language?: string;
  /** The audio duration in seconds (verbose_json only). */
  duration?: number;
  /** Timed segments (verbose_json). */
  segments?: TranscriptionSegment[];
  /** Timed words (verbose_json with word timestamps; transcribe mode only). */
  words?: NonNullable<TranscriptionVerbose['words']>;
  /** The SubRip subtitles, when format 'srt' was asked. */
  srt?: string;
  /** The WebVTT subtitles, when format 'vtt' was asked. */
  vtt?: string;
}

/** Per-call options of `TranscriptionStore.transcribe`. */
export interface TranscribeOptions {
  /** ISO-639-1 language of the audio (transcribe mode only). */
  language?: string;
  /** Text to guide the model's style or vocabulary. */
  prompt?: string;
  /** Response format. Default 'json', or 'verbose_json' when timestamps are asked. */
  format?: TranscriptionFormat;
  /** Ask for timed segments and/or words (switches the format to verbose_json). */
  timestamps?: boolean | Array<'segment' | 'word'>;
  /** Sampling temperature 0..1. */
  temperature?: number;
  /** Overrides the store's model for this call. */
  model?: string;
  /** Overrides the store's mode for this call. */
  mode?: TranscriptionMode;
}

/** idle: nothing yet; transcribing: an upload is in flight; success / error: the last one's outcome. */
export type TranscriptionStatus = 'idle' | 'transcribing' | 'success' | 'error';

/** Snapshot of a `TranscriptionStore`. */
export interface TranscriptionSnapshot {
  /** Where the last request stands. */
  status: TranscriptionStatus;
  /** The last result. */
  result: TranscriptionResult | undefined;
  /** Why the last request failed (a ValidationError arrives before any upload). */
  error: AitreError | undefined;
}

/** Options of a `TranscriptionStore`. */
export interface TranscriptionStoreOptions {
  /** The model (default 'whisper-1'; translations need whisper-1). */
  model?: string;
  /** Transcribe or translate (default 'transcribe'). */
  mode?: TranscriptionMode;
  /** How notifications are delivered (default: at once). */
  schedule?: Notify;
}

/** The cue texts of SRT or WebVTT subtitles, joined with spaces. */
export function subtitleText(subtitles: string): string {
  return subtitles
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(
      (line) =>
        line &&
        line !== 'WEBVTT' &&
        !/^\d+$/.test(line) &&
        !line.includes('-->') &&
        !/^(NOTE|STYLE|REGION)\b/.test(line),
    )
    .join(' ');
}

function toResult(raw: unknown, format: TranscriptionFormat): TranscriptionResult {
  if (typeof raw === 'string') {
    if (format === 'srt') return { text: subtitleText(raw), srt: raw };
    if (format === 'vtt') return { text: subtitleText(raw), vtt: raw };
    return { text: raw.trim() };
  }
  const body = (raw ?? {}) as Partial<TranscriptionVerbose>;
  const result: TranscriptionResult = { text: body.text ?? '' };
  if (body.language !== undefined) result.language = body.language;
  if (body.duration !== undefined) result.duration = body.duration;
  if (Array.isArray(body.segments)) result.segments = body.segments;
  if (Array.isArray(body.words)) result.words = body.words;
  return result;
}

/** Speech to text: uploads a file (the client checks type and 25 MiB first) and keeps the last result. */
export class TranscriptionStore extends RequestStore<TranscriptionSnapshot> {
  readonly #client: Pick<AitreClient, 'audio'>;
  readonly #options: TranscriptionStoreOptions;

  constructor(client: Pick<AitreClient, 'audio'>, options: TranscriptionStoreOptions = {}) {
    super(
      { status: 'idle', result: undefined, error: undefined },
      options.schedule,
      (s) => s.result,
    );
    this.#client = client;
    this.#options = options;
  }

  /** Transcribes (or translates) `file`. Resolves to the result, undefined on error or cancel. */
  async transcribe(
    file: Blob,
    options: TranscribeOptions = {},
  ): Promise<TranscriptionResult | undefined> {
    const mode = options.mode ?? this.#options.mode ?? 'transcribe';
    const model = options.model ?? this.#options.model ?? 'whisper-1';
    const granularities =
      options.timestamps === true ? (['segment', 'word'] as const) : options.timestamps || [];
    const format: TranscriptionFormat =
      granularities.length > 0 ? 'verbose_json' : (options.format ?? 'json');
    const common = {
      file,
      model,
      response_format: format,
      ...(options.prompt ? { prompt: options.prompt } : {}),
      ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
    };
    const raw = await this.request(
      'transcribing',
      (signal): Promise<unknown> =>
        mode === 'translate'
          ? this.#client.audio.translations(common, { signal })
          : this.#client.audio.transcriptions(
              {
                ...common,
                ...(options.language ? { language: options.language } : {}),
                ...(granularities.length > 0
                  ? { timestamp_granularities: [...granularities] }
                  : {}),
              },
              { signal },
            ),
      (raw) => ({ result: toResult(raw, format) }),
    );
    return raw === undefined ? undefined : this.getSnapshot().result;
  }

  /** Clears the result and error. */
  reset(): void {
    this.cancel();
    this.setState({ status: 'idle', result: undefined, error: undefined });
  }

  /** Aborts the upload in flight. The store stays usable. */
  dispose(): void {
    this.cancel();
  }
}
