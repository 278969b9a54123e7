import { describe, expect, it } from 'vitest';
import { SSEDecoder, type SSEEvent } from './SSEDecoder.js';

const encoder = new TextEncoder();

function bytes(input: string | Uint8Array): Uint8Array {
  return typeof input === 'string' ? encoder.encode(input) : input;
}

/** Pushes every chunk, then ends the stream; returns what was dispatched. */
function decode(...chunks: (string | Uint8Array)[]): SSEEvent[] {
  const events: SSEEvent[] = [];
  const decoder = new SSEDecoder((event) => events.push(event));
  for (const chunk of chunks) decoder.push(bytes(chunk));
  decoder.end();
  return events;
}

/** Splits `data` at the given offsets. */
function splitAt(data: Uint8Array, offsets: number[]): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const offset of offsets) {
    parts.push(data.subarray(from, offset));
    from = offset;
  }
  parts.push(data.subarray(from));
  return parts;
}

/** Deterministic PRNG (mulberry32) so random splits are reproducible. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Exercises every rule at once: BOM, comments, all three line endings, event, id, retry,
// multi-line data, an empty-data block, multi-byte UTF-8 and a trailing incomplete event.
const SAMPLE =
  '\uFEFF: keep-alive\n' +
  'data: {"choices":[{"delta":{"content":"你好"}}]}\n\n' +
  'event: image_generation.partial_image\r\n' +
  'id: 7\r\n' +
  'data: line one\r\n' +
  'data:line two 🙂\r\n\r\n' +
  'retry: 2500\r' +
  'data\r\r' +
  'event: ignored\n\n' +
  ': PING\r\n\r\n' +
  'data:  two spaces\n' +
  'data: ende\n\n' +
  'data: [DONE]\n\n' +
  'data: unfinished';

const SAMPLE_EVENTS: SSEEvent[] = [
  { event: 'message', data: '{"choices":[{"delta":{"content":"你好"}}]}' },
  { event: 'image_generation.partial_image', data: 'line one\nline two 🙂', id: '7' },
  { event: 'message', data: '', retry: 2500 },
  { event: 'message', data: ' two spaces\nende' },
  { event: 'message', data: '[DONE]' },
];

describe('SSEDecoder', () => {
  it('dispatches a data line on a blank line with the default event type', () => {
    expect(decode('data: hello\n\n')).toEqual([{ event: 'message', data: 'hello' }]);
  });

  it('decodes the sample stream', () => {
    expect(decode(SAMPLE)).toEqual(SAMPLE_EVENTS);
  });

  it('decodes the sample stream split at every byte offset', () => {
    const data = bytes(SAMPLE);
    for (let offset = 0; offset <= data.length; offset++) {
      expect(decode(...splitAt(data, [offset])), `split at ${offset}`).toEqual(SAMPLE_EVENTS);
    }
  });

  it('decodes the sample stream split at every pair of byte offsets', () => {
    const data = bytes(SAMPLE);
    for (let first = 0; first <= data.length; first += 3) {
      for (let second = first; second <= data.length; second++) {
        expect(decode(...splitAt(data, [first, second]))).toEqual(SAMPLE_EVENTS);
      }
    }
  });

  it('decodes the sample stream pushed one byte at a time', () => {
    const data = bytes(SAMPLE);
    const chunks = Array.from(data, (byte) => Uint8Array.of(byte));
    expect(decode(...chunks)).toEqual(SAMPLE_EVENTS);
  });

  it('decodes a long stream split into random slices', () => {
    let text = '';
    const expected: SSEEvent[] = [];
    for (let i = 0; i < 500; i++) {
      const data = `{"i":${i},"content":"${'字x'.repeat(i % 37)}"}`;
      const ending = ['\n', '\r\n', '\r'][i % 3]!;
      text += `data: ${data}${ending}${ending}`;
      expected.push({ event: 'message', data });
    }
    const data = bytes(text);
    const random = prng(42);
    for (let round = 0; round < 20; round++) {
      const offsets: number[] = [];
      for (let at = 0; at < data.length; at += 1 + Math.floor(random() * 64)) offsets.push(at);
      expect(decode(...splitAt(data, offsets))).toEqual(expected);
    }
  });

  it('accepts LF, CRLF and CR line endings', () => {
    const expected = [{ event: 'message', data: 'a\nb' }];
    expect(decode('data: a\ndata: b\n\n')).toEqual(expected);
    expect(decode('data: a\r\ndata: b\r\n\r\n')).toEqual(expected);
    expect(decode('data: a\rdata: b\r\r')).toEqual(expected);
  });

  it('treats a CR ending one chunk and a LF opening the next as one line break', () => {
    expect(decode('data: a\r', '\ndata: b\r', '\n\r', '\n')).toEqual([
      { event: 'message', data: 'a\nb' },
    ]);
  });

  it('keeps a pending CR across a chunk that decodes to no text', () => {
    const euro = bytes('€');
    expect(
      decode('data: a\r', new Uint8Array(0), '\ndata: ', euro.subarray(0, 1), euro.subarray(1)),
    ).toEqual([]);
    expect(decode('data: a\r', new Uint8Array(0), '\ndata: b\n\n')).toEqual([
      { event: 'message', data: 'a\nb' },
    ]);
  });

  it('treats a CR followed by another CR as two line breaks', () => {
    expect(decode('data: a\r', '\r')).toEqual([{ event: 'message', data: 'a' }]);
  });

  it('joins multiple data lines with a line feed', () => {
    expect(decode('data: one\ndata: two\ndata: three\n\n')).toEqual([
      { event: 'message', data: 'one\ntwo\nthree' },
    ]);
  });

  it('strips exactly one leading space from a value', () => {
    expect(decode('data:no space\n\ndata:  two\n\nevent:   x\ndata: y\n\n')).toEqual([
      { event: 'message', data: 'no space' },
      { event: 'message', data: ' two' },
      { event: '  x', data: 'y' },
    ]);
  });

  it('keeps colons after the first one in the value', () => {
    expect(decode('data: a: b:c\n\n')).toEqual([{ event: 'message', data: 'a: b:c' }]);
  });

  it('treats a line without a colon as a field with an empty value', () => {
    expect(decode('data\n\n')).toEqual([{ event: 'message', data: '' }]);
    expect(decode('data\ndata\n\n')).toEqual([{ event: 'message', data: '\n' }]);
    // The next line starting with a space changes nothing (and is an unknown field itself).
    expect(decode('data\n data: x\n\n')).toEqual([{ event: 'message', data: '' }]);
    expect(decode('event\n data: x\ndata: y\n\n')).toEqual([{ event: 'message', data: 'y' }]);
    expect(decode('data: x\nevent\n\n')).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('dispatches an event whose only data line is empty', () => {
    expect(decode('data:\n\n')).toEqual([{ event: 'message', data: '' }]);
  });

  it('does not dispatch a block without data lines', () => {
    expect(decode('event: ping\n\nid: 3\n\n\n\n')).toEqual([]);
  });

  it('resets the event type after each dispatch', () => {
    expect(decode('event: first\ndata: 1\n\ndata: 2\n\n')).toEqual([
      { event: 'first', data: '1' },
      { event: 'message', data: '2' },
    ]);
  });

  it('resets the event type after a block that is not dispatched', () => {
    expect(decode('event: lost\n\ndata: x\n\n')).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('uses the default event type when the event field is empty', () => {
    expect(decode('event:\ndata: x\n\n')).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('ignores comment lines, also between the lines of one event', () => {
    expect(decode(': PING\n\n:\n\ndata: a\n: comment\ndata: b\n\n')).toEqual([
      { event: 'message', data: 'a\nb' },
    ]);
  });

  it('ignores unknown fields and fields that only start like known ones', () => {
    expect(decode('datax: 1\nfoo: bar\nDATA: 2\ndata: 3\n\n')).toEqual([
      { event: 'message', data: '3' },
    ]);
  });

  it('reports the id of the block that carried it', () => {
    expect(decode('id: 1\ndata: a\n\ndata: b\n\nid\ndata: c\n\n')).toEqual([
      { event: 'message', data: 'a', id: '1' },
      { event: 'message', data: 'b' },
      { event: 'message', data: 'c', id: '' },
    ]);
  });

  it('ignores an id containing NUL', () => {
    expect(decode('id: 5\ndata: a\n\nid: 6\u00007\ndata: b\n\n')).toEqual([
      { event: 'message', data: 'a', id: '5' },
      { event: 'message', data: 'b' },
    ]);
  });

  it('accepts a retry made of ASCII digits only', () => {
    const events = decode(
      'retry: 3000\ndata: a\n\n',
      ...['', '-1', '1.5', '12a', ' 7', '１２', '3\u0661'].map(
        (bad) => `retry: ${bad}\ndata: b\n\n`,
      ),
    );
    expect(events[0]).toEqual({ event: 'message', data: 'a', retry: 3000 });
    expect(events).toHaveLength(8);
    expect(events.slice(1).every((event) => event.retry === undefined)).toBe(true);
  });

  it('applies the fields of a block to its event even after a comment', () => {
    expect(decode(': hi\nevent: e\n: there\nid: 9\nretry: 5\ndata: x\n\n')).toEqual([
      { event: 'e', data: 'x', id: '9', retry: 5 },
    ]);
  });

  it('strips a byte order mark at the start of the stream, also when split', () => {
    const expected = [{ event: 'message', data: 'a' }];
    expect(decode(Uint8Array.of(0xef, 0xbb, 0xbf), 'data: a\n\n')).toEqual(expected);
    expect(decode(Uint8Array.of(0xef), Uint8Array.of(0xbb, 0xbf), 'data: a\n\n')).toEqual(expected);
  });

  it('does not strip a byte order mark later in the stream', () => {
    expect(decode('data: a\n\n\uFEFFdata: b\n\n')).toEqual([{ event: 'message', data: 'a' }]);
    // At the start of a later read, whichever decoder that read goes to.
    const later = [{ event: 'message', data: 'a' }];
    expect(decode('data: a\n\n', '\uFEFFdata: b\n\n')).toEqual(later);
    expect(decode('data: a\n\n', 'data: c\n\n', '\uFEFFdata: b\n\n')).toEqual([
      ...later,
      { event: 'message', data: 'c' },
    ]);
    expect(decode('data: 你\n\n', '\uFEFFdata: b\n\n')).toEqual([{ event: 'message', data: '你' }]);
  });

  it('discards an incomplete event at the end of the stream', () => {
    expect(decode('data: a\n\ndata: b\n')).toEqual([{ event: 'message', data: 'a' }]);
    expect(decode('data: a\n\ndata: b')).toEqual([{ event: 'message', data: 'a' }]);
    expect(decode('data: a\n\ndata: b\r')).toEqual([{ event: 'message', data: 'a' }]);
  });

  it('starts clean after end()', () => {
    const events: SSEEvent[] = [];
    const decoder = new SSEDecoder((event) => events.push(event));
    decoder.push(bytes('event: x\ndata: partial'));
    decoder.end();
    decoder.push(bytes('data: next\n\n'));
    expect(events).toEqual([{ event: 'message', data: 'next' }]);
  });

  it('starts clean after a stream that ended inside a multi-byte character', () => {
    const events: SSEEvent[] = [];
    const decoder = new SSEDecoder((event) => events.push(event));
    // Multi-byte text first, so the next chunk goes through the streaming decoder.
    decoder.push(bytes('data: 你好\n\ndata: 好'));
    decoder.push(Uint8Array.of(0xe4, 0xbd));
    decoder.end();
    decoder.push(bytes('data: 再见\n\n'));
    expect(events.map((event) => event.data)).toEqual(['你好', '再见']);
  });

  it('decodes multi-byte UTF-8 split at every byte', () => {
    const text = 'data: 你好，世界 🙂 ñ\n\n';
    const data = bytes(text);
    for (let offset = 0; offset <= data.length; offset++) {
      for (let second = offset; second <= data.length; second++) {
        expect(decode(...splitAt(data, [offset, second]))).toEqual([
          { event: 'message', data: '你好，世界 🙂 ñ' },
        ]);
      }
    }
  });

  it('replaces invalid UTF-8 instead of failing', () => {
    expect(decode(Uint8Array.of(0x64, 0x61, 0x74, 0x61, 0x3a, 0xff, 0x0a, 0x0a))).toEqual([
      { event: 'message', data: '\uFFFD' },
    ]);
  });

  it('replaces a sequence cut short by the next chunk without losing the line break', () => {
    expect(decode('data: a', Uint8Array.of(0xf0), '\n\n')).toEqual([
      { event: 'message', data: 'a\uFFFD' },
    ]);
    expect(decode('data: a', Uint8Array.of(0xe4, 0xbd), 'b\n\n')).toEqual([
      { event: 'message', data: 'a\uFFFDb' },
    ]);
  });

  it('ends cleanly when the stream stops inside a multi-byte character', () => {
    expect(decode('data: x\n\ndata: ', Uint8Array.of(0xe4, 0xbd))).toEqual([
      { event: 'message', data: 'x' },
    ]);
  });

  it('assembles a data line spread over many chunks', () => {
    const payload = 'x'.repeat(100_000);
    const data = bytes(`data: ${payload}\n\n`);
    const offsets: number[] = [];
    for (let at = 1000; at < data.length; at += 1000) offsets.push(at);
    expect(decode(...splitAt(data, offsets))).toEqual([{ event: 'message', data: payload }]);
  });

  it('dispatches events in order from one chunk', () => {
    const text = Array.from({ length: 100 }, (_, i) => `data: ${i}\n\n`).join('');
    expect(decode(text).map((event) => event.data)).toEqual(
      Array.from({ length: 100 }, (_, i) => String(i)),
    );
  });

  it('drops the rest of the event when the callback throws, then keeps decoding', () => {
    const events: SSEEvent[] = [];
    let fail = true;
    const decoder = new SSEDecoder((event) => {
      if (fail) {
        fail = false;
        throw new Error('boom');
      }
      events.push(event);
    });
    expect(() => decoder.push(bytes('event: a\ndata: 1\n\n'))).toThrow('boom');
    decoder.push(bytes('data: 2\n\n'));
    expect(events).toEqual([{ event: 'message', data: '2' }]);
  });
});
