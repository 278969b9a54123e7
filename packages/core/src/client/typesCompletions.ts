import type { CompletionUsage } from './typesChat.js';

/** Request body of POST /v1/completions (legacy). */
export interface CompletionCreateParams {
  model: string;
  prompt: string | string[];
  suffix?: string;
  max_tokens?: number;
  temperature?: number;
  top_p?: number;
  n?: number;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  logprobs?: number;
  echo?: boolean;
  stop?: string | string[];
  presence_penalty?: number;
  frequency_penalty?: number;
  seed?: number;
  user?: string;
  /** Gateway-specific fields, merged into the body as they are. */
  extra?: Record<string, unknown>;
}

/** One choice of a legacy completion (or of a stream chunk). */
export interface CompletionChoice {
  text: string;
  index: number;
  logprobs: unknown;
  finish_reason: string | null;
}

/** Response of POST /v1/completions, and the shape of each streamed chunk. */
export interface Completion {
  id: string;
  object: 'text_completion';
  created: number;
  model: string;
  choices: CompletionChoice[];
  usage?: CompletionUsage | null;
}

/** Everything a completion stream delivered so far (choice 0). */
export interface AggregatedCompletion {
  /** The text so far. */
  text: string;
  /** The last finish_reason seen, or null. */
  finishReason: string | null;
  /** Token counts, once a chunk carried them. */
  usage?: CompletionUsage;
  /** True when the stream ended (or has not yet ended) without any finish_reason. */
  incomplete: boolean;
}
