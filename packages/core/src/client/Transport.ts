import { AbortError, AitreError, ApiError, ConnectionError, TimeoutError } from '../errors.js';
import { createApiError, parseJsonOrText } from './createApiError.js';
import { retryDelay } from './retryDelay.js';
import { sleep } from './sleep.js';
import type { ClientOptions, MidjourneyMode, RequestOptions } from './typesCommon.js';

/** One HTTP call as the API areas describe it. */
export interface RequestSpec {
  /** HTTP method. */
  method: 'GET' | 'POST';
  /** Path from the gateway root, e.g. '/v1/chat/completions' or '/mj/submit/imagine'. */
  path: string;
  /** A JSON-serialisable value or a FormData (multipart, the runtime sets the boundary). */
  body?: unknown;
  /** Streamed answer: the timeout stops at the headers and the body is never retried. */
  stream?: boolean;
  /** Paid generation: not retried unless the call passes `maxRetries`. */
  paid?: boolean;
  /** The Accept header (default application/json). */
  accept?: string;
  /** Builds the error for a non-2xx answer (default: createApiError). */
  toError?: (response: Response, body: unknown) => AitreError;
}

/** What a reader gets besides the response: the call's controller, for streams. */
export interface ReadContext {
  /** Aborts the call; a stream keeps it as its `controller`. */
  controller: AbortController;
  /** Detaches the abort listeners a streamed body needed; call it once the body ended. */
  release: () => void;
  /** How long a stream may go without an event before it fails (undefined: never). */
  idleTimeoutMs: number | undefined;
}

const DEFAULT_TIMEOUT_MS = 600_000;
const DEFAULT_MAX_RETRIES = 2;

/** The gateway root: without trailing slashes or a trailing /v1. */
export function gatewayRoot(baseURL: string): string {
  return baseURL.replace(/\/+$/, '').replace(/\/v1$/, '');
}

function shouldRetry(error: AitreError): boolean {
  if (ApiError.isInstance(error)) {
    const header = error.headers?.get('x-should-retry');
    if (header === 'true') return true;
    if (header === 'false') return false;
  }
  return error.retryable;
}

/**
 * Sends requests to the gateway: auth and headers, per-attempt timeout, abort, and retries
 * with backoff for retryable failures. A reader runs inside the attempt, so a non-stream
 * body that fails (a drop, a 200 with an `error` body) is retried like a failed status.
 */
export class Transport {
  readonly root: string;
  readonly midjourneyMode: MidjourneyMode | undefined;
  readonly #apiKey: string | undefined;
  readonly #fetch: typeof fetch;
  readonly #headers: Record<string, string>;
  readonly #maxRetries: number;
  readonly #timeoutMs: number;
  readonly #idleTimeoutMs: number | undefined;

  constructor(options: ClientOptions) {
    if (typeof options?.baseURL !== 'string')
      throw new TypeError('createClient: baseURL must be a string');
    this.root = gatewayRoot(options.baseURL);
    this.midjourneyMode = options.midjourneyMode;
    this.#apiKey = options.apiKey;
    // Looked up per call so a fetch patched after createClient (tests, polyfills) is used.
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#headers = options.headers ?? {};
    this.#maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#idleTimeoutMs = options.streamIdleTimeoutMs;
  }

  /** Sends `spec`, retrying as allowed, and returns what `read` makes of the 2xx response. */
  async send<T>(
    spec: RequestSpec,
    options: RequestOptions | undefined,
    read: (response: Response, context: ReadContext) => T | Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    const signal = options?.signal;
    if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
    const forward = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });
    const maxRetries = options?.maxRetries ?? (spec.paid ? 0 : this.#maxRetries);
    const release = () => signal?.removeEventListener('abort', forward);
    let streaming = false;
    try {
      for (let retries = 0; ; retries++) {
        try {
          const result = await this.#attempt(spec, options, controller, release, read);
          streaming = spec.stream === true;
          return result;
        } catch (error) {
          const failure = error as AitreError;
          if (retries >= maxRetries || !shouldRetry(failure)) throw failure;
          const headers = ApiError.isInstance(failure) ? failure.headers : undefined;
          await sleep(retryDelay(retries, headers), controller.signal);
        }
      }
    } finally {
      // A stream keeps listening: the caller's signal must still stop it mid-body.
      if (!streaming) release();
    }
  }

  async #attempt<T>(
    spec: RequestSpec,
    options: RequestOptions | undefined,
    controller: AbortController,
    releaseCall: () => void,
    read: (response: Response, context: ReadContext) => T | Promise<T>,
  ): Promise<T> {
    const attempt = new AbortController();
    const forward = () => attempt.abort(controller.signal.reason);
    controller.signal.addEventListener('abort', forward, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      attempt.abort();
    }, options?.timeoutMs ?? this.#timeoutMs);
    let keepLinked = false;
    try {
      const response = await this.#fetch(
        `${this.root}${spec.path}`,
        this.#init(spec, options, attempt.signal),
      );
      if (!response.ok) {
        const body = parseJsonOrText(await response.text());
        throw spec.toError
          ? spec.toError(response, body)
          : createApiError({ status: response.status, headers: response.headers, body });
      }
      // A stream's timeout ends with the headers; its body stays abortable through `controller`.
      if (spec.stream) clearTimeout(timer);
      const release = () => {
        controller.signal.removeEventListener('abort', forward);
        releaseCall();
      };
      const idleTimeoutMs = options?.streamIdleTimeoutMs ?? this.#idleTimeoutMs;
      const result = await read(response, { controller, release, idleTimeoutMs });
      keepLinked = spec.stream === true;
      return result;
    } catch (error) {
      throw toAitreError(error, controller.signal, timedOut);
    } finally {
      clearTimeout(timer);
      if (!keepLinked) controller.signal.removeEventListener('abort', forward);
    }
  }

  #init(spec: RequestSpec, options: RequestOptions | undefined, signal: AbortSignal): RequestInit {
    const headers: Record<string, string> = {
      Accept: spec.accept ?? 'application/json',
      ...this.#headers,
      ...options?.headers,
    };
    if (this.#apiKey) headers.Authorization = `Bearer ${this.#apiKey}`;
    const init: RequestInit = { method: spec.method, headers, signal };
    if (spec.body instanceof FormData) {
      init.body = spec.body;
    } else if (spec.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(spec.body);
    }
    return init;
  }
}

/** Maps whatever a fetch or body read threw to the kit's errors. */
export function toAitreError(error: unknown, signal: AbortSignal, timedOut = false): AitreError {
  if (AitreError.isInstance(error)) return error;
  if (signal.aborted) return new AbortError(undefined, { cause: error });
  if (timedOut) return new TimeoutError(undefined, { cause: error });
  const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
  return new ConnectionError(`Connection error${detail}`, { cause: error });
}

/**
 * Reads a JSON body. A body with an `error` member is an error even with status 200, and a
 * body that is not JSON is a final `invalid_response` error.
 */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  const body = parseJsonOrText(text);
  if (typeof body === 'string') {
    throw new ApiError(
      `The gateway answered HTTP ${response.status} with a body that is not JSON`,
      {
        kind: 'upstream',
        retryable: false,
        status: response.status,
        code: 'invalid_response',
        headers: response.headers,
        body: text.slice(0, 2000),
      },
    );
  }
  if (typeof body === 'object' && body !== null && 'error' in body && body.error) {
    // A 200 carrying an error is judged by its code and message alone.
    throw createApiError({ headers: response.headers, body });
  }
  return body;
}
