'use client';
import { type AitreClient, base64ToBlob, imageModelOptions } from '@aitre/core';
import { useImageGen } from '@aitre/react';
import { forwardRef, type ReactNode, useCallback, useMemo, useState } from 'react';
import { cx } from '../shared/cx.js';
import type { PaintedMask } from '../shared/MaskPainter.js';
import { type Theme, ThemeRoot, type ThemeRootProps } from '../shared/ThemeRoot.js';
import {
  type ImageEditSource,
  ImageStudioContext,
  type ImageStudioContextValue,
} from './ImageStudioContext.js';
import {
  defaultImageOptions,
  definedOptions,
  type ImageOptionValues,
  withOption,
} from './imageOptions.js';

/** Models ImageStudio offers even when the gateway's list lacks them. */
export const DEFAULT_IMAGE_MODELS: readonly string[] = ['dall-e-3', 'gpt-image-1', 'flux-schnell'];

/** Props of {@link ImageStudioRoot}. */
export interface ImageStudioRootProps extends Omit<ThemeRootProps, 'theme'> {
  /** The model selected at first (default 'dall-e-3'). */
  defaultModel?: string;
  /** The prompt at first. */
  defaultPrompt?: string;
  /** Models offered even when the gateway does not list them (default dall-e-3, gpt-image-1, flux-schnell). */
  models?: readonly string[];
  /** Generations kept in the gallery (default 10). */
  historyLimit?: number;
  /** Colour theme of the root. */
  theme?: Theme;
  /** A client to use instead of the one from `AitreProvider`. */
  client?: AitreClient;
  /** The parts. */
  children?: ReactNode;
}

/** A data: URL's bytes; undefined for other URLs (remote images cannot be read without a request). */
export function dataUrlToBlob(url: string): Blob | undefined {
  const match = /^data:([^;,]+)(;base64)?,/.exec(url);
  if (!match?.[2]) return undefined;
  return base64ToBlob(url.slice(match[0].length), match[1] ?? 'image/png');
}

/** The state holder and themed root of ImageStudio; its parts read it from context. */
export const ImageStudioRoot = forwardRef<HTMLDivElement, ImageStudioRootProps>(
  function ImageStudioRoot(
    {
      defaultModel = 'dall-e-3',
      defaultPrompt = '',
      models = DEFAULT_IMAGE_MODELS,
      historyLimit,
      theme,
      client,
      className,
      children,
      ...rest
    },
    ref,
  ) {
    const [model, setModelState] = useState(defaultModel);
    const [prompt, setPrompt] = useState(defaultPrompt);
    const [values, setValues] = useState(() => defaultImageOptions(imageModelOptions(model)));
    const [editSource, setEditSourceState] = useState<ImageEditSource>();
    const [mask, setMask] = useState<PaintedMask>();
    const gen = useImageGen({
      model,
      ...(historyLimit !== undefined ? { historyLimit } : {}),
      ...(client ? { client } : {}),
    });

    const setModel = useCallback((next: string) => {
      setModelState(next);
      setValues(defaultImageOptions(imageModelOptions(next)));
    }, []);

    const setValue = useCallback(
      <K extends keyof ImageOptionValues>(key: K, value: ImageOptionValues[K]) =>
        setValues((previous) => withOption(previous, key, value)),
      [],
    );

    const setEditSource = useCallback(
      (source: ImageEditSource | undefined) => {
        setEditSourceState(source);
        setMask(undefined);
        if (source && !imageModelOptions(model)?.edits) setModel('gpt-image-1');
      },
      [model, setModel],
    );

    const { generate: runGenerate, edit: runEdit } = gen;
    const generate = useCallback(() => {
      void runGenerate({ prompt, ...definedOptions(values) });
    }, [runGenerate, prompt, values]);

    const edit = useCallback(() => {
      if (!editSource) return;
      // The edit keeps the source's size; the mask is painted at that size.
      const { size: _size, style: _style, aspect_ratio: _ratio, ...options } = values;
      void runEdit({
        prompt,
        image: editSource.blob,
        ...(mask ? { mask: mask.blob } : {}),
        ...definedOptions(options),
      });
    }, [runEdit, editSource, mask, prompt, values]);

    const value = useMemo<ImageStudioContextValue>(
      () => ({
        gen,
        model,
        setModel,
        extraModels: models,
        prompt,
        setPrompt,
        values,
        setValue,
        editSource,
        setEditSource,
        mask,
        setMask,
        generate,
        edit,
      }),
      [
        gen,
        model,
        setModel,
        models,
        prompt,
        values,
        setValue,
        editSource,
        setEditSource,
        mask,
        generate,
        edit,
      ],
    );

    return (
      <ThemeRoot
        {...rest}
        ref={ref}
        theme={theme}
        data-slot="image-studio"
        data-status={gen.status}
        data-editing={editSource ? '' : undefined}
        className={cx('aitre-image-studio', className)}
      >
        <ImageStudioContext.Provider value={value}>{children}</ImageStudioContext.Provider>
      </ThemeRoot>
    );
  },
);
