import type { AitreClient, EmbeddingsResult } from '../client/index.js';
import type { AitreError } from '../errors.js';
import { RequestStore } from './RequestStore.js';
import type { Notify } from './Store.js';

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
export class EmbeddingsStore extends RequestStore<EmbeddingsSnapshot> {
  readonly #client: Pick<AitreClient, 'embeddings'>;
  readonly #options: EmbeddingsStoreOptions;

  constructor(client: Pick<AitreClient, 'embeddings'>, options: EmbeddingsStoreOptions = {}) {
    super(
      { status: 'idle', vectors: [], usage: undefined, error: undefined },
      options.schedule,
      (s) => s.vectors.length,
    );
    this.#client = client;
    this.#options = options;
  }

  /** Embeds one text or several. Resolves to the vectors, undefined on error or cancel. */
  async embed(
    input: string | string[],
    options: EmbedOptions = {},
  ): Promise<Float32Array[] | undefined> {
    const result = await this.request(
      'embedding',
      (signal) =>
        this.#client.embeddings.create(
          {
            model: options.model ?? this.#options.model ?? 'text-embedding-3-small',
            input,
            ...(options.dimensions !== undefined ? { dimensions: options.dimensions } : {}),
          },
          { signal },
        ),
      ({ vectors, usage }) => ({ vectors, usage }),
    );
    return result?.vectors;
  }

  /** Aborts the request in flight (as `cancel`). */
  dispose(): void {
    this.cancel();
  }
}
