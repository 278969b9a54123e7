import { describe, expect, it, vi } from 'vitest';
import { AbortError, ApiError, AuthError, TimeoutError } from '../errors.js';
import { JsonEventStream, type StreamOptions } from './JsonEventStream.js';

interface Chunk {
  n: number;
}

// The smallest aggregate: the numbers seen so far, and whether the body ended.
class NumberStream extends JsonEventStream<Chunk, { seen: number[]; finished: boolean }> {
  seen: number[] = [];
  finished = false;
  protected accept(chunk: Chunk): void {
    this.seen.push(chunk.n);
  }
  protected finish(): void {
    this.finished = true;
  }
  snapshot() {
    return { seen: [...this.seen], finished: this.finished };
  }
}

const encoder = new TextEncoder();

/** A body that hands out one frame per pull, then closes (or stays open with `hang`). */
function body(frames: string[], { hang = false } = {}) {
  let next = 0;
  const cancel = vi.fn();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const frame = frames[next++];
      if (frame !== undefined) controller.enqueue(encoder.encode(frame));
      else if (hang) return new Promise<void>(() => {});
      else controller.close();
    },
    cancel,
  });
  const response = new Response(stream, { headers: { 'content-type': 'text/event-stream' } });
  return { response, cancel };
}

const data = (n: number) => `data: ${JSON.stringify({ n })}\n\n`;

function open(frames: string[], options: StreamOptions & { hang?: boolean } = {}) {
  const { response, cancel } = body(frames, { hang: options.hang });
  const stream = new NumberStream(response, new AbortController(), options);
  return { stream, cancel };
}

async function collect(stream: NumberStream): Promise<number[]> {
  const out: number[] = [];
  for await (const chunk of stream) out.push(chunk.n);
  return out;
}

describe('JsonEventStream', () => {
  it('yields the chunks in order and skips comments and empty data', async () => {
    const { stream } = open([data(1), ': ping\n\n', 'data: \n\n', data(2), data(3)]);
    expect(await collect(stream)).toEqual([1, 2, 3]);
    expect(await stream.finalMessage()).toEqual({ seen: [1, 2, 3], finished: true });
  });

  it('stops at [DONE] and cancels whatever the body still holds', async () => {
    const { stream, cancel } = open([data(1), 'data: [DONE]\n\n', data(2)]);
    expect(await collect(stream)).toEqual([1]);
    expect(cancel).toHaveBeenCalledOnce();
  });

  it('fails a malformed chunk with ApiError malformed_chunk and keeps what arrived before it', async () => {
    const { stream } = open([data(1), 'data: {"n":\n\n', data(2)]);
    const error = await collect(stream).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'malformed_chunk', kind: 'upstream', body: '{"n":' });
    expect(stream.snapshot().seen).toEqual([1]);
    await expect(stream.finalMessage()).rejects.toBe(error);
  });

  it('throws the gateway error of a data: {"error":...} event, typed and with its message', async () => {
    const event = `data: ${JSON.stringify({ error: { message: 'invalid token', type: 'new_api_error', code: 'invalid_api_key' } })}\n\n`;
    const { stream } = open([data(1), event, data(2)]);
    const error = await collect(stream).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as ApiError).message).toBe('invalid token');
    expect(stream.snapshot().seen).toEqual([1]);
  });

  it('throws a named error event even when its payload has no error member', async () => {
    const { stream } = open([
      `event: error\ndata: ${JSON.stringify({ message: 'upstream broke' })}\n\n`,
    ]);
    const error = await collect(stream).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toContain('upstream broke');
  });

  it('ends with AbortError when aborted mid-stream, cancelling the body and keeping the snapshot', async () => {
    const { stream, cancel } = open([data(1), data(2)], { hang: true });
    const out: number[] = [];
    const error = await (async () => {
      for await (const chunk of stream) {
        out.push(chunk.n);
        if (chunk.n === 2) stream.abort();
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(out).toEqual([1, 2]);
    expect(cancel).toHaveBeenCalled();
    expect(stream.snapshot().seen).toEqual([1, 2]);
    await expect(stream.finalMessage()).rejects.toBeInstanceOf(AbortError);
  });

  it('aborts a read that is waiting on a silent body', async () => {
    const { stream, cancel } = open([data(1)], { hang: true });
    const pending = collect(stream).catch((e: unknown) => e);
    await vi.waitFor(() => expect(stream.snapshot().seen).toEqual([1]));
    stream.abort();
    expect(await pending).toBeInstanceOf(AbortError);
    expect(cancel).toHaveBeenCalled();
  });

  it('fails with TimeoutError when no event arrives within idleTimeoutMs', async () => {
    vi.useFakeTimers();
    try {
      const { stream, cancel } = open([data(1)], { hang: true, idleTimeoutMs: 1000 });
      const pending = collect(stream).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(500);
      expect(stream.snapshot().finished).toBe(false);
      await vi.advanceTimersByTimeAsync(1000);
      const error = await pending;
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).kind).toBe('timeout');
      expect(cancel).toHaveBeenCalled();
      expect(stream.snapshot()).toEqual({ seen: [1], finished: true });
    } finally {
      vi.useRealTimers();
    }
  });

  it('finalMessage() reads the stream when nobody iterates it', async () => {
    const { stream } = open([data(4), data(5), 'data: [DONE]\n\n']);
    expect(await stream.finalMessage()).toEqual({ seen: [4, 5], finished: true });
  });

  it('refuses a second iteration', async () => {
    const { stream } = open([data(1)]);
    await collect(stream);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(/only once/);
  });

  it('calls release once whether the stream ends, fails or is left early', async () => {
    const endRelease = vi.fn();
    await collect(open([data(1)], { release: endRelease }).stream);
    expect(endRelease).toHaveBeenCalledOnce();

    const failRelease = vi.fn();
    const failing = open(['data: nope\n\n'], { release: failRelease }).stream;
    await collect(failing).catch(() => {});
    await failing.finalMessage().catch(() => {});
    expect(failRelease).toHaveBeenCalledOnce();

    const leaveRelease = vi.fn();
    const { stream, cancel } = open([data(1), data(2)], { release: leaveRelease, hang: true });
    for await (const _ of stream) break;
    expect(leaveRelease).toHaveBeenCalledOnce();
    expect(cancel).toHaveBeenCalledOnce();
    expect(await stream.finalMessage()).toEqual({ seen: [1], finished: true });
  });
});
