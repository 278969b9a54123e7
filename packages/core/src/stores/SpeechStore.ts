import type { AitreClient } from '../client/index.js';
import type { AitreError } from '../errors.js';
import { createObjectUrl, revokeObjectUrl } from './objectUrl.js';
import { RequestStore } from './RequestStore.js';
import type { Notify } from './Store.js';

/** Per-call options of `SpeechStore.speak`. */
export interface SpeakOptions {
  /** Overrides the store's model. */
  model?: string;
  /** Overrides the store's voice ('alloy', 'echo', 'fable', 'onyx', 'nova', 'shimmer' are safest). */
  voice?: string;
  /** Audio format (default mp3). */
  format?: 'mp3' | 'opus' | 'aac' | 'flac' | 'wav' | 'pcm';
  /** 0.25 to 4 (default 1). */
  speed?: number;
  /** How to speak (gpt-4o-mini-tts; not tts-1). */
  instructions?: string;
}

/** idle: nothing yet; speaking: synthesis in flight; success / error: the last one's outcome. */
export type SpeechStatus = 'idle' | 'speaking' | 'success' | 'error';

/** Snapshot of a `SpeechStore`. */
export interface SpeechSnapshot {
  /** Where the last request stands. */
  status: SpeechStatus;
  /** The synthesized audio. */
  blob: Blob | undefined;
  /** An object URL for `blob` (revoked when replaced, reset or disposed). */
  audioUrl: string | undefined;
  /** Why the last request failed (a ValidationError arrives before any request). */
  error: AitreError | undefined;
}

/** Options of a `SpeechStore`. */
export interface SpeechStoreOptions {
  /** The model (default 'tts-1'). */
  model?: string;
  /** The voice (default 'alloy'). */
  voice?: string;
  /** How notifications are delivered (default: at once). */
  schedule?: Notify;
}

const MIME: Record<string, string> = {
  mp3: 'audio/mpeg',
  opus: 'audio/ogg',
  aac: 'audio/aac',
  flac: 'audio/flac',
  wav: 'audio/wav',
  pcm: 'audio/L16',
};

/** Text to speech: synthesizes text and owns the audio's object URL. */
export class SpeechStore extends RequestStore<SpeechSnapshot> {
  readonly #client: Pick<AitreClient, 'audio'>;
  readonly #options: SpeechStoreOptions;

  constructor(client: Pick<AitreClient, 'audio'>, options: SpeechStoreOptions = {}) {
    super(
      { status: 'idle', blob: undefined, audioUrl: undefined, error: undefined },
      options.schedule,
      (s) => s.blob,
    );
    this.#client = client;
    this.#options = options;
  }

  /** Synthesizes `text` (empty or over 4096 characters: the client's ValidationError, no request). Resolves to the audio URL, undefined on error or cancel. */
  async speak(text: string, options: SpeakOptions = {}): Promise<string | undefined> {
    const format = options.format ?? 'mp3';
    const params = {
      model: options.model ?? this.#options.model ?? 'tts-1',
      voice: options.voice ?? this.#options.voice ?? 'alloy',
      input: text,
      response_format: format,
      ...(options.speed !== undefined ? { speed: options.speed } : {}),
      ...(options.instructions ? { instructions: options.instructions } : {}),
    };
    const blob = await this.request(
      'speaking',
      async (signal) => {
        const raw = await (await this.#client.audio.speech(params, { signal })).blob();
        return raw.type ? raw : new Blob([raw], { type: MIME[format] ?? 'audio/mpeg' });
      },
      (blob) => {
        revokeObjectUrl(this.getSnapshot().audioUrl);
        return { blob, audioUrl: createObjectUrl(blob) };
      },
    );
    return blob && this.getSnapshot().audioUrl;
  }

  /** Aborts, revokes the audio URL and clears everything. The store stays usable. */
  dispose(): void {
    this.abortRequest();
    revokeObjectUrl(this.getSnapshot().audioUrl);
    this.setState({ status: 'idle', blob: undefined, audioUrl: undefined, error: undefined });
  }
}
