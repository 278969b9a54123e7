/** How to reach the gateway; passed to `createClient`. */
export interface ClientOptions {
  /** Gateway root, e.g. 'http://127.0.0.1:8787' (a trailing /v1 is tolerated). */
  baseURL: string;
  /** Sent as `Authorization: Bearer <key>`; keep it on a server (see createProxy). */
  apiKey?: string;
  /** Custom fetch: the mock gateway's in-memory fetch, a proxy, tests. */
  fetch?: typeof fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Retries after the first attempt for retryable failures (default 2). */
  maxRetries?: number;
  /** Per attempt: time to response headers, and to the whole body for non-streaming calls (default 600 000). */
  timeoutMs?: number;
  /** Streams fail with TimeoutError after this long without an event (default: never; gateways cut at ~300 s). */
  streamIdleTimeoutMs?: number;
  /** MidJourney speed mode as a path prefix: /mj-fast/mj/... (default plain /mj). */
  midjourneyMode?: MidjourneyMode;
}

/** MidJourney speed modes that gateways expose as path prefixes. */
export type MidjourneyMode = 'fast' | 'relax' | 'turbo';

/** Per-call options. */
export interface RequestOptions {
  /** Aborts the call (the promise or stream rejects with AbortError). */
  signal?: AbortSignal;
  /** Overrides the client's per-attempt timeout. */
  timeoutMs?: number;
  /** Overrides the client's stream idle timeout for this call. */
  streamIdleTimeoutMs?: number;
  /** Overrides the retry count; paid calls retry only when this is given. */
  maxRetries?: number;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}
