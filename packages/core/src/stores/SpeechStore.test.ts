import { createGateway } from '@aitre/mock-gateway';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../client/index.js';
import { SpeechStore } from './SpeechStore.js';

/** One TTS request as the gateway saw it, with the audio it answered. */
interface SpeechCall {
  input: string;
  format: string;
  signal: AbortSignal;
  audio: Promise<Uint8Array>;
}

/** A client on the mock gateway; `mode(i)` can keep request i unanswered until aborted, or fail it. */
function setup(mode: (index: number) => 'answer' | 'hold' | 'fail' = () => 'answer') {
  const gateway = createGateway();
  const calls: SpeechCall[] = [];
  const client = createClient({
    baseURL: 'http://127.0.0.1:8787',
    fetch: (input, init) => {
      const body = JSON.parse(String(init?.body));
      const signal = init?.signal as AbortSignal;
      const how = mode(calls.length);
      const answer =
        how === 'hold'
          ? new Promise<Response>((_, reject) => {
              signal.addEventListener('abort', () => reject(signal.reason));
            })
          : how === 'fail'
            ? Promise.resolve(
                Response.json({ error: { message: 'upstream failed' } }, { status: 500 }),
              )
            : gateway.fetch(input, init);
      const audio = answer.then(async (r) => new Uint8Array(await r.clone().arrayBuffer()));
      // Held requests end aborted; tests read only the audio of answered ones.
      audio.catch(() => undefined);
      calls.push({ input: body.input, format: body.response_format, signal, audio });
      return answer;
    },
  });
  return { client, calls, requests: () => calls.length };
}

const utf8 = (text: string) => new TextEncoder().encode(text).length;

/** The RIFF size, fmt chunk and data of a WAV file, read chunk by chunk. */
function readWav(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  expect(tag(0) + tag(8)).toBe('RIFFWAVE');
  const chunks: Record<string, Uint8Array> = {};
  for (let at = 12; at + 8 <= bytes.length; ) {
    const size = view.getUint32(at + 4, true);
    chunks[tag(at)] = bytes.subarray(at + 8, at + 8 + size);
    at += 8 + size + (size % 2);
  }
  return { riffSize: view.getUint32(4, true), fmt: chunks['fmt '], data: chunks.data };
}

/** The bytes one after another. */
function concat(parts: (Uint8Array | undefined)[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + (part?.length ?? 0), 0));
  let at = 0;
  for (const part of parts) {
    out.set(part ?? [], at);
    at += part?.length ?? 0;
  }
  return out;
}

/** Byte equality without a deep-equal walk over megabytes of audio. */
function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a?.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** A WAV file with a LIST chunk of odd size (so a pad byte) before its data. */
function wavWithList(data: Uint8Array): Uint8Array<ArrayBuffer> {
  const fmt = [1, 0, 1, 0, 0xc0, 0x5d, 0, 0, 0x80, 0xbb, 0, 0, 2, 0, 16, 0];
  const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
  const u32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24];
  const body = [
    ...ascii('WAVE'),
    ...ascii('fmt '),
    ...u32(16),
    ...fmt,
    ...ascii('LIST'),
    ...u32(3),
    1,
    2,
    3,
    0,
    ...ascii('data'),
    ...u32(data.length),
    ...data,
  ];
  return new Uint8Array([...ascii('RIFF'), ...u32(body.length), ...body]);
}

/** 2,000 Chinese characters in sentences: under 4096 characters, about 6,000 UTF-8 bytes. */
const CHINESE = `${'今天天气很好，我们一起去公园散步吧'.repeat(5)}。`.repeat(24).slice(0, 2000);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('SpeechStore', () => {
  it('synthesizes audio into a blob and an object URL, revoked when replaced and disposed', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const { client } = setup();
    const store = new SpeechStore(client, { model: 'tts-1', voice: 'alloy' });
    const url = await store.speak('Hello there');
    const snapshot = store.getSnapshot();
    expect(snapshot.status).toBe('success');
    expect(snapshot.audioUrl).toBe(url);
    expect(url).toMatch(/^blob:/);
    expect(snapshot.blob?.size).toBeGreaterThan(0);
    expect(snapshot.blob?.type).toMatch(/^audio\//);
    const second = await store.speak('Hello again');
    expect(revoke).toHaveBeenCalledWith(url);
    store.dispose();
    expect(revoke).toHaveBeenCalledWith(second);
    expect(store.getSnapshot()).toMatchObject({ status: 'idle', audioUrl: undefined });
  });

  it('rejects input over 4096 characters and empty input before any request', async () => {
    const { client, requests } = setup();
    const store = new SpeechStore(client);
    await store.speak('x'.repeat(4097));
    expect(store.getSnapshot().error).toMatchObject({
      kind: 'validation',
      code: 'tts_input_too_long',
    });
    await store.speak('   ');
    expect(store.getSnapshot().error).toMatchObject({ code: 'input_empty' });
    expect(store.getSnapshot().status).toBe('error');
    expect(requests()).toBe(0);
  });

  it('speaks a 2,000-character Chinese text as parts of at most 4096 bytes, in order, joined into one WAV', async () => {
    const { client, calls } = setup();
    const store = new SpeechStore(client);
    expect(CHINESE).toHaveLength(2000);
    const url = await store.speak(CHINESE, { format: 'wav' });
    const { status, blob, error } = store.getSnapshot();
    expect(error).toBeUndefined();
    expect(status).toBe('success');
    expect(url).toMatch(/^blob:/);
    expect(calls.length).toBe(2);
    expect(calls.map((call) => call.input).join('')).toBe(CHINESE);
    for (const call of calls) expect(utf8(call.input)).toBeLessThanOrEqual(4096);
    expect(blob?.type).toBe('audio/wav');
    const merged = readWav(new Uint8Array(await (blob as Blob).arrayBuffer()));
    const parts = await Promise.all(calls.map(async (call) => readWav(await call.audio)));
    expect(merged.riffSize).toBe((blob as Blob).size - 8);
    expect(merged.fmt).toEqual(parts[0]?.fmt);
    expect(merged.data?.length).toBe(
      parts.reduce((sum, part) => sum + (part.data?.length ?? 0), 0),
    );
    expect(sameBytes(merged.data, concat(parts.map((part) => part.data)))).toBe(true);
  });

  it('joins split pcm audio byte-wise, in order', async () => {
    const { client, calls } = setup();
    const store = new SpeechStore(client);
    await store.speak(CHINESE, { format: 'pcm' });
    const { blob } = store.getSnapshot();
    const parts = await Promise.all(calls.map((call) => call.audio));
    expect(calls.map((call) => call.format)).toEqual(['pcm', 'pcm']);
    expect(sameBytes(new Uint8Array(await (blob as Blob).arrayBuffer()), concat(parts))).toBe(true);
  });

  it('asks for WAV when opus or flac text needs splitting, and keeps the format for one part', async () => {
    const { client, calls } = setup();
    const store = new SpeechStore(client);
    await store.speak(CHINESE, { format: 'opus' });
    expect(calls.map((call) => call.format)).toEqual(['wav', 'wav']);
    expect(store.getSnapshot().blob?.type).toBe('audio/wav');
    await store.speak('短句。', { format: 'flac' });
    expect(calls[2]?.format).toBe('flac');
  });

  it('merges WAV parts by their chunks, not by a fixed 44-byte header', async () => {
    const data = [new Uint8Array([1, 2, 3, 4]), new Uint8Array([5, 6, 7, 8, 9, 10])];
    let index = 0;
    const client = createClient({
      baseURL: 'http://127.0.0.1:8787',
      fetch: async () =>
        new Response(wavWithList(data[index++] as Uint8Array), {
          headers: { 'content-type': 'audio/wav' },
        }),
    });
    const store = new SpeechStore(client);
    await store.speak(CHINESE, { format: 'wav' });
    const merged = readWav(new Uint8Array(await (store.getSnapshot().blob as Blob).arrayBuffer()));
    expect(merged.data).toEqual(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(merged.fmt?.length).toBe(16);
  });

  it('still rejects over 4096 characters before any request, though every part would fit', async () => {
    const { client, requests } = setup();
    const store = new SpeechStore(client);
    await store.speak('好。'.repeat(2049));
    expect(store.getSnapshot().error).toMatchObject({ code: 'tts_input_too_long' });
    expect(requests()).toBe(0);
  });

  it('cancels every part when aborted mid-way, leaving no audio', async () => {
    const { client, calls } = setup((index) => (index > 0 ? 'hold' : 'answer'));
    const store = new SpeechStore(client);
    const spoken = store.speak(CHINESE);
    await vi.waitFor(() => expect(calls.length).toBe(2));
    await calls[0]?.audio;
    store.cancel();
    expect(await spoken).toBeUndefined();
    expect(calls.every((call) => call.signal.aborted)).toBe(true);
    expect(store.getSnapshot()).toMatchObject({
      status: 'idle',
      blob: undefined,
      error: undefined,
    });
  });

  it('fails with the error of a failing part and aborts the parts still running', async () => {
    const { client, calls } = setup((index) => (index === 0 ? 'hold' : 'fail'));
    const store = new SpeechStore(client);
    expect(await store.speak(CHINESE)).toBeUndefined();
    expect(store.getSnapshot()).toMatchObject({ status: 'error', error: { status: 500 } });
    expect(calls[0]?.signal.aborted).toBe(true);
  });
});
