import { cosineSimilarity } from '@aitre/core';

/** The cosine similarity of two inputs, by their indexes. */
export interface SimilarityPair {
  /** Index of the first input. */
  a: number;
  /** Index of the second input. */
  b: number;
  /** Cosine similarity, -1 to 1. */
  score: number;
}

/** Every pair of vectors (i < j) with its cosine similarity, in input order. */
export function similarityPairs(vectors: readonly ArrayLike<number>[]): SimilarityPair[] {
  const pairs: SimilarityPair[] = [];
  for (let a = 0; a < vectors.length; a++) {
    for (let b = a + 1; b < vectors.length; b++) {
      pairs.push({ a, b, score: cosineSimilarity(vectors[a]!, vectors[b]!) });
    }
  }
  return pairs;
}
