import { AudioApi } from './audio.js';
import { ChatApi } from './chat.js';
import { CompletionsApi } from './completions.js';
import { EmbeddingsApi } from './embeddings.js';
import { ImagesApi } from './images.js';
import { MidjourneyApi } from './midjourney.js';
import { ModelsApi } from './models.js';
import { Transport } from './Transport.js';
import type { ClientOptions } from './typesCommon.js';
import { warnBrowserKey } from './warnBrowserKey.js';

// Declared here: core is typechecked without Node's types.
declare const process: { env: { NODE_ENV?: string } };

/** A typed client for an OpenAI-compatible gateway with a MidJourney relay. */
export interface AitreClient {
  /** The gateway root every path hangs off. */
  readonly baseURL: string;
  /** POST /v1/chat/completions. */
  readonly chat: ChatApi;
  /** POST /v1/completions (legacy). */
  readonly completions: CompletionsApi;
  /** Image generation and edits. */
  readonly images: ImagesApi;
  /** TTS, transcriptions, translations. */
  readonly audio: AudioApi;
  /** POST /v1/embeddings. */
  readonly embeddings: EmbeddingsApi;
  /** GET /v1/models. */
  readonly models: ModelsApi;
  /** The /mj relay. */
  readonly midjourney: MidjourneyApi;
}

/** Creates a client; pass the mock gateway's `fetch` (or a proxy's) as `options.fetch`. */
export function createClient(options: ClientOptions): AitreClient {
  // A development warning: bundlers replace NODE_ENV, so production builds drop it whole.
  if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production' && options.apiKey) {
    warnBrowserKey();
  }
  const transport = new Transport(options);
  return {
    baseURL: transport.root,
    chat: new ChatApi(transport),
    completions: new CompletionsApi(transport),
    images: new ImagesApi(transport),
    audio: new AudioApi(transport),
    embeddings: new EmbeddingsApi(transport),
    models: new ModelsApi(transport),
    midjourney: new MidjourneyApi(transport),
  };
}
