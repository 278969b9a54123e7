import { describe, expect, it } from 'vitest';
import { createGateway } from './index.js';

const URL_EMBEDDINGS = 'http://mock.test/v1/embeddings';

function post(body: unknown): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

const norm = (vector: number[]) => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
const dot = (a: number[], b: number[]) =>
  a.reduce((sum, value, i) => sum + value * (b[i] as number), 0);

describe('POST /v1/embeddings', () => {
  it('answers unit vectors of the model dimension, in input order, with usage', async () => {
    const gateway = createGateway();
    const body = await (
      await gateway.fetch(
        URL_EMBEDDINGS,
        post({ model: 'text-embedding-3-small', input: ['a cat', 'a dog'] }),
      )
    ).json();
    expect(body).toMatchObject({ object: 'list', model: 'text-embedding-3-small' });
    expect(body.data.map((item: { index: number }) => item.index)).toEqual([0, 1]);
    for (const item of body.data) {
      expect(item.object).toBe('embedding');
      expect(item.embedding).toHaveLength(1536);
      expect(norm(item.embedding)).toBeCloseTo(1, 5);
    }
    expect(body.usage.prompt_tokens).toBeGreaterThan(0);
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens);
  });

  it('is deterministic and closer for texts sharing words', async () => {
    const gateway = createGateway();
    const body = await (
      await gateway.fetch(
        URL_EMBEDDINGS,
        post({
          model: 'text-embedding-3-small',
          input: [
            'red fox in snow',
            'red fox in the snow',
            'quarterly tax report',
            'red fox in snow',
          ],
        }),
      )
    ).json();
    const [a, b, c, again] = body.data.map((item: { embedding: number[] }) => item.embedding);
    expect(again).toEqual(a);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c));
  });

  it('finds Chinese texts sharing characters close, though they have no spaces', async () => {
    const gateway = createGateway();
    const body = await (
      await gateway.fetch(
        URL_EMBEDDINGS,
        post({
          model: 'text-embedding-3-small',
          input: ['我喜欢猫', '我喜欢小猫咪', '季度税务报告', 'I like cats 我喜欢猫'],
        }),
      )
    ).json();
    const [cat, kitten, tax, mixed] = body.data.map(
      (item: { embedding: number[] }) => item.embedding,
    );
    expect(dot(cat, kitten)).toBeGreaterThan(0.5);
    expect(Math.abs(dot(cat, tax))).toBeLessThan(0.2);
    expect(dot(cat, mixed)).toBeGreaterThan(0.4);
  });

  it('uses 3072 dimensions for -3-large and honours dimensions', async () => {
    const gateway = createGateway();
    const large = await (
      await gateway.fetch(URL_EMBEDDINGS, post({ model: 'text-embedding-3-large', input: 'x' }))
    ).json();
    expect(large.data[0].embedding).toHaveLength(3072);
    const short = await (
      await gateway.fetch(
        URL_EMBEDDINGS,
        post({ model: 'text-embedding-3-large', input: 'x', dimensions: 256 }),
      )
    ).json();
    expect(short.data[0].embedding).toHaveLength(256);
    expect(norm(short.data[0].embedding)).toBeCloseTo(1, 5);
  });

  it('encodes base64 as little-endian float32 bytes of the same vector', async () => {
    const gateway = createGateway();
    const input = 'same text';
    const floats = await (
      await gateway.fetch(URL_EMBEDDINGS, post({ model: 'text-embedding-3-small', input }))
    ).json();
    const b64 = await (
      await gateway.fetch(
        URL_EMBEDDINGS,
        post({ model: 'text-embedding-3-small', input, encoding_format: 'base64' }),
      )
    ).json();
    expect(typeof b64.data[0].embedding).toBe('string');
    const bytes = Uint8Array.from(atob(b64.data[0].embedding), (char) => char.charCodeAt(0));
    const decoded = Array.from(new Float32Array(bytes.buffer));
    expect(decoded).toEqual(floats.data[0].embedding);
  });

  it('rejects empty input, a missing model and dimensions on ada-002 with 400', async () => {
    const gateway = createGateway();
    const empty = await gateway.fetch(
      URL_EMBEDDINGS,
      post({ model: 'text-embedding-3-small', input: ['ok', ''] }),
    );
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.param).toBe('input');
    const noModel = await gateway.fetch(URL_EMBEDDINGS, post({ input: 'x' }));
    expect((await noModel.json()).error.param).toBe('model');
    const ada = await gateway.fetch(
      URL_EMBEDDINGS,
      post({ model: 'text-embedding-ada-002', input: 'x', dimensions: 8 }),
    );
    expect((await ada.json()).error.param).toBe('dimensions');
  });
});
