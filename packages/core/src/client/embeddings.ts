import { decodeFloat32Base64 } from './decodeFloat32Base64.js';
import { readJson, type Transport } from './Transport.js';
import type { RequestOptions } from './typesCommon.js';
import type { EmbeddingCreateParams, EmbeddingData, EmbeddingsResult } from './typesEmbeddings.js';
import { validateEmbeddings } from './validate.js';

/** POST /v1/embeddings. */
export class EmbeddingsApi {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** Embeds the input; vectors come back as Float32Arrays in input order. */
  create(params: EmbeddingCreateParams, options?: RequestOptions): Promise<EmbeddingsResult> {
    try {
      validateEmbeddings(params);
    } catch (error) {
      return Promise.reject(error);
    }
    const body = { ...params, encoding_format: params.encoding_format ?? 'float' };
    return this.#transport.send(
      { method: 'POST', path: '/v1/embeddings', body },
      options,
      async (response) => {
        const raw = (await readJson(response)) as Partial<EmbeddingsResult> & {
          data?: EmbeddingData[];
        };
        const data = Array.isArray(raw.data) ? raw.data : [];
        const ordered = [...data].sort((a, b) => a.index - b.index);
        // Proxies ignore encoding_format and send arrays: decode only actual strings.
        const vectors = ordered.map((item) =>
          typeof item.embedding === 'string'
            ? decodeFloat32Base64(item.embedding)
            : Float32Array.from(item.embedding ?? []),
        );
        return {
          model: typeof raw.model === 'string' ? raw.model : params.model,
          vectors,
          usage: raw.usage ?? { prompt_tokens: 0, total_tokens: 0 },
          data,
        };
      },
    );
  }
}
