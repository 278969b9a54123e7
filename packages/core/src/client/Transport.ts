import { AbortError, AitreError, ApiError, ConnectionError, TimeoutError } from '../errors.js';
import { createApiError, parseJsonOrText } from './createApiError.js';
import { retryDelay } from './retryDelay.js';
import type { ClientOptions, RequestOptions } from './typesCommon.js';
import { warnBrowserKey } from './warnBrowserKey.js';

// Declared here: core is typechecked without Node's types.
declare const process: { env: { NODE_ENV?: string } };

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
  /** The Accept header (default text/event-stream for a stream, else application/json). */
  accept?: string;
  /** Builds the error for a non-2xx answer (default: createApiError). */
  toError?: (response: Response, body: unknown) => AitreError;
}

/**
 * What a reader gets besides the response: the attempt's controller and the options a stream
 * takes (`release`, `idleTimeoutMs`), so a stream is built from it as is.
 */
export interface ReadContext {
  /** Aborts the call; a stream keeps it as its `controller`. */
  controller: AbortController;
  /** Detaches the abort listener a streamed body needed; call it once the body ended. */
  release: () => void;
  /** How long a stream may go without an event before it fails (undefined: never). */
  idleTimeoutMs: number | undefined;
}

/**
 * Sends requests to the gateway: auth and headers, per-attempt timeout, abort, and retries
 * with backoff for retryable failures. A reader runs inside the attempt, so a non-stream
 * body that fails (a drop, a 200 with an `error` body) is retried like a failed status.
 */
export class Transport {
  /** The gateway root: without trailing slashes or a trailing /v1. */
  declare readonly root: string;
  /** The client's options, as given (the areas read their own settings from them). */
  declare readonly options: ClientOptions;

  constructor(options: ClientOptions) {
    // A development warning: bundlers replace NODE_ENV, so production builds drop it whole.
    if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production' && options.apiKey) {
      warnBrowserKey();
    }
    if (typeof options?.baseURL !== 'string') throw new TypeError('baseURL must be a string');
    this.root = options.baseURL.replace(/(\/v1)?\/*$/, '');
    this.options = options;
  }

  /** Sends `spec`, retrying as allowed, and returns what `read` makes of the 2xx response. */
  async send<T>(
    spec: RequestSpec,
    options: RequestOptions = {},
    read: (response: Response, context: ReadContext) => T | Promise<T>,
  ): Promise<T> {
    const client = this.options;
    const signal = options.signal;
    const maxRetries = options.maxRetries ?? (spec.paid ? 0 : (client.maxRetries ?? 2));
    const headers: Record<string, string> = {
      Accept: spec.accept ?? (spec.stream ? 'text/event-stream' : 'application/json'),
      ...client.headers,
      ...options.headers,
    };
    if (client.apiKey) headers.Authorization = `Bearer ${client.apiKey}`;
    let body = spec.body as BodyInit | undefined;
    if (body !== undefined && !(body instanceof FormData)) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(body);
    }
    for (let retries = 0; ; retries++) {
      // Checked before every attempt: an abort during the backoff wait ends up here too.
      if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
      // One controller per attempt, aborted by the caller's signal or the timeout; a stream
      // keeps it as its `controller`, still linked to the signal until `release`.
      const controller = new AbortController();
      const unlink = onAbort(signal, () => controller.abort(signal?.reason));
      // The timeout's reason is the error the attempt then fails with.
      const timer = setTimeout(
        () => controller.abort(new TimeoutError()),
        options.timeoutMs ?? client.timeoutMs ?? 600_000,
      );
      try {
        // The global fetch is looked up per call, so one patched after createClient is used.
        const response = await (client.fetch ?? fetch)(`${this.root}${spec.path}`, {
          method: spec.method,
          headers,
          body,
          signal: controller.signal,
        });
        if (!response.ok) {
          const answer = parseJsonOrText(await response.text());
          throw (
            spec.toError?.(response, answer) ??
            createApiError({ status: response.status, headers: response.headers, body: answer })
          );
        }
        // A stream's timeout ends with the headers; its body stays abortable through `controller`.
        if (spec.stream) clearTimeout(timer);
        const result = await read(response, {
          controller,
          release: unlink,
          idleTimeoutMs: options.streamIdleTimeoutMs ?? client.streamIdleTimeoutMs,
        });
        // A stream keeps the link until its body ends (`release`).
        if (!spec.stream) unlink();
        return result;
      } catch (error) {
        unlink();
        const failure = toAitreError(error, controller.signal);
        // Only an ApiError carries headers.
        const headers = (failure as ApiError).headers;
        const verdict = headers?.get('x-should-retry');
        if (
          retries >= maxRetries ||
          verdict === 'false' ||
          (verdict !== 'true' && !failure.retryable)
        ) {
          throw failure;
        }
        const wait = retryDelay(retries, headers);
        // Wakes early on abort; the next attempt's check then throws AbortError.
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(pause);
            stopWaiting();
            resolve();
          };
          const pause = setTimeout(wake, wait);
          const stopWaiting = onAbort(signal, wake);
        });
      } finally {
        clearTimeout(timer);
      }
    }
  }
}

/** Runs `listener` once when `signal` aborts; returns what detaches it. */
export function onAbort(signal: AbortSignal | undefined, listener: () => void): () => void {
  signal?.addEventListener('abort', listener, { once: true });
  return () => signal?.removeEventListener('abort', listener);
}

/**
 * Maps whatever a fetch or body read threw to the kit's errors. A `signal` aborted with an
 * AitreError (a timeout) fails with it; aborted otherwise, with AbortError.
 */
export function toAitreError(error: unknown, signal?: AbortSignal): AitreError {
  if (AitreError.isInstance(error)) return error;
  if (signal?.aborted) {
    return AitreError.isInstance(signal.reason)
      ? signal.reason
      : new AbortError(undefined, { cause: error });
  }
  const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
  return new ConnectionError(`Connection error${detail}`, { cause: error });
}

/** A 2xx answer of the wrong kind: final, since asking again gets the same. */
export function invalidResponse(response: Response, message: string, body?: string): ApiError {
  return new ApiError(message, {
    kind: 'upstream',
    status: response.status,
    code: 'invalid_response',
    headers: response.headers,
    body,
  });
}

/**
 * Reads a JSON body. A body with an `error` member is an error even with status 200, and a
 * body that is not JSON is a final `invalid_response` error.
 */
export async function readJson(response: Response): Promise<unknown> {
  const body = parseJsonOrText(await response.text());
  // Text that is not JSON comes back as is.
  if (typeof body === 'string') {
    throw invalidResponse(
      response,
      `HTTP ${response.status}: the body is not JSON`,
      body.slice(0, 2000),
    );
  }
  // A 200 carrying an error is judged by its code and message alone.
  if ((body as { error?: unknown } | null)?.error) {
    throw createApiError({ headers: response.headers, body });
  }
  return body;
}
