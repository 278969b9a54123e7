import { type ChatApi, chatApi } from './chat.js';
import { type ModelsApi, modelsApi } from './models.js';
import { Transport } from './Transport.js';
import type { ClientOptions } from './typesCommon.js';
import { warnBrowserKey } from './warnBrowserKey.js';

// Declared here: core is typechecked without Node's types.
declare const process: { env: { NODE_ENV?: string } };

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
 * embeddings and MidJourney; same options, retries and errors as `createClient`.
 */
export function createChatClient(options: ClientOptions): ChatClient {
  return openChatClient(options)[1];
}

/** The transport and the chat areas every client starts from (`createClient` adds the rest). */
export function openChatClient(options: ClientOptions): [Transport, ChatClient] {
  // A development warning: bundlers replace NODE_ENV, so production builds drop it whole.
  if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production' && options.apiKey) {
    warnBrowserKey();
  }
  const transport = new Transport(options);
  return [
    transport,
    { baseURL: transport.root, chat: chatApi(transport), models: modelsApi(transport) },
  ];
}
