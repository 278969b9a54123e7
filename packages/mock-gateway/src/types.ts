/** Fault names understood by the `x-mock-fault` header and by `mock-fault-<name>` model ids. */
export type FaultName =
  | '429'
  | '500'
  | '503'
  | 'quota'
  | 'no-channel'
  | 'auth'
  | 'drop'
  | 'malformed'
  | 'error-event'
  | 'slow'
  | 'timeout'
  | 'mj-stuck'
  | 'mj-failure'
  | 'image-404';

/** A fault as written in the header: a name, or `<name>:<n>` to fail only the first n matching requests. */
export type FaultSpec = FaultName | `${FaultName}:${number}`;

/** Options of the simulated MidJourney relay. */
export interface MidjourneyOptions {
  /** Length of one lifecycle step in ms: a task is SUBMITTED for one step, then IN_PROGRESS for `steps` more (default 1000). */
  stepMs?: number;
  /** Steps of IN_PROGRESS before SUCCESS (default 6). */
  steps?: number;
  /** Prompts containing one of these words (case-insensitive) fail (default: the gateway's `bannedWords`). */
  bannedWords?: string[];
  /** `'failure'` (default): a banned prompt is accepted, then the task ends FAILURE; `'precheck'`: the submit answers code 24. */
  banCheck?: 'failure' | 'precheck';
  /** Remix mode: Vary, Reroll and Pan create a task waiting in status MODAL (the submit says code 1, as through new-api). */
  remix?: boolean;
  /** Tasks running at once; later submits wait in NOT_START and answer "排队中，前面还有N个任务" (default: no limit). */
  concurrency?: number;
  /** Whose submit codes to answer: `'new-api'` (default) turns 22 and remix 21 into 1; `'proxy'` keeps them, as midjourney-proxy answers. */
  relay?: 'new-api' | 'proxy';
}

/** Options of {@link createGateway}. */
export interface GatewayOptions {
  /** When set, every API request must carry `Authorization: Bearer <apiKey>` (MJ also accepts `mj-api-secret`). */
  apiKey?: string;
  /** Delay between streamed chat/completion tokens in ms (default 30; 0 streams as fast as possible). */
  tokenDelayMs?: number;
  /** Time before every API answer in ms, so loading states show (default 0). */
  latencyMs?: number;
  /** Delay between tokens, and before non-streamed answers, under the `slow` fault (default 1000). */
  slowTokenDelayMs?: number;
  /** Milliseconds announced by the `429` fault in `retry-after-ms` (default 1000; `retry-after` is that in whole seconds). */
  retryAfterMs?: number;
  /** Words that make image prompts fail a content check (default `['forbidden']`). */
  bannedWords?: string[];
  /** How generated files are linked: `'gateway'` (default) serves them under `/files/`, `'data'` inlines data URLs (for in-memory use where no server exists). */
  fileUrls?: 'gateway' | 'data';
  /** Origin used in file URLs instead of the request's own origin (e.g. a proxy's public address). */
  publicURL?: string;
  /** MidJourney relay options. */
  mj?: MidjourneyOptions;
}

/** One handled request, for tests that count attempts. */
export interface RequestLogEntry {
  /** HTTP method. */
  method: string;
  /** URL path as requested. */
  path: string;
  /** Status answered (0 when the request was aborted before any answer). */
  status: number;
  /** The fault applied to this request, if any. */
  fault?: FaultName;
}

/** The in-memory gateway: a `fetch` to hand to a client, plus introspection for tests. */
export interface MockGateway {
  /** Handles a request like global `fetch` would, without any network. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Every request handled so far, oldest first. */
  readonly requests: readonly RequestLogEntry[];
  /** Forgets requests, counted faults, files and MidJourney tasks. */
  reset(): void;
}
