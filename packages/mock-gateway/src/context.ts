import type { FileStore } from './files.js';
import type { MidjourneyTasks } from './midjourney.js';
import type { FaultName } from './types.js';

/** Gateway options with every default filled in. */
export interface ResolvedOptions {
  apiKey: string | undefined;
  tokenDelayMs: number;
  latencyMs: number;
  slowTokenDelayMs: number;
  retryAfterMs: number;
  bannedWords: string[];
  fileUrls: 'gateway' | 'data';
  publicURL: string | undefined;
  mj: {
    stepMs: number;
    steps: number;
    bannedWords: string[];
    banCheck: 'failure' | 'precheck';
    remix: boolean;
    concurrency: number;
    relay: 'new-api' | 'proxy';
  };
}

/** Everything a route handler needs about the request it answers. */
export interface RequestContext {
  request: Request;
  url: URL;
  /** Path with any MidJourney speed prefix (`/mj-fast`) removed. */
  path: string;
  requestId: string;
  /** Origin used to build file URLs. */
  origin: string;
  signal: AbortSignal;
  options: ResolvedOptions;
  /** The fault to apply, already resolved from the header or model id and its count. */
  fault: FaultName | undefined;
  /** The parsed JSON body (routes that take JSON). */
  body: Record<string, unknown>;
  /** The parsed multipart body (routes that take multipart). */
  form: FormData | undefined;
  files: FileStore;
  mj: MidjourneyTasks;
}
