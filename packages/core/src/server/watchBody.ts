import { Watchdog } from './Watchdog.js';

/**
 * The upstream body, cut off with an error once the gateway stays silent for `idleTimeoutMs`
 * while a chunk is awaited (not while the caller is slow to read); `done` runs at every end.
 */
export function watchBody(
  body: ReadableStream<Uint8Array>,
  idleTimeoutMs: number,
  abort: AbortController,
  done: () => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let cutOff = false;
  let output: ReadableStreamDefaultController<Uint8Array> | undefined;
  const watch = new Watchdog(idleTimeoutMs, () => {
    cutOff = true;
    done();
    const error = new DOMException('the gateway went silent mid-answer', 'TimeoutError');
    // Drops the upstream connection, so it is not pooled again.
    abort.abort(error);
    // For a fetch that ignored the abort.
    reader.cancel(error).catch(() => {});
    output?.error(error);
  });
  const finish = () => {
    watch.stop();
    done();
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      output = controller;
    },
    async pull(controller) {
      watch.start();
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (error) {
        finish();
        throw error;
      }
      if (cutOff) return;
      watch.pause();
      if (result.done) {
        finish();
        controller.close();
      } else {
        controller.enqueue(result.value);
      }
    },
    cancel(reason) {
      finish();
      return reader.cancel(reason);
    },
  });
}
