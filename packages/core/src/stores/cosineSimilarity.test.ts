import { describe, expect, it } from 'vitest';
import { cosineSimilarity } from './cosineSimilarity.js';

describe('cosineSimilarity', () => {
  it('is 1 for parallel, 0 for orthogonal and -1 for opposite vectors', () => {
    expect(cosineSimilarity([1, 2, 3], [2, 4, 6])).toBeCloseTo(1);
    expect(cosineSimilarity(new Float32Array([1, 0]), new Float32Array([0, 1]))).toBe(0);
    expect(cosineSimilarity([1, 1], [-1, -1])).toBeCloseTo(-1);
  });

  it('answers 0 for a zero vector and throws on different lengths', () => {
    expect(cosineSimilarity([0, 0], [1, 2])).toBe(0);
    expect(() => cosineSimilarity([1], [1, 2])).toThrow(RangeError);
  });
});
