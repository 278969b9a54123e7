import { createClient } from '@aitre/core';
import { createGateway } from '@aitre/mock-gateway';
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { cosineSimilarity } from './index.js';
import { useEmbeddings } from './useEmbeddings.js';

afterEach(() => {
  cleanup();
});

describe('useEmbeddings', () => {
  it('embeds texts into vectors that cosineSimilarity compares', async () => {
    const gateway = createGateway();
    const client = createClient({ baseURL: 'http://127.0.0.1:8787', fetch: gateway.fetch });
    const { result } = renderHook(() => useEmbeddings({ model: 'text-embedding-3-small', client }));
    await act(async () => {
      await result.current.embed(['same text', 'same text']);
    });
    expect(result.current.status).toBe('success');
    const [a, b] = result.current.vectors;
    expect(a).toBeInstanceOf(Float32Array);
    expect(cosineSimilarity(a!, b!)).toBeCloseTo(1, 5);
  });
});
