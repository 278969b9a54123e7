import { CompletionStream } from './CompletionStream.js';
import { expectEventStream } from './expectEventStream.js';
import { readJson, type Transport } from './Transport.js';
import type { RequestOptions } from './typesCommon.js';
import type { Completion, CompletionCreateParams } from './typesCompletions.js';
import { validateCompletion } from './validate.js';
import { withExtra } from './withExtra.js';

/** POST /v1/completions (legacy text completion). */
export class CompletionsApi {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** Streams the text as chunks with an aggregate (`finalMessage()`, `snapshot()`). */
  create(
    params: CompletionCreateParams & { stream: true },
    options?: RequestOptions,
  ): Promise<CompletionStream>;
  /** Answers in one piece. */
  create(
    params: CompletionCreateParams & { stream?: false | undefined },
    options?: RequestOptions,
  ): Promise<Completion>;
  /** Streams or not, as `params.stream` says. */
  create(
    params: CompletionCreateParams,
    options?: RequestOptions,
  ): Promise<Completion | CompletionStream>;
  async create(
    params: CompletionCreateParams,
    options?: RequestOptions,
  ): Promise<Completion | CompletionStream> {
    validateCompletion(params);
    const spec = { method: 'POST' as const, path: '/v1/completions', body: withExtra(params) };
    if (params.stream) {
      return this.#transport.send({ ...spec, stream: true }, options, async (response, context) => {
        await expectEventStream(response);
        return new CompletionStream(response, context.controller, context);
      });
    }
    return this.#transport.send(
      spec,
      options,
      async (response) => (await readJson(response)) as Completion,
    );
  }
}
