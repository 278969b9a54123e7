'use client';
import type { UseImageGenResult } from '@aitre/react';
import { createContext, useContext } from 'react';
import type { PaintedMask } from '../shared/MaskPainter.js';
import type { ImageOptionValues } from './imageOptions.js';

/** The image an edit starts from. */
export interface ImageEditSource {
  /** What to show. */
  url: string;
  /** The bytes sent as `image`. */
  blob: Blob;
}

/** What the parts of ImageStudio share: the image hook and the form state. */
export interface ImageStudioContextValue {
  /** The `useImageGen` result (status, history, error, actions). */
  gen: UseImageGenResult;
  /** The chosen model id. */
  model: string;
  /** Chooses a model and resets the options to its defaults. */
  setModel(model: string): void;
  /** Image models offered even when the gateway does not list them. */
  extraModels: readonly string[];
  /** The prompt text. */
  prompt: string;
  /** Replaces the prompt text. */
  setPrompt(prompt: string): void;
  /** The option values, only those valid for the model. */
  values: ImageOptionValues;
  /** Sets one option. */
  setValue<K extends keyof ImageOptionValues>(key: K, value: ImageOptionValues[K]): void;
  /** The image being edited, if any. */
  editSource: ImageEditSource | undefined;
  /** Starts editing an image (switching to an editing model when needed), or stops. */
  setEditSource(source: ImageEditSource | undefined): void;
  /** The painted mask of the edit. */
  mask: PaintedMask | undefined;
  /** Replaces the mask. */
  setMask(mask: PaintedMask | undefined): void;
  /** Generates images from the prompt and options. */
  generate(): void;
  /** Edits the edit source with the prompt and mask. */
  edit(): void;
}

/** The context behind ImageStudio's parts. */
export const ImageStudioContext = createContext<ImageStudioContextValue | null>(null);

/** The nearest ImageStudio's state; throws outside `ImageStudio.Root`. */
export function useImageStudio(): ImageStudioContextValue {
  const value = useContext(ImageStudioContext);
  if (!value) throw new Error('ImageStudio parts must be rendered inside <ImageStudio.Root>.');
  return value;
}
