import { ChatCompletionStream } from './ChatCompletionStream.js';
import { expectEventStream } from './expectEventStream.js';
import { ThinkTagSplitter } from './ThinkTagSplitter.js';
import { readJson, type Transport } from './Transport.js';
import type { ChatCompletion, ChatCompletionCreateParams } from './typesChat.js';
import type { RequestOptions } from './typesCommon.js';
import { validateChat } from './validate.js';
import { withExtra } from './withExtra.js';

// Image generation through chat is billed per call: never retried on its own.
const PAID_CHAT_MODEL = /gpt-4o-image|gpt-4o-all/i;

function normaliseCompletion(completion: ChatCompletion): ChatCompletion {
  if (!Array.isArray(completion.choices)) return completion;
  for (const choice of completion.choices) {
    const message = choice.message;
    if (!message) continue;
    if (message.reasoning_content == null && typeof message.reasoning === 'string') {
      message.reasoning_content = message.reasoning;
    }
    if (typeof message.content === 'string' && message.content.includes('<think>')) {
      const think = new ThinkTagSplitter();
      think.push(message.content);
      const { content, reasoning } = think;
      think.flush();
      message.content = content + think.content;
      message.reasoning_content = (message.reasoning_content ?? '') + reasoning + think.reasoning;
    }
  }
  return completion;
}

/** POST /v1/chat/completions. */
export class ChatCompletionsApi {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** Streams the answer as typed chunks with an aggregate (`finalMessage()`, `snapshot()`). */
  create(
    params: ChatCompletionCreateParams & { stream: true },
    options?: RequestOptions,
  ): Promise<ChatCompletionStream>;
  /** Answers in one piece; `<think>` blocks move to `reasoning_content`. */
  create(
    params: ChatCompletionCreateParams & { stream?: false | undefined },
    options?: RequestOptions,
  ): Promise<ChatCompletion>;
  /** Streams or not, as `params.stream` says. */
  create(
    params: ChatCompletionCreateParams,
    options?: RequestOptions,
  ): Promise<ChatCompletion | ChatCompletionStream>;
  async create(
    params: ChatCompletionCreateParams,
    options?: RequestOptions,
  ): Promise<ChatCompletion | ChatCompletionStream> {
    validateChat(params);
    const spec = {
      method: 'POST' as const,
      path: '/v1/chat/completions',
      body: withExtra(params),
      paid: PAID_CHAT_MODEL.test(params.model),
    };
    if (params.stream) {
      return this.#transport.send(
        { ...spec, stream: true, accept: 'text/event-stream' },
        options,
        async (response, { controller, release, idleTimeoutMs }) => {
          await expectEventStream(response);
          return new ChatCompletionStream(response, controller, { release, idleTimeoutMs });
        },
      );
    }
    return this.#transport.send(spec, options, async (response) =>
      normaliseCompletion((await readJson(response)) as ChatCompletion),
    );
  }
}

/** The chat area: `chat.completions.create`. */
export class ChatApi {
  /** POST /v1/chat/completions. */
  declare readonly completions: ChatCompletionsApi;

  constructor(transport: Transport) {
    this.completions = new ChatCompletionsApi(transport);
  }
}
