import { describe, expect, it } from 'vitest';
import { createGateway } from './index.js';
import { encodeWav, wavDuration } from './wav.js';

const URL_SPEECH = 'http://mock.test/v1/audio/speech';
const URL_TRANSCRIPTIONS = 'http://mock.test/v1/audio/transcriptions';
const URL_TRANSLATIONS = 'http://mock.test/v1/audio/translations';

function post(body: unknown): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

describe('POST /v1/audio/speech', () => {
  it('answers a PCM 16-bit mono 24 kHz WAV labelled audio/wav', async () => {
    const gateway = createGateway();
    const response = await gateway.fetch(
      URL_SPEECH,
      post({ model: 'tts-1', voice: 'alloy', input: 'Hello world', response_format: 'wav' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const view = new DataView(bytes.buffer);
    expect(ascii(bytes, 0, 4)).toBe('RIFF');
    expect(ascii(bytes, 8, 16)).toBe('WAVEfmt ');
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint32(24, true)).toBe(24_000);
    expect(view.getUint16(34, true)).toBe(16);
    expect(ascii(bytes, 36, 40)).toBe('data');
    expect(view.getUint32(40, true)).toBe(bytes.length - 44);
  });

  it('makes longer audio for longer input', async () => {
    const gateway = createGateway();
    const duration = async (input: string) =>
      wavDuration(
        new Uint8Array(
          await (
            await gateway.fetch(URL_SPEECH, post({ model: 'tts-1', voice: 'nova', input }))
          ).arrayBuffer(),
        ),
      ) ?? 0;
    expect(await duration('one two three four five six seven eight')).toBeGreaterThan(
      await duration('one'),
    );
  });

  it('answers WAV bytes labelled audio/wav for the default mp3 format, and raw PCM for pcm', async () => {
    const gateway = createGateway();
    const mp3 = await gateway.fetch(
      URL_SPEECH,
      post({ model: 'tts-1', voice: 'alloy', input: 'hi' }),
    );
    expect(mp3.headers.get('content-type')).toBe('audio/wav');
    const pcm = await gateway.fetch(
      URL_SPEECH,
      post({ model: 'tts-1', voice: 'alloy', input: 'hi', response_format: 'pcm' }),
    );
    expect(pcm.headers.get('content-type')).toBe('audio/pcm');
    const bytes = new Uint8Array(await pcm.arrayBuffer());
    expect(ascii(bytes, 0, 4)).not.toBe('RIFF');
    expect(bytes.length % 2).toBe(0);
  });

  it('rejects input over 4096 bytes with 400 text_too_long', async () => {
    const gateway = createGateway();
    const response = await gateway.fetch(
      URL_SPEECH,
      post({ model: 'tts-1', voice: 'alloy', input: 'a'.repeat(4097) }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'text_too_long', param: 'input' });
  });

  it('rejects a missing voice or an unknown format with 400 naming the field', async () => {
    const gateway = createGateway();
    const voice = await gateway.fetch(URL_SPEECH, post({ model: 'tts-1', input: 'x' }));
    expect((await voice.json()).error.param).toBe('voice');
    const format = await gateway.fetch(
      URL_SPEECH,
      post({ model: 'tts-1', voice: 'alloy', input: 'x', response_format: 'ogg' }),
    );
    expect((await format.json()).error.param).toBe('response_format');
  });

  it('streams speech.audio.delta events then speech.audio.done with stream_format sse', async () => {
    const gateway = createGateway();
    const text = await (
      await gateway.fetch(
        URL_SPEECH,
        post({
          model: 'gpt-4o-mini-tts',
          voice: 'coral',
          input: 'Stream this speech please',
          stream_format: 'sse',
        }),
      )
    ).text();
    const events = text
      .split('\n\n')
      .filter(Boolean)
      .map((event) => JSON.parse(event.slice(6)));
    expect(events[0].type).toBe('speech.audio.delta');
    expect(events.at(-1).type).toBe('speech.audio.done');
    expect(events.at(-1).usage.total_tokens).toBeGreaterThan(0);
  });
});

function audioForm(
  fields: Record<string, string | string[]>,
  file?: Blob,
  name = 'speech.wav',
): FormData {
  const form = new FormData();
  if (file) form.append('file', file, name);
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
  }
  return form;
}

// 10 seconds of silence at 24 kHz.
const wav = () =>
  new Blob([encodeWav(new Int16Array(240_000)) as Uint8Array<ArrayBuffer>], { type: 'audio/wav' });

describe('POST /v1/audio/transcriptions and translations', () => {
  it('answers json {text} by default, the same for the same file', async () => {
    const gateway = createGateway();
    const ask = async () =>
      (
        await gateway.fetch(URL_TRANSCRIPTIONS, {
          method: 'POST',
          body: audioForm({ model: 'whisper-1' }, wav()),
        })
      ).json();
    const first = await ask();
    expect(first.text.length).toBeGreaterThan(10);
    expect((await ask()).text).toBe(first.text);
  });

  it('answers text, srt and vtt as plain text with proper timestamps', async () => {
    const gateway = createGateway();
    const get = async (format: string) =>
      (
        await gateway.fetch(URL_TRANSCRIPTIONS, {
          method: 'POST',
          body: audioForm({ model: 'whisper-1', response_format: format }, wav()),
        })
      ).text();
    const text = await get('text');
    expect(text.endsWith('\n')).toBe(true);
    const srt = await get('srt');
    expect(srt).toMatch(/^1\n00:00:00,000 --> 00:00:0\d,\d{3}\n\S.*\n\n2\n/);
    expect(srt).toContain('--> 00:00:10,000');
    const vtt = await get('vtt');
    expect(vtt).toMatch(/^WEBVTT\n\n00:00:00\.000 --> 00:00:0\d\.\d{3}\n\S/);
  });

  it('answers verbose_json with the real WAV duration, segments and words when asked', async () => {
    const gateway = createGateway();
    const body = await (
      await gateway.fetch(URL_TRANSCRIPTIONS, {
        method: 'POST',
        body: audioForm(
          {
            model: 'whisper-1',
            response_format: 'verbose_json',
            language: 'en',
            'timestamp_granularities[]': ['word', 'segment'],
          },
          wav(),
        ),
      })
    ).json();
    expect(body).toMatchObject({ task: 'transcribe', language: 'english', duration: 10 });
    expect(body.segments.length).toBeGreaterThan(1);
    expect(body.segments[0]).toMatchObject({ id: 0, start: 0, text: expect.any(String) });
    expect(body.segments.at(-1).end).toBe(10);
    expect(body.words.length).toBeGreaterThan(body.segments.length);
    expect(body.words[0]).toEqual({ word: expect.any(String), start: 0, end: expect.any(Number) });
  });

  it('translates into English', async () => {
    const gateway = createGateway();
    const body = await (
      await gateway.fetch(URL_TRANSLATIONS, {
        method: 'POST',
        body: audioForm({ model: 'whisper-1', response_format: 'verbose_json' }, wav()),
      })
    ).json();
    expect(body.task).toBe('translate');
    expect(body.language).toBe('english');
    expect(body.text).toMatch(/[a-z]/);
  });

  it('rejects a missing file or model, and a non-audio file, with 400 naming the field', async () => {
    const gateway = createGateway();
    const noFile = await gateway.fetch(URL_TRANSCRIPTIONS, {
      method: 'POST',
      body: audioForm({ model: 'whisper-1' }),
    });
    expect(noFile.status).toBe(400);
    expect((await noFile.json()).error.param).toBe('file');
    const noModel = await gateway.fetch(URL_TRANSCRIPTIONS, {
      method: 'POST',
      body: audioForm({}, wav()),
    });
    expect((await noModel.json()).error.param).toBe('model');
    const text = await gateway.fetch(URL_TRANSCRIPTIONS, {
      method: 'POST',
      body: audioForm(
        { model: 'whisper-1' },
        new Blob(['not audio'], { type: 'text/plain' }),
        'notes.txt',
      ),
    });
    expect((await text.json()).error.code).toBe('invalid_file_format');
  });

  it('rejects srt for gpt-4o-transcribe', async () => {
    const gateway = createGateway();
    const response = await gateway.fetch(URL_TRANSCRIPTIONS, {
      method: 'POST',
      body: audioForm({ model: 'gpt-4o-transcribe', response_format: 'srt' }, wav()),
    });
    expect((await response.json()).error.param).toBe('response_format');
  });
});
