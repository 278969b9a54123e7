import { AudioApi } from './audio.js';
import { CompletionsApi } from './completions.js';
import { type ChatClient, chatAreas } from './createChatClient.js';
import { EmbeddingsApi } from './embeddings.js';
import { ImagesApi } from './images.js';
import { MidjourneyApi } from './midjourney.js';
import { Transport } from './Transport.js';
import type { ClientOptions } from './typesCommon.js';

/** A typed client for an OpenAI-compatible gateway with a MidJourney relay. */
export interface AitreClient extends ChatClient {
  /** POST /v1/completions (legacy). */
  readonly completions: CompletionsApi;
  /** Image generation and edits. */
  readonly images: ImagesApi;
  /** TTS, transcriptions, translations. */
  readonly audio: AudioApi;
  /** POST /v1/embeddings. */
  readonly embeddings: EmbeddingsApi;
  /** The /mj relay. */
  readonly midjourney: MidjourneyApi;
}

/** Creates a client; pass the mock gateway's `fetch` (or a proxy's) as `options.fetch`. */
export function createClient(options: ClientOptions): AitreClient {
  const transport = new Transport(options);
  return {
    ...chatAreas(transport),
    completions: new CompletionsApi(transport),
    images: new ImagesApi(transport),
    audio: new AudioApi(transport),
    embeddings: new EmbeddingsApi(transport),
    midjourney: new MidjourneyApi(transport),
  };
}
