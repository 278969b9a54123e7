import type { AitreClient } from '../client/index.js';
import type { AitreError } from '../errors.js';
import { createObjectUrl, revokeObjectUrl } from './objectUrl.js';
import { type Notify, Store } from './Store.js';
import { toAitreError } from './toAitreError.js';

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
export class SpeechStore extends Store<SpeechSnapshot> {
  readonly #client: AitreClient;
  readonly #options: SpeechStoreOptions;
  #controller: AbortController | undefined;

  constructor(client: AitreClient, options: SpeechStoreOptions = {}) {
    super(
      { status: 'idle', blob: undefined, audioUrl: undefined, error: undefined },
      options.schedule,
    );
    this.#client = client;
    this.#options = options;
  }

  /** Synthesizes `text` (empty or over 4096 characters: the client's ValidationError, no request). Resolves to the audio URL, undefined on error or cancel. */
  async speak(text: string, options: SpeakOptions = {}): Promise<string | undefined> {
    this.#controller?.abort();
    this.#controller = undefined;
    const params = {
      model: options.model ?? this.#options.model ?? 'tts-1',
      voice: options.voice ?? this.#options.voice ?? 'alloy',
      input: text,
      response_format: options.format ?? 'mp3',
      ...(options.speed !== undefined ? { speed: options.speed } : {}),
      ...(options.instructions ? { instructions: options.instructions } : {}),
    };
    const controller = new AbortController();
    this.#controller = controller;
    this.setState({ status: 'speaking', error: undefined });
    try {
      const response = await this.#client.audio.speech(params, { signal: controller.signal });
      const raw = await response.blob();
      if (controller.signal.aborted) return undefined;
      this.#controller = undefined;
      const blob = raw.type
        ? raw
        : new Blob([raw], { type: MIME[params.response_format] ?? 'audio/mpeg' });
      revokeObjectUrl(this.getSnapshot().audioUrl);
      const audioUrl = createObjectUrl(blob);
      this.setState({ status: 'success', blob, audioUrl });
      return audioUrl;
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      this.#controller = undefined;
      this.setState({ status: 'error', error: toAitreError(error) });
      return undefined;
    }
  }

  /** Aborts the synthesis in flight; the previous audio stays. */
  cancel(): void {
    if (!this.#controller) return;
    this.#controller.abort();
    this.#controller = undefined;
    this.setState((s) => ({ status: s.blob ? 'success' : 'idle' }));
  }

  /** Aborts, revokes the audio URL and clears everything. The store stays usable. */
  dispose(): void {
    this.#controller?.abort();
    this.#controller = undefined;
    revokeObjectUrl(this.getSnapshot().audioUrl);
    this.setState({ status: 'idle', blob: undefined, audioUrl: undefined, error: undefined });
  }
}
