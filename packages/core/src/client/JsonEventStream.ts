import { type AitreError, ApiError, TimeoutError } from '../errors.js';
import { SSEDecoder, type SSEEvent } from '../sse/SSEDecoder.js';
import { createApiError } from './createApiError.js';
import { onAbort, toAitreError } from './Transport.js';

/** How a stream ends besides its body. */
export interface StreamOptions {
  /** Runs once the body has ended, to detach the request's abort listeners. */
  release?: () => void;
  /** Fails the stream with TimeoutError when no event arrives for this long (default: never). */
  idleTimeoutMs?: number;
}

/**
 * Base of the chat and completion streams: reads `data: <json>` events until `[DONE]` or the
 * end of the body, throws on `data: {"error":...}` or an `error` event, and keeps an
 * aggregate that subclasses update per chunk and expose through `snapshot()`.
 */
export abstract class JsonEventStream<TChunk, TResult> implements AsyncIterable<TChunk> {
  /** Aborts the request and the body; iteration then throws AbortError. */
  declare readonly controller: AbortController;
  readonly #body: ReadableStream<Uint8Array> | null;
  readonly #options: StreamOptions;
  #started = false;
  readonly #done: Promise<TResult>;
  // Settles #done: with the failure, or else with the final snapshot.
  #settle!: (failure: AitreError | undefined) => void;

  constructor(response: Response, controller: AbortController, options: StreamOptions = {}) {
    this.#body = response.body;
    this.controller = controller;
    this.#options = options;
    this.#done = new Promise<TResult>((resolve, reject) => {
      this.#settle = (failure) => (failure ? reject(failure) : resolve(this.snapshot()));
    });
    // The outcome is also thrown from the iterator; an unread promise must not warn.
    this.#done.catch(() => {});
  }

  /** Updates the aggregate with one chunk (may normalise the chunk in place). */
  protected abstract accept(chunk: TChunk): void;

  /** Called once when the body ends, before the final snapshot. */
  protected abstract finish(): void;

  /** What has been aggregated so far; stays readable after an error or abort. */
  abstract snapshot(): TResult;

  /** Stops the stream; what arrived stays in `snapshot()`. */
  abort(): void {
    this.controller.abort();
  }

  /** Resolves with the aggregate once the stream ends (reading it if nobody iterates). */
  finalMessage(): Promise<TResult> {
    if (!this.#started) {
      // The outcome is reported through #done.
      (async () => {
        for await (const _ of this);
      })().catch(() => {});
    }
    return this.#done;
  }

  [Symbol.asyncIterator](): AsyncIterator<TChunk> {
    if (this.#started) throw new Error('A stream can be iterated only once');
    this.#started = true;
    return this.#iterate();
  }

  async *#iterate(): AsyncGenerator<TChunk> {
    const controller = this.controller;
    const signal = controller.signal;
    const idleMs = this.#options.idleTimeoutMs ?? 0;
    let lastEvent = Date.now();
    // One coarse timer per stream instead of re-arming a timeout on every chunk.
    const watchdog =
      idleMs > 0
        ? setInterval(
            () => {
              // The reason is what the read then throws: the stream fails with it as is.
              if (Date.now() - lastEvent >= idleMs) {
                controller.abort(new TimeoutError(`Stream stalled: no data for ${idleMs} ms`));
              }
            },
            Math.max(10, idleMs / 4),
          )
        : undefined;
    // The decoder is driven here rather than through readSSE: one loop, no generator in between.
    const reader = this.#body?.getReader();
    const events: SSEEvent[] = [];
    const decoder = new SSEDecoder((event) => events.push(event));
    // Aborting cancels the body, so a pending read ends at once (the reason is undefined
    // when the stream is left early without an abort). The listener stays: the controller
    // is this stream's own, and cancelling an ended body does nothing.
    const cancel = () => {
      reader?.cancel(signal.reason).catch(() => {});
    };
    onAbort(signal, cancel);
    let finished = !reader;
    let failure: AitreError | undefined;
    try {
      read: while (!finished) {
        const { done, value } = await reader!.read();
        signal.throwIfAborted();
        // At the end there is nothing to decode: an unfinished event is dropped.
        finished = done;
        if (!done) decoder.push(value);
        for (const event of events) {
          lastEvent = Date.now();
          const data = event.data;
          if (data === '[DONE]') break read;
          if (data === '') continue;
          let chunk: unknown;
          try {
            chunk = JSON.parse(data);
          } catch (error) {
            throw new ApiError('Malformed stream chunk', {
              kind: 'upstream',
              retryable: true,
              code: 'malformed_chunk',
              body: data.slice(0, 2000),
              cause: error,
            });
          }
          // Only objects and arrays are chunks (JSON.parse builds them in this realm).
          if (!(chunk instanceof Object)) continue;
          if (event.event === 'error' || (chunk as { error?: unknown }).error) {
            throw createApiError({ body: chunk });
          }
          this.accept(chunk as TChunk);
          yield chunk as TChunk;
          signal.throwIfAborted();
        }
        events.length = 0;
      }
    } catch (error) {
      failure = toAitreError(error, signal);
      throw failure;
    } finally {
      clearInterval(watchdog);
      // Leaving before the end ([DONE], an error, a `break` in the caller's loop) cancels the body.
      if (!finished) cancel();
      // Runs once, as the body is iterated once; leaving early ends the stream with what arrived.
      this.finish();
      this.#options.release?.();
      this.#settle(failure);
    }
  }
}
