'use client';
import { forwardRef } from 'react';
import { EmbeddingsInputs } from './EmbeddingsInputs.js';
import {
  EmbeddingsPlaygroundRoot,
  type EmbeddingsPlaygroundRootProps,
} from './EmbeddingsPlaygroundRoot.js';
import { EmbeddingsResults } from './EmbeddingsResults.js';

/** Props of {@link EmbeddingsPlayground}. */
export type EmbeddingsPlaygroundProps = Omit<EmbeddingsPlaygroundRootProps, 'children'>;

const EmbeddingsPlaygroundBase = forwardRef<HTMLDivElement, EmbeddingsPlaygroundProps>(
  function EmbeddingsPlayground(props, ref) {
    return (
      <EmbeddingsPlaygroundRoot {...props} ref={ref}>
        <EmbeddingsInputs />
        <EmbeddingsResults />
      </EmbeddingsPlaygroundRoot>
    );
  },
);

/**
 * Embeds two or more texts and shows how alike they are (cosine similarity of every pair),
 * with the vector size and token usage. Parts: `EmbeddingsPlayground.Root`, `.Inputs`,
 * `.Results`. @selector [data-status="embedding"]
 */
export const EmbeddingsPlayground = Object.assign(EmbeddingsPlaygroundBase, {
  Root: EmbeddingsPlaygroundRoot,
  Inputs: EmbeddingsInputs,
  Results: EmbeddingsResults,
});
