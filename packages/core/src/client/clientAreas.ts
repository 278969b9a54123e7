import { AudioApi } from './audio.js';
import { CompletionsApi } from './completions.js';
import type { AitreClient } from './createClient.js';
import { EmbeddingsApi } from './embeddings.js';
import { ImagesApi } from './images.js';
import { MidjourneyApi } from './midjourney.js';
import type { Transport } from './Transport.js';

/** The areas `createClient` has and `createChatClient` leaves out. */
export type ExtraArea = 'completions' | 'images' | 'audio' | 'embeddings' | 'midjourney';

/**
 * Where a client keeps the transport its areas use, so an area can be added to it when first
 * needed. A symbol key: no name clash, not in `Object.keys`, and a spread copy keeps it.
 */
export const TRANSPORT: unique symbol = Symbol('aitre.transport');

function areaAdder<K extends ExtraArea>(name: K, build: (transport: Transport) => AitreClient[K]) {
  return <C extends object>(client: C): C & Pick<AitreClient, K> => {
    if (!(name in client)) {
      const transport = (client as { [TRANSPORT]?: Transport })[TRANSPORT];
      if (!transport) {
        throw new Error(
          `The AITRE client has no \`${name}\` API and was not made by createChatClient() or createClient(): pass one of those.`,
        );
      }
      // Added once, on the client itself: whatever was keyed by the client stays valid.
      Object.defineProperty(client, name, { value: build(transport), enumerable: true });
    }
    return client as C & Pick<AitreClient, K>;
  };
}

/**
 * The client with `images` (generations, edits), added on first use to a `createChatClient()`
 * client: an app bundles the image code only when something asks for it.
 */
export const withImages: <C extends object>(client: C) => C & Pick<AitreClient, 'images'> =
  /* @__PURE__ */ areaAdder('images', (transport) => new ImagesApi(transport));

/** The client with `audio` (speech, transcriptions, translations), added on first use. */
export const withAudio: <C extends object>(client: C) => C & Pick<AitreClient, 'audio'> =
  /* @__PURE__ */ areaAdder('audio', (transport) => new AudioApi(transport));

/** The client with `embeddings`, added on first use. */
export const withEmbeddings: <C extends object>(client: C) => C & Pick<AitreClient, 'embeddings'> =
  /* @__PURE__ */ areaAdder('embeddings', (transport) => new EmbeddingsApi(transport));

/** The client with legacy `completions`, added on first use. */
export const withCompletions: <C extends object>(
  client: C,
) => C & Pick<AitreClient, 'completions'> = /* @__PURE__ */ areaAdder(
  'completions',
  (transport) => new CompletionsApi(transport),
);

/** The client with the `midjourney` relay, added on first use. */
export const withMidjourney: <C extends object>(client: C) => C & Pick<AitreClient, 'midjourney'> =
  /* @__PURE__ */ areaAdder('midjourney', (transport) => new MidjourneyApi(transport));
