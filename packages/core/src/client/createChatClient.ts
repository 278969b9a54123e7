import { type ChatApi, chatApi } from './chat.js';
import { TRANSPORT } from './clientAreas.js';
import { type ModelsApi, modelsApi } from './models.js';
import { Transport } from './Transport.js';
import type { ClientOptions } from './typesCommon.js';

/** The chat-capable part of a client; an `AitreClient` is one too. */
export interface ChatClient {
  /** The gateway root every path hangs off. */
  readonly baseURL: string;
  /** POST /v1/chat/completions. */
  readonly chat: ChatApi;
  /** GET /v1/models. */
  readonly models: ModelsApi;
}

/**
 * Creates a client for chat and the model list only, so a bundle leaves out images, audio,
 * embeddings and MidJourney; same options, retries and errors as `createClient`. The other
 * areas can be added when needed (`withImages(client)` ...), which the hooks do.
 */
export function createChatClient(options: ClientOptions): ChatClient {
  return chatAreas(new Transport(options));
}

/** The chat areas over a transport; `createClient` adds the other areas to them. */
export function chatAreas(transport: Transport): ChatClient {
  // The transport rides along under a symbol, outside the public type, for withImages & co.
  const areas: ChatClient & { [TRANSPORT]: Transport } = {
    baseURL: transport.root,
    chat: chatApi(transport),
    models: modelsApi(transport),
    [TRANSPORT]: transport,
  };
  return areas;
}
