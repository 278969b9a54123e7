'use client';
import type { UseEmbeddingsResult } from '@aitre/react';
import { createContext, useContext } from 'react';

/** What the parts of EmbeddingsPlayground share. */
export interface EmbeddingsContextValue {
  /** The `useEmbeddings` result. */
  embeddings: UseEmbeddingsResult;
  /** The texts to compare (two or more). */
  texts: string[];
  /** Replaces one text. */
  setText(index: number, text: string): void;
  /** Adds an empty text. */
  addText(): void;
  /** Removes a text (two always stay). */
  removeText(index: number): void;
  /** The texts the shown vectors belong to. */
  embeddedTexts: string[];
  /** The embedding model. */
  model: string;
  /** Chooses the model. */
  setModel(model: string): void;
  /** Output dimensions, undefined for the model's own. */
  dimensions: number | undefined;
  /** Sets the output dimensions. */
  setDimensions(dimensions: number | undefined): void;
  /** Embeds every text in one request. */
  embed(): void;
}

/** The context behind EmbeddingsPlayground's parts. */
export const EmbeddingsContext = createContext<EmbeddingsContextValue | null>(null);

/** The nearest EmbeddingsPlayground's state; throws outside `EmbeddingsPlayground.Root`. */
export function useEmbeddingsPlayground(): EmbeddingsContextValue {
  const value = useContext(EmbeddingsContext);
  if (!value) {
    throw new Error(
      'EmbeddingsPlayground parts must be rendered inside <EmbeddingsPlayground.Root>.',
    );
  }
  return value;
}
