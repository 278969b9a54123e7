import { encodeBase64 } from './base64.js';
import type { RequestContext } from './context.js';
import { errorResponse, invalidField } from './errors.js';
import { bytesResponse } from './http.js';
import { createRandom, hashString } from './random.js';
import { sseData, sseResponse } from './stream.js';
import { countTokens } from './text.js';
import { encodeWav, pcmBytes, SAMPLE_RATE } from './wav.js';

/** Voices OpenAI's speech models accept. */
export const VOICES = [
  'alloy',
  'ash',
  'ballad',
  'coral',
  'echo',
  'fable',
  'onyx',
  'nova',
  'sage',
  'shimmer',
  'verse',
  'marin',
  'cedar',
];

const FORMATS = ['mp3', 'opus', 'aac', 'flac', 'wav', 'pcm'];
const MAX_SECONDS = 90;

/**
 * "Speech" for a text: one short tone per word, its pitch from the word and the voice, its length
 * from the word's length, so the audio lasts longer for longer input (capped at 90 s).
 */
export function synthesize(input: string, voice: string, speed: number): Int16Array {
  const words = input.match(/[\p{L}\p{N}]+/gu) ?? [input];
  const random = createRandom(hashString(voice));
  const base = 140 + random() * 160;
  const parts: { frequency: number; samples: number; gap: number }[] = [];
  let total = 0;
  for (const word of words) {
    const samples = Math.round(((0.09 + Math.min(12, word.length) * 0.035) / speed) * SAMPLE_RATE);
    const gap = Math.round((0.05 / speed) * SAMPLE_RATE);
    if (total + samples + gap > MAX_SECONDS * SAMPLE_RATE) break;
    parts.push({ frequency: base * (1 + (hashString(word) % 100) / 100), samples, gap });
    total += samples + gap;
  }
  const out = new Int16Array(Math.max(total, SAMPLE_RATE / 10));
  let offset = 0;
  for (const part of parts) {
    const fade = Math.min(240, part.samples / 4);
    for (let i = 0; i < part.samples; i++) {
      // A short fade in and out avoids clicks at tone edges.
      const envelope = Math.min(1, i / fade, (part.samples - i) / fade);
      out[offset + i] = Math.round(
        Math.sin((2 * Math.PI * part.frequency * i) / SAMPLE_RATE) * envelope * 9000,
      );
    }
    offset += part.samples + part.gap;
  }
  return out;
}

/** POST /v1/audio/speech: WAV (or raw PCM) bytes, or SSE `speech.audio.delta` events with `stream_format: "sse"`. */
export function handleSpeech(ctx: RequestContext): Response {
  const body = ctx.body;
  if (typeof body.model !== 'string' || body.model === '') return invalidField(ctx, 'model');
  if (typeof body.input !== 'string' || body.input === '') return invalidField(ctx, 'input');
  // Counted in UTF-8 bytes like one-api (stricter than OpenAI's characters): ~1,365 CJK characters.
  if (new TextEncoder().encode(body.input).length > 4096) {
    return errorResponse(ctx, 400, 'input is too long (over 4096 characters)', {
      type: 'invalid_request_error',
      code: 'text_too_long',
      param: 'input',
    });
  }
  if (typeof body.voice !== 'string' || body.voice === '') return invalidField(ctx, 'voice');
  if (!VOICES.includes(body.voice)) {
    return invalidField(ctx, 'voice', `voice must be one of ${VOICES.join(', ')}`);
  }
  const format = body.response_format ?? 'mp3';
  if (typeof format !== 'string' || !FORMATS.includes(format)) {
    return invalidField(
      ctx,
      'response_format',
      `response_format must be one of ${FORMATS.join(', ')}`,
    );
  }
  const speed = body.speed ?? 1;
  if (typeof speed !== 'number' || speed < 0.25 || speed > 4) {
    return invalidField(ctx, 'speed', 'speed must be a number between 0.25 and 4');
  }
  const samples = synthesize(body.input, body.voice, speed);
  if (body.stream_format === 'sse') {
    if (/^tts-1/.test(body.model)) {
      return invalidField(
        ctx,
        'stream_format',
        `stream_format "sse" is not supported by ${body.model}`,
      );
    }
    const pcm = pcmBytes(samples);
    const inputTokens = countTokens(body.input);
    async function* frames(): AsyncGenerator<string> {
      const step = SAMPLE_RATE; // half a second of 16-bit audio per event
      for (let offset = 0; offset < pcm.length; offset += step) {
        yield sseData({
          type: 'speech.audio.delta',
          audio: encodeBase64(pcm.subarray(offset, offset + step)),
        });
      }
      const outputTokens = Math.ceil(pcm.length / 1000);
      yield sseData({
        type: 'speech.audio.done',
        usage: {
          input_tokens: inputTokens,
          output_tokens: outputTokens,
          total_tokens: inputTokens + outputTokens,
        },
      });
    }
    return sseResponse(ctx, frames());
  }
  if (format === 'pcm') return bytesResponse(ctx, pcmBytes(samples), 'audio/pcm');
  // The mock has no mp3/opus/aac/flac encoder: every other format gets WAV bytes, labelled
  // honestly as audio/wav so players decode them correctly.
  return bytesResponse(ctx, encodeWav(samples), 'audio/wav');
}
