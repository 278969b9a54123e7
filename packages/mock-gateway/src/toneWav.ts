import { encodeWav } from './wav.js';

/**
 * A WAV file of a pure tone, for tests and stories that upload audio (the mock transcribes any
 * audio it is sent).
 *
 * @example
 * const file = new File([toneWav(3)], 'tone.wav', { type: 'audio/wav' });
 */
export function toneWav(
  seconds: number,
  frequency = 440,
  sampleRate = 8000,
): Uint8Array<ArrayBuffer> {
  const samples = new Int16Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i++) {
    samples[i] = Math.round(Math.sin((2 * Math.PI * frequency * i) / sampleRate) * 8000);
  }
  return encodeWav(samples, sampleRate);
}
