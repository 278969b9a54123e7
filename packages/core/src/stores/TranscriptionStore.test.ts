import { createGateway } from '@aitre/mock-gateway';
import { describe, expect, it } from 'vitest';
import { createClient } from '../client/index.js';
import { subtitleText, TranscriptionStore } from './TranscriptionStore.js';

function setup() {
  const gateway = createGateway();
  let requests = 0;
  const client = createClient({
    baseURL: 'http://127.0.0.1:8787',
    fetch: (input, init) => {
      requests += 1;
      return gateway.fetch(input, init);
    },
  });
  return { client, requests: () => requests };
}

const audio = () => new File([new Uint8Array(2048)], 'hello.mp3', { type: 'audio/mpeg' });

describe('TranscriptionStore', () => {
  it('transcribes a file into text', async () => {
    const { client } = setup();
    const store = new TranscriptionStore(client);
    const pending = store.transcribe(audio(), { language: 'en' });
    expect(store.getSnapshot().status).toBe('transcribing');
    const result = await pending;
    expect(store.getSnapshot().status).toBe('success');
    expect(result?.text).toEqual(expect.any(String));
    expect(result?.text.length).toBeGreaterThan(0);
  });

  it('asks for verbose_json with segments and words when timestamps are wanted', async () => {
    const { client } = setup();
    const store = new TranscriptionStore(client);
    const result = await store.transcribe(audio(), { timestamps: true });
    expect(result?.segments?.length).toBeGreaterThan(0);
    expect(result?.words?.length).toBeGreaterThan(0);
    expect(typeof result?.duration).toBe('number');
  });

  it('keeps srt subtitles and derives their text', async () => {
    const { client } = setup();
    const store = new TranscriptionStore(client);
    const result = await store.transcribe(audio(), { format: 'srt' });
    expect(result?.srt).toContain('-->');
    expect(result?.text).not.toContain('-->');
  });

  it('translates in translate mode', async () => {
    const { client } = setup();
    const store = new TranscriptionStore(client, { mode: 'translate' });
    const result = await store.transcribe(audio());
    expect(result?.text.length).toBeGreaterThan(0);
  });

  it('rejects a wrong type and a file over 25 MB before any upload', async () => {
    const { client, requests } = setup();
    const store = new TranscriptionStore(client);
    await store.transcribe(new File(['x'], 'notes.txt', { type: 'text/plain' }));
    expect(store.getSnapshot().error).toMatchObject({ kind: 'validation', code: 'audio_type' });
    const huge = new File([new Uint8Array(26_214_401)], 'long.mp3', { type: 'audio/mpeg' });
    await store.transcribe(huge);
    expect(store.getSnapshot().error).toMatchObject({ code: 'audio_too_large' });
    expect(store.getSnapshot().status).toBe('error');
    expect(requests()).toBe(0);
  });

  it('uploads a recorder blob without a name', async () => {
    const { client } = setup();
    const store = new TranscriptionStore(client);
    const result = await store.transcribe(new Blob([new Uint8Array(512)], { type: 'audio/webm' }));
    expect(store.getSnapshot().error).toBeUndefined();
    expect(result?.text.length).toBeGreaterThan(0);
  });
});

describe('subtitleText', () => {
  it('joins the cue texts of SRT and WebVTT', () => {
    expect(
      subtitleText(
        '1\n00:00:00,000 --> 00:00:01,000\nHello\n\n2\n00:00:01,000 --> 00:00:02,000\nworld\n',
      ),
    ).toBe('Hello world');
    expect(subtitleText('WEBVTT\n\n00:00.000 --> 00:01.000\nHi there\n')).toBe('Hi there');
  });
});
