'use client';
import { type ComponentPropsWithoutRef, forwardRef, useMemo } from 'react';
import { format } from '../locale/format.js';
import { useLocale, useMessages } from '../locale/LocaleProvider.js';
import { cx } from '../shared/cx.js';
import { useEmbeddingsPlayground } from './EmbeddingsContext.js';
import { similarityPairs } from './similarityPairs.js';

/** Props of {@link EmbeddingsResults}. */
export type EmbeddingsResultsProps = ComponentPropsWithoutRef<'section'>;

/** The vector size, token usage and the cosine similarity of every pair of texts, with bars. */
export const EmbeddingsResults = forwardRef<HTMLElement, EmbeddingsResultsProps>(
  function EmbeddingsResults({ className, ...rest }, ref) {
    const messages = useMessages();
    const locale = useLocale();
    const { embeddings, embeddedTexts } = useEmbeddingsPlayground();
    const { vectors, usage } = embeddings;
    const pairs = useMemo(() => similarityPairs(vectors), [vectors]);
    const number = useMemo(
      () => new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }),
      [locale],
    );
    if (vectors.length === 0) return null;
    const name = (index: number) => format(messages.embeddings.inputLabel, { index: index + 1 });

    return (
      <section
        {...rest}
        ref={ref}
        aria-label={messages.embeddings.similarity}
        data-slot="embeddings-results"
        className={cx('aitre-embeddings-results', className)}
      >
        <p className="aitre-embeddings-facts">
          <span data-slot="embeddings-dimensions">
            {format(messages.embeddings.vectorLength, { count: vectors[0]?.length ?? 0 })}
          </span>
          {usage ? (
            <span data-slot="embeddings-usage">
              {format(messages.embeddings.usage, {
                tokens: format(messages.embeddings.tokens, { count: usage.total_tokens }),
              })}
            </span>
          ) : null}
        </p>
        <h3 className="aitre-embeddings-heading">{messages.embeddings.similarity}</h3>
        <ul className="aitre-embeddings-pairs">
          {pairs.map(({ a, b, score }) => (
            <li
              key={`${a}-${b}`}
              className="aitre-embeddings-pair"
              data-slot="similarity"
              title={`${embeddedTexts[a] ?? ''}\n${embeddedTexts[b] ?? ''}`}
            >
              <span className="aitre-embeddings-pair-name">
                {format(messages.embeddings.pair, { a: name(a), b: name(b) })}
              </span>
              <span className="aitre-embeddings-bar" aria-hidden="true">
                <span
                  className="aitre-embeddings-bar-fill"
                  style={{ width: `${Math.max(0, score) * 100}%` }}
                />
              </span>
              <span className="aitre-embeddings-score" data-slot="similarity-score">
                {number.format(score)}
              </span>
            </li>
          ))}
        </ul>
      </section>
    );
  },
);
