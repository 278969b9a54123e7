import { describe, expect, it } from 'vitest';
import { readSSE } from './readSSE.js';
import type { SSEEvent } from './SSEDecoder.js';

const encoder = new TextEncoder();

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

/** A stream that sends `chunks` and then stays open, recording whether it was cancelled. */
function openStream(...chunks: string[]) {
  const state = { cancelled: false, reason: undefined as unknown };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
    },
    cancel(reason) {
      state.cancelled = true;
      state.reason = reason;
    },
  });
  return { body, state };
}

async function collect(iterable: AsyncIterable<SSEEvent>): Promise<SSEEvent[]> {
  const events: SSEEvent[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

describe('readSSE', () => {
  it('yields the events of a body split across chunks', async () => {
    const body = streamOf('data: {"a"', ':1}\r', '\n\r\nevent: done\ndata: [DONE]\n\n');
    expect(await collect(readSSE(body))).toEqual([
      { event: 'message', data: '{"a":1}' },
      { event: 'done', data: '[DONE]' },
    ]);
  });

  it('discards an incomplete event when the body ends', async () => {
    const body = streamOf('data: 1\n\ndata: 2\n');
    expect(await collect(readSSE(body))).toEqual([{ event: 'message', data: '1' }]);
  });

  it('yields an event before the body has ended', async () => {
    const { body, state } = openStream('data: first\n\n');
    const iterator = readSSE(body);
    expect((await iterator.next()).value).toEqual({ event: 'message', data: 'first' });
    await iterator.return(undefined);
    expect(state.cancelled).toBe(true);
  });

  it('throws the abort reason and cancels the body when the signal aborts mid-stream', async () => {
    const { body, state } = openStream('data: first\n\n');
    const controller = new AbortController();
    const iterator = readSSE(body, controller.signal);
    expect((await iterator.next()).value).toEqual({ event: 'message', data: 'first' });
    const pending = iterator.next();
    const reason = new Error('stopped');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(state.cancelled).toBe(true);
    expect(state.reason).toBe(reason);
  });

  it('stops yielding already decoded events once the signal aborts', async () => {
    const { body } = openStream('data: 1\n\ndata: 2\n\ndata: 3\n\n');
    const controller = new AbortController();
    const seen: string[] = [];
    await expect(async () => {
      for await (const event of readSSE(body, controller.signal)) {
        seen.push(event.data);
        controller.abort();
      }
    }).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['1']);
  });

  it('throws at once and cancels the body when the signal is already aborted', async () => {
    const { body, state } = openStream('data: 1\n\n');
    const reason = new Error('too late');
    await expect(collect(readSSE(body, AbortSignal.abort(reason)))).rejects.toBe(reason);
    expect(state.cancelled).toBe(true);
  });

  it('cancels the body when the consumer leaves the loop early', async () => {
    const { body, state } = openStream('data: 1\n\ndata: 2\n\n');
    for await (const event of readSSE(body)) {
      expect(event.data).toBe('1');
      break;
    }
    expect(state.cancelled).toBe(true);
  });

  it('rethrows an error of the body', async () => {
    const failure = new Error('connection reset');
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) {
          controller.error(failure);
        } else {
          sent = true;
          controller.enqueue(encoder.encode('data: 1\n\n'));
        }
      },
    });
    const seen: string[] = [];
    await expect(async () => {
      for await (const event of readSSE(body)) seen.push(event.data);
    }).rejects.toBe(failure);
    expect(seen).toEqual(['1']);
  });
});
