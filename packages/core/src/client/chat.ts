import { ChatCompletionStream, splitReasoning } from './ChatCompletionStream.js';
import { expectEventStream } from './expectEventStream.js';
import { ThinkTagSplitter } from './ThinkTagSplitter.js';
import { readJson, type Transport } from './Transport.js';
import type { ChatCompletion, ChatCompletionCreateParams } from './typesChat.js';
import type { RequestOptions } from './typesCommon.js';
import { validateChat } from './validate.js';
import { withExtra } from './withExtra.js';

// Image generation through chat is billed per call: never retried on its own.
const PAID_CHAT_MODEL = /gpt-4o-(image|all)|gpt-image-1-vip/i;

function normaliseCompletion(completion: ChatCompletion): ChatCompletion {
  // A malformed `choices` (not an array) is left as it came.
  if (Array.isArray(completion.choices)) {
    for (const { message } of completion.choices) {
      if (message) splitReasoning(message, new ThinkTagSplitter(), true);
    }
  }
  return completion;
}

/** POST /v1/chat/completions. */
export interface ChatCompletionsApi {
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
}

/** The chat area: `chat.completions.create`. */
export interface ChatApi {
  /** POST /v1/chat/completions. */
  readonly completions: ChatCompletionsApi;
}

/** The chat area of a client, sending through `transport`. */
export function chatApi(transport: Transport): ChatApi {
  const create = async (
    params: ChatCompletionCreateParams,
    options?: RequestOptions,
  ): Promise<ChatCompletion | ChatCompletionStream> => {
    validateChat(params);
    return transport.send(
      {
        method: 'POST',
        path: '/v1/chat/completions',
        body: withExtra(params),
        paid: PAID_CHAT_MODEL.test(params.model),
        stream: params.stream,
      },
      options,
      async (response, context) => {
        if (!params.stream)
          return normaliseCompletion((await readJson(response)) as ChatCompletion);
        await expectEventStream(response);
        return new ChatCompletionStream(response, context.controller, context);
      },
    );
  };
  return { completions: { create: create as ChatCompletionsApi['create'] } };
}
