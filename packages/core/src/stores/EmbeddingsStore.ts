import type { AitreClient, EmbeddingsResult } from '../client/index.js';
import type { AitreError } from '../errors.js';
import { type Notify, Store } from './Store.js';
import { toAitreError } from './toAitreError.js';

/** idle: nothing yet; embedding: a request is in flight; success / error: the last one's outcome. */
export type EmbeddingsStatus = 'idle' | 'embedding' | 'success' | 'error';

/** Snapshot of an `EmbeddingsStore`. */
export interface EmbeddingsSnapshot {
  /** Where the last request stands. */
  status: EmbeddingsStatus;
  /** One vector per input, in input order. */
  vectors: Float32Array[];
  /** Token usage of the last request. */
  usage: EmbeddingsResult['usage'] | undefined;
  /** Why the last request failed. */
  error: AitreError | undefined;
}

/** Per-call options of `EmbeddingsStore.embed`. */
export interface EmbedOptions {
  /** Overrides the store's model. */
  model?: string;
  /** Output dimensions (text-embedding-3 and later). */
  dimensions?: number;
}

/** Options of an `EmbeddingsStore`. */
export interface EmbeddingsStoreOptions {
  /** The model (default 'text-embedding-3-small'). */
  model?: string;
  /** How notifications are delivered (default: at once). */
  schedule?: Notify;
}

/** Text to vectors: one request per `embed` call, vectors as Float32Array. */
export class EmbeddingsStore extends Store<EmbeddingsSnapshot> {
  readonly #client: AitreClient;
  readonly #options: EmbeddingsStoreOptions;
  #controller: AbortController | undefined;

  constructor(client: AitreClient, options: EmbeddingsStoreOptions = {}) {
    super({ status: 'idle', vectors: [], usage: undefined, error: undefined }, options.schedule);
    this.#client = client;
    this.#options = options;
  }

  /** Embeds one text or several. Resolves to the vectors, undefined on error or cancel. */
  async embed(
    input: string | string[],
    options: EmbedOptions = {},
  ): Promise<Float32Array[] | undefined> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.setState({ status: 'embedding', error: undefined });
    try {
      const result = await this.#client.embeddings.create(
        {
          model: options.model ?? this.#options.model ?? 'text-embedding-3-small',
          input,
          ...(options.dimensions !== undefined ? { dimensions: options.dimensions } : {}),
        },
        { signal: controller.signal },
      );
      if (controller.signal.aborted) return undefined;
      this.#controller = undefined;
      this.setState({ status: 'success', vectors: result.vectors, usage: result.usage });
      return result.vectors;
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      this.#controller = undefined;
      this.setState({ status: 'error', error: toAitreError(error) });
      return undefined;
    }
  }

  /** Aborts the request in flight; the previous vectors stay. */
  cancel(): void {
    if (!this.#controller) return;
    this.#controller.abort();
    this.#controller = undefined;
    this.setState((s) => ({ status: s.vectors.length > 0 ? 'success' : 'idle' }));
  }

  /** Aborts the request in flight. The store stays usable. */
  dispose(): void {
    this.cancel();
  }
}
