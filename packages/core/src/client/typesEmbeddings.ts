/** Request body of POST /v1/embeddings. */
export interface EmbeddingCreateParams {
  model: string;
  input: string | string[] | number[] | number[][];
  /** Default 'float'; with 'base64' only string values are decoded. */
  encoding_format?: 'float' | 'base64';
  dimensions?: number;
  user?: string;
}

/** One embedding as the gateway sent it. */
export interface EmbeddingData {
  object: 'embedding';
  index: number;
  embedding: number[] | string;
}

/** Embeddings decoded into Float32Arrays in input order. */
export interface EmbeddingsResult {
  model: string;
  /** One vector per input, in index order. */
  vectors: Float32Array[];
  usage: { prompt_tokens: number; total_tokens: number };
  /** The raw `data` entries. */
  data: EmbeddingData[];
}
