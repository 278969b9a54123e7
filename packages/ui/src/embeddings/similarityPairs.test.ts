import { describe, expect, it } from 'vitest';
import { similarityPairs } from './similarityPairs.js';

describe('similarityPairs', () => {
  it('scores every pair once, in input order', () => {
    const pairs = similarityPairs([
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    expect(pairs.map(({ a, b }) => [a, b])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect(pairs[0]!.score).toBe(0);
    expect(pairs[1]!.score).toBeCloseTo(Math.SQRT1_2);
  });

  it('has no pairs for fewer than two vectors', () => {
    expect(similarityPairs([[1, 2]])).toEqual([]);
  });
});
