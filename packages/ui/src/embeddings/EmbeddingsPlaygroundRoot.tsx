'use client';
import type { AitreClient } from '@aitre/core';
import { useEmbeddings } from '@aitre/react';
import { forwardRef, type ReactNode, useCallback, useMemo, useState } from 'react';
import { cx } from '../shared/cx.js';
import { type Theme, ThemeRoot, type ThemeRootProps } from '../shared/ThemeRoot.js';
import { EmbeddingsContext, type EmbeddingsContextValue } from './EmbeddingsContext.js';

/** Props of {@link EmbeddingsPlaygroundRoot}. */
export interface EmbeddingsPlaygroundRootProps extends Omit<ThemeRootProps, 'theme'> {
  /** The texts at first (at least two are shown). */
  defaultTexts?: readonly string[];
  /** The model at first (default 'text-embedding-3-small'). */
  defaultModel?: string;
  /** Colour theme of the root. */
  theme?: Theme;
  /** A client to use instead of the one from `AitreProvider`. */
  client?: AitreClient;
  /** The parts. */
  children?: ReactNode;
}

/** The state holder and themed root of EmbeddingsPlayground; its parts read it from context. */
export const EmbeddingsPlaygroundRoot = forwardRef<HTMLDivElement, EmbeddingsPlaygroundRootProps>(
  function EmbeddingsPlaygroundRoot(
    {
      defaultTexts = [],
      defaultModel = 'text-embedding-3-small',
      theme,
      client,
      className,
      children,
      ...rest
    },
    ref,
  ) {
    const embeddings = useEmbeddings(client ? { client } : {});
    const [texts, setTexts] = useState(() => {
      const start = [...defaultTexts];
      while (start.length < 2) start.push('');
      return start;
    });
    const [embeddedTexts, setEmbeddedTexts] = useState<string[]>([]);
    const [model, setModel] = useState(defaultModel);
    const [dimensions, setDimensions] = useState<number>();

    const setText = useCallback((index: number, text: string) => {
      setTexts((previous) => previous.map((value, i) => (i === index ? text : value)));
    }, []);
    const addText = useCallback(() => setTexts((previous) => [...previous, '']), []);
    const removeText = useCallback((index: number) => {
      setTexts((previous) =>
        previous.length <= 2 ? previous : previous.filter((_, i) => i !== index),
      );
    }, []);

    const { embed: run } = embeddings;
    const embed = useCallback(() => {
      const sent = [...texts];
      void run(sent, { model, ...(dimensions !== undefined ? { dimensions } : {}) }).then(
        (vectors) => {
          if (vectors) setEmbeddedTexts(sent);
        },
      );
    }, [run, texts, model, dimensions]);

    const value = useMemo<EmbeddingsContextValue>(
      () => ({
        embeddings,
        texts,
        setText,
        addText,
        removeText,
        embeddedTexts,
        model,
        setModel,
        dimensions,
        setDimensions,
        embed,
      }),
      [embeddings, texts, setText, addText, removeText, embeddedTexts, model, dimensions, embed],
    );

    return (
      <ThemeRoot
        {...rest}
        ref={ref}
        theme={theme}
        data-slot="embeddings-playground"
        data-status={embeddings.status}
        className={cx('aitre-embeddings', className)}
      >
        <EmbeddingsContext.Provider value={value}>{children}</EmbeddingsContext.Provider>
      </ThemeRoot>
    );
  },
);
