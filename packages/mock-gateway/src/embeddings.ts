import { encodeBase64 } from './base64.js';
import type { RequestContext } from './context.js';
import { invalidField } from './errors.js';
import { jsonResponse } from './http.js';
import { createRandom, hashString } from './random.js';
import { countTokens } from './text.js';

/** Native vector length of an embedding model (1536 unless the id says -large). */
export function defaultDimensions(model: string): number {
  return /-3-large/.test(model) ? 3072 : 1536;
}

function addSeeded(vector: Float64Array, seed: string, weight: number): void {
  const random = createRandom(hashString(seed));
  for (let i = 0; i < vector.length; i++) {
    vector[i] = (vector[i] as number) + (random() * 2 - 1) * weight;
  }
}

// Chinese, Japanese and Korean write no spaces: each of their characters counts as a word, so
// 我喜欢猫 and 我喜欢小猫咪 share four; other letters and digits group into words.
const WORDS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{N}])+/gu;

/**
 * A deterministic unit vector for a text: the sum of one seeded random vector per word plus one
 * for the whole text, so texts sharing words have a higher cosine similarity.
 */
export function embed(text: string, dimensions: number): Float32Array {
  const vector = new Float64Array(dimensions);
  const words = new Set(text.toLowerCase().match(WORDS) ?? []);
  let count = 0;
  for (const word of words) {
    if (count++ >= 256) break;
    addSeeded(vector, `word:${word}`, 1);
  }
  addSeeded(vector, `text:${text}`, 0.5);
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  const out = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i++) out[i] = (vector[i] as number) / norm;
  return out;
}

/** Little-endian float32 bytes of a vector, base64 encoded (the `encoding_format: "base64"` wire form). */
export function vectorToBase64(vector: Float32Array): string {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < vector.length; i++) view.setFloat32(i * 4, vector[i] as number, true);
  return encodeBase64(bytes);
}

function readInputs(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value === '' ? undefined : [value];
  if (!Array.isArray(value) || value.length === 0 || value.length > 2048) return undefined;
  if (value.every((item) => typeof item === 'number')) return [value.map((t) => `#${t}`).join(' ')];
  if (value.every((item) => typeof item === 'string' && item !== '')) return value as string[];
  if (value.every((item) => Array.isArray(item) && item.length > 0)) {
    return value.map((item: unknown[]) => item.map((t) => `#${String(t)}`).join(' '));
  }
  return undefined;
}

/** POST /v1/embeddings. */
export function handleEmbeddings(ctx: RequestContext): Response {
  const body = ctx.body;
  if (typeof body.model !== 'string' || body.model === '') return invalidField(ctx, 'model');
  if (body.input === undefined || body.input === null) return invalidField(ctx, 'input');
  const inputs = readInputs(body.input);
  if (!inputs) {
    return invalidField(
      ctx,
      'input',
      "'$.input' is invalid: give a non-empty string or an array of 1 to 2048 non-empty strings or token arrays",
    );
  }
  const format = body.encoding_format ?? 'float';
  if (format !== 'float' && format !== 'base64') {
    return invalidField(ctx, 'encoding_format', "encoding_format must be 'float' or 'base64'");
  }
  const native = defaultDimensions(body.model);
  let dimensions = native;
  if (body.dimensions !== undefined && body.dimensions !== null) {
    if (!/-3-/.test(body.model)) {
      return invalidField(ctx, 'dimensions', 'This model does not support specifying dimensions.');
    }
    const d = body.dimensions;
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 1 || d > native) {
      return invalidField(
        ctx,
        'dimensions',
        `dimensions must be an integer between 1 and ${native}`,
      );
    }
    dimensions = d;
  }
  const tokens = inputs.reduce((sum, text) => sum + countTokens(text), 0);
  return jsonResponse(ctx, {
    object: 'list',
    data: inputs.map((text, index) => {
      const vector = embed(text, dimensions);
      return {
        object: 'embedding',
        index,
        embedding: format === 'base64' ? vectorToBase64(vector) : Array.from(vector),
      };
    }),
    model: body.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  });
}
