import { describe, expect, it } from 'vitest';
import { AbortError, ApiError, ConnectionError } from '../errors.js';
import { ChatCompletionStream } from './ChatCompletionStream.js';

const encoder = new TextEncoder();

function sse(frames: string[], { fail = false } = {}): Response {
  let next = 0;
  // One frame per pull, so a failure comes after the frames were read, as on a real socket.
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const frame = frames[next++];
      if (frame !== undefined) controller.enqueue(encoder.encode(frame));
      else if (fail) controller.error(new TypeError('terminated'));
      else controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

const chunk = (delta: object, finish: string | null = null, extra: object = {}) =>
  `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;

describe('ChatCompletionStream', () => {
  it('aggregates content, reasoning in both spellings, finish_reason and usage', async () => {
    const stream = new ChatCompletionStream(
      sse([
        chunk({ role: 'assistant', content: '' }),
        ': keep-alive\n\n',
        chunk({ reasoning_content: 'think ' }),
        chunk({ reasoning: 'more' }),
        chunk({ content: 'Hel' }),
        'data: \n\n',
        chunk({ content: 'lo' }, 'stop'),
        `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [], usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } })}\n\n`,
        'data: [DONE]\n\n',
      ]),
      new AbortController(),
    );
    const chunks = [];
    for await (const item of stream) chunks.push(item);
    expect(chunks).toHaveLength(6);
    expect(chunks[2]?.choices[0]?.delta.reasoning_content).toBe('more');
    const message = await stream.finalMessage();
    expect(message).toEqual({
      role: 'assistant',
      content: 'Hello',
      reasoning: 'think more',
      tool_calls: [],
      finishReason: 'stop',
      usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
      incomplete: false,
    });
    expect(stream.usage?.total_tokens).toBe(3);
  });

  it('splits <think> blocks out of content, across chunk boundaries, and rewrites the deltas', async () => {
    const stream = new ChatCompletionStream(
      sse([
        chunk({ content: '<thi' }),
        chunk({ content: 'nk>plan' }),
        chunk({ content: '</th' }),
        chunk({ content: 'ink>\n\nAnswer' }, 'stop'),
        'data: [DONE]\n\n',
      ]),
      new AbortController(),
    );
    const deltas: (string | null | undefined)[] = [];
    for await (const item of stream) deltas.push(item.choices[0]?.delta.content);
    expect(deltas).toEqual(['', '', '', 'Answer']);
    expect(await stream.finalMessage()).toMatchObject({ content: 'Answer', reasoning: 'plan' });
  });

  it('accumulates tool calls by index', async () => {
    const stream = new ChatCompletionStream(
      sse([
        chunk({
          tool_calls: [
            {
              index: 0,
              id: 'call_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"ci' },
            },
          ],
        }),
        chunk({
          tool_calls: [
            {
              index: 1,
              id: 'call_2',
              type: 'function',
              function: { name: 'get_time', arguments: '{}' },
            },
          ],
        }),
        chunk(
          { tool_calls: [{ index: 0, function: { arguments: 'ty":"Paris"}' } }] },
          'tool_calls',
        ),
        'data: [DONE]\n\n',
      ]),
      new AbortController(),
    );
    const message = await stream.finalMessage();
    expect(message.tool_calls).toEqual([
      {
        id: 'call_1',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
      },
      { id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '{}' } },
    ]);
    expect(message.finishReason).toBe('tool_calls');
  });

  it('marks a stream that ended without finish_reason as incomplete', async () => {
    const stream = new ChatCompletionStream(
      sse([chunk({ content: 'partial' }), 'data: [DONE]\n\n']),
      new AbortController(),
    );
    expect(await stream.finalMessage()).toMatchObject({
      content: 'partial',
      incomplete: true,
      finishReason: null,
    });
  });

  it('throws ApiError on a mid-stream error event and keeps the text in the snapshot', async () => {
    const stream = new ChatCompletionStream(
      sse([
        chunk({ content: 'half' }),
        `data: ${JSON.stringify({ error: { message: 'upstream died (request id: q1)', code: 'x' } })}\n\n`,
      ]),
      new AbortController(),
    );
    const error = await stream.finalMessage().catch((e: unknown) => e);
    expect(ApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ message: 'upstream died', requestId: 'q1', kind: 'upstream' });
    expect(stream.snapshot()).toMatchObject({ content: 'half', incomplete: true });
  });

  it('throws ConnectionError when the body fails mid-stream', async () => {
    const stream = new ChatCompletionStream(
      sse([chunk({ content: 'half' })], { fail: true }),
      new AbortController(),
    );
    const seen: string[] = [];
    const error = await (async () => {
      for await (const item of stream) seen.push(item.choices[0]?.delta.content ?? '');
    })().catch((e: unknown) => e);
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect(seen).toEqual(['half']);
    expect(stream.snapshot().content).toBe('half');
  });

  it('throws AbortError after abort() and keeps what arrived', async () => {
    let push!: (text: string) => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => controller.enqueue(encoder.encode(text));
      },
    });
    const stream = new ChatCompletionStream(new Response(body), new AbortController());
    push(chunk({ content: 'kept' }));
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    stream.abort();
    await expect(iterator.next()).rejects.toSatisfy(AbortError.isInstance);
    expect(stream.snapshot().content).toBe('kept');
    await expect(stream.finalMessage()).rejects.toSatisfy(AbortError.isInstance);
  });

  it('refuses to be iterated twice', async () => {
    const stream = new ChatCompletionStream(sse(['data: [DONE]\n\n']), new AbortController());
    await stream.finalMessage();
    expect(() => stream[Symbol.asyncIterator]()).toThrow();
  });
});
