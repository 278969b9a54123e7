import type { AitreClient } from '../client/index.js';
import { validateSpeech } from '../client/validate.js';
import type { AitreError } from '../errors.js';
import { createObjectUrl, revokeObjectUrl } from './objectUrl.js';
import { RequestStore } from './RequestStore.js';
import type { Notify } from './Store.js';
import { splitSpeechText } from './splitSpeechText.js';

/** Per-call options of `SpeechStore.speak`. */
export interface SpeakOptions {
  /** Overrides the store's model. */
  model?: string;
  /** Overrides the store's voice ('alloy', 'echo', 'fable', 'onyx', 'nova', 'shimmer' are safest). */
  voice?: string;
  /** Audio format (default mp3). Text over 4096 UTF-8 bytes is synthesized in parts and joined; opus and flac do not join, so such text comes back as one wav. */
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

/**
 * Joins the audio of consecutive parts: WAV files (recognised by their bytes, as gateways may
 * answer WAV for any format) into one file, the first one's chunks before its data then all the
 * data; others (mp3, aac, pcm, whose frames or samples follow each other) byte-wise.
 */
async function joinAudio(blobs: Blob[], type: string): Promise<Blob> {
  const data: ArrayBuffer[] = [];
  let head: DataView<ArrayBuffer> | undefined;
  let length = 0;
  for (const blob of blobs) {
    const buffer = await blob.arrayBuffer();
    const view = new DataView(buffer);
    const id = (at: number) => (at + 8 <= buffer.byteLength ? view.getUint32(at) : 0);
    const size = (at: number) => view.getUint32(at + 4, true);
    // Big-endian reads of 'RIFF', 'WAVE' and 'data'; chunks are padded to an even size.
    let at = 12;
    while (id(at) && id(at) !== 0x64617461) at += 8 + ((size(at) + 1) & ~1);
    if (id(0) !== 0x52494646 || id(8) !== 0x57415645 || !id(at)) return new Blob(blobs, { type });
    head ??= new DataView(buffer.slice(0, at + 8));
    // A streamed WAV may give 0 or 0xffffffff as its data size: its data runs to the end.
    const part = buffer.slice(at + 8, at + 8 + (size(at) || buffer.byteLength));
    data.push(part);
    length += part.byteLength;
  }
  // The first part's header with the joined data's sizes.
  const view = head as DataView<ArrayBuffer>;
  view.setUint32(4, view.byteLength - 8 + length + (length % 2), true);
  view.setUint32(view.byteLength - 4, length, true);
  return new Blob([view, ...data, new Uint8Array(length % 2)], { type: 'audio/wav' });
}

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

  /**
   * Synthesizes `text` (empty or over 4096 characters: the client's ValidationError, no request).
   * Text over 4096 UTF-8 bytes, which gateways like one-api refuse, goes as parts joined into one
   * audio. Resolves to the audio URL, undefined on error or cancel.
   */
  async speak(text: string, options: SpeakOptions = {}): Promise<string | undefined> {
    const params = {
      model: options.model ?? this.#options.model ?? 'tts-1',
      voice: options.voice ?? this.#options.voice ?? 'alloy',
      input: text,
      response_format: options.format ?? 'mp3',
      ...(options.speed !== undefined ? { speed: options.speed } : {}),
      ...(options.instructions ? { instructions: options.instructions } : {}),
    };
    const blob = await this.request(
      'speaking',
      async (signal) => {
        validateSpeech(params);
        const parts = splitSpeechText(text);
        if (parts[1] && /opus|flac/.test(params.response_format)) params.response_format = 'wav';
        const type = MIME[params.response_format] ?? 'audio/mpeg';
        // A failed part fails the whole text: stop paying for the others.
        const all = new AbortController();
        signal.addEventListener('abort', () => all.abort(signal.reason));
        const blobs = await Promise.all(
          parts.map(async (input) =>
            (await this.#client.audio.speech({ ...params, input }, { signal: all.signal })).blob(),
          ),
        ).catch((error) => {
          all.abort();
          throw error;
        });
        const [raw] = blobs as [Blob];
        if (parts[1]) return joinAudio(blobs, raw.type || type);
        return raw.type ? raw : new Blob([raw], { type });
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
