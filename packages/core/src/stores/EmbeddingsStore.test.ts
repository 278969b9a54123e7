import { createGateway } from '@aitre/mock-gateway';
import { describe, expect, it } from 'vitest';
import { createClient } from '../client/index.js';
import { cosineSimilarity } from './cosineSimilarity.js';
import { EmbeddingsStore } from './EmbeddingsStore.js';

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

describe('EmbeddingsStore', () => {
  it('embeds several inputs into Float32Array vectors in order, with usage', async () => {
    const { client } = setup();
    const store = new EmbeddingsStore(client, { model: 'text-embedding-3-small' });
    const vectors = await store.embed(['a cat', 'a cat', 'quantum chromodynamics']);
    const snapshot = store.getSnapshot();
    expect(snapshot.status).toBe('success');
    expect(vectors).toHaveLength(3);
    expect(snapshot.vectors[0]).toBeInstanceOf(Float32Array);
    expect(snapshot.usage?.total_tokens).toBeGreaterThan(0);
    const [a, b] = snapshot.vectors;
    expect(cosineSimilarity(a!, b!)).toBeCloseTo(1, 5);
  });

  it('embeds one input', async () => {
    const { client } = setup();
    const store = new EmbeddingsStore(client);
    expect(await store.embed('hello')).toHaveLength(1);
  });

  it('rejects empty input before any request', async () => {
    const { client, requests } = setup();
    const store = new EmbeddingsStore(client);
    await store.embed('');
    expect(store.getSnapshot()).toMatchObject({ status: 'error' });
    expect(store.getSnapshot().error).toMatchObject({ kind: 'validation', code: 'input_empty' });
    expect(requests()).toBe(0);
  });
});
