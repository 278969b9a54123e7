import { SSEDecoder, type SSEEvent } from './SSEDecoder.js';

/**
 * Reads a `text/event-stream` body as events. Aborting `signal` cancels the body and makes
 * the generator throw `signal.reason`; leaving the loop early cancels the body too.
 */
export async function* readSSE(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<SSEEvent> {
  if (signal?.aborted) {
    await body.cancel(signal.reason).catch(ignore);
    throw signal.reason;
  }
  const reader = body.getReader();
  const queue: SSEEvent[] = [];
  const decoder = new SSEDecoder((event) => {
    queue.push(event);
  });
  const onAbort = () => {
    reader.cancel(signal?.reason).catch(ignore);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  let finished = false;
  try {
    while (!finished) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (error) {
        signal?.throwIfAborted();
        throw error;
      }
      signal?.throwIfAborted();
      if (result.done) {
        finished = true;
        decoder.end();
      } else {
        decoder.push(result.value);
      }
      // Events are drained by index and the array reused: no per-chunk allocation.
      for (let i = 0; i < queue.length; i++) {
        yield queue[i]!;
        signal?.throwIfAborted();
      }
      queue.length = 0;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!finished) await reader.cancel().catch(ignore);
    reader.releaseLock();
  }
}

function ignore(): void {}
