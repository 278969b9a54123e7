import type { RequestContext } from './context.js';
import { baseHeaders } from './http.js';

/** The error fetch raises when its signal aborts. */
export function abortError(): Error {
  return new DOMException('This operation was aborted', 'AbortError');
}

/** Waits `ms` (not at all for 0), rejecting with an AbortError when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Never resolves; rejects with an AbortError once the signal aborts (the `timeout` fault). */
export function waitForAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(abortError());
    else signal.addEventListener('abort', () => reject(abortError()), { once: true });
  });
}

/** The error a dropped connection produces, as fetch reports it. */
export function connectionDropped(): Error {
  return new TypeError('terminated: connection dropped by the mock gateway (fault drop)');
}

/**
 * A body stream pulled from an async iterator: each item is produced only when the reader asks
 * (so delays inside the iterator pace the stream), an error thrown by the iterator errors the
 * body (a dropped connection), and an aborted request signal errors it with an AbortError.
 */
export function iteratorStream(
  source: AsyncIterable<string | Uint8Array>,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  let finished = false;
  let onAbort: (() => void) | undefined;
  const finish = () => {
    finished = true;
    if (onAbort) signal.removeEventListener('abort', onAbort);
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        onAbort = () => {
          if (finished) return;
          finish();
          controller.error(abortError());
          void iterator.return?.().catch(() => undefined);
        };
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      },
      async pull(controller) {
        try {
          const next = await iterator.next();
          if (finished) return;
          if (next.done) {
            finish();
            controller.close();
          } else {
            controller.enqueue(
              typeof next.value === 'string' ? encoder.encode(next.value) : next.value,
            );
          }
        } catch (error) {
          if (finished) return;
          finish();
          controller.error(error);
        }
      },
      async cancel() {
        finish();
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

/** Frames one SSE event carrying JSON. */
export function sseData(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

/** The stream terminator. */
export const SSE_DONE = 'data: [DONE]\n\n';

/** A keep-alive comment, as gateways send between events. */
export const SSE_KEEP_ALIVE = ': keep-alive\n\n';

/** A `text/event-stream` response pulled from an iterator of frames. */
export function sseResponse(ctx: RequestContext, frames: AsyncIterable<string>): Response {
  return new Response(iteratorStream(frames, ctx.signal), {
    status: 200,
    headers: {
      ...baseHeaders(ctx),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'x-accel-buffering': 'no',
    },
  });
}

/** Token delay for this request: the `slow` fault overrides the configured pace. */
export function tokenDelay(ctx: RequestContext): number {
  return ctx.fault === 'slow' ? ctx.options.slowTokenDelayMs : ctx.options.tokenDelayMs;
}
