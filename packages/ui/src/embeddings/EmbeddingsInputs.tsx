'use client';
import { type ComponentPropsWithoutRef, forwardRef, useId } from 'react';
import { format } from '../locale/format.js';
import { useMessages } from '../locale/LocaleProvider.js';
import { localizeError } from '../locale/localizeError.js';
import { ModelPicker } from '../models/ModelPicker.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { IconButton } from '../shared/IconButton.js';
import { useEmbeddingsPlayground } from './EmbeddingsContext.js';

/** Output sizes offered for text-embedding-3 models (their own size when none is chosen). */
const DIMENSIONS = [256, 512, 1024, 1536];

/** Props of {@link EmbeddingsInputs}. */
export type EmbeddingsInputsProps = ComponentPropsWithoutRef<'form'>;

/** The texts (add, remove), the model and dimensions, and Embed. */
export const EmbeddingsInputs = forwardRef<HTMLFormElement, EmbeddingsInputsProps>(
  function EmbeddingsInputs({ className, onSubmit, ...rest }, ref) {
    const messages = useMessages();
    const baseId = useId();
    const dimensionsId = useId();
    const playground = useEmbeddingsPlayground();
    const { embeddings, texts, setText, addText, removeText, model, setModel } = playground;
    const busy = embeddings.status === 'embedding';
    // Only text-embedding-3 and later can shorten their vectors.
    const resizable = /text-embedding-3/.test(model);

    return (
      <form
        {...rest}
        ref={ref}
        data-slot="embeddings-inputs"
        className={cx('aitre-embeddings-inputs', className)}
        onSubmit={(event) => {
          onSubmit?.(event);
          event.preventDefault();
          if (!busy) playground.embed();
        }}
      >
        {texts.map((text, index) => {
          const label = format(messages.embeddings.inputLabel, { index: index + 1 });
          return (
            // Inputs have no identity beyond their position.
            // biome-ignore lint/suspicious/noArrayIndexKey: texts are edited in place by index.
            <div key={index} className="aitre-embeddings-input" data-slot="embeddings-input">
              <label htmlFor={`${baseId}-${index}`} className="aitre-media-label">
                {label}
              </label>
              <textarea
                id={`${baseId}-${index}`}
                className="aitre-textarea"
                rows={2}
                value={text}
                placeholder={messages.embeddings.inputPlaceholder}
                onChange={(event) => setText(index, event.currentTarget.value)}
              />
              {texts.length > 2 ? (
                <IconButton
                  size="sm"
                  aria-label={format(messages.embeddings.removeInputNamed, { name: label })}
                  onClick={() => removeText(index)}
                >
                  <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" fill="none">
                    <path
                      d="M4 4l8 8M12 4l-8 8"
                      stroke="currentColor"
                      strokeWidth="1.5"
                      strokeLinecap="round"
                    />
                  </svg>
                </IconButton>
              ) : null}
            </div>
          );
        })}
        <div className="aitre-embeddings-options">
          <ModelPicker
            value={model}
            onChange={setModel}
            capabilities={['embedding']}
            extraModels={['text-embedding-3-small']}
            label={messages.embeddings.model}
            disabled={busy}
          />
          {resizable ? (
            <div className="aitre-media-field">
              <label htmlFor={dimensionsId} className="aitre-media-label">
                {messages.embeddings.dimensions}
              </label>
              <select
                id={dimensionsId}
                className="aitre-select"
                value={playground.dimensions ?? ''}
                disabled={busy}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  playground.setDimensions(value === '' ? undefined : Number(value));
                }}
              >
                <option value="">{messages.images.backgroundAuto}</option>
                {DIMENSIONS.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
        <div className="aitre-embeddings-actions">
          <Button variant="outline" onClick={addText} disabled={busy}>
            {messages.embeddings.addInput}
          </Button>
          <Button type="submit" loading={busy}>
            {messages.embeddings.embed}
          </Button>
        </div>
        {embeddings.error ? (
          <p className="aitre-media-error" role="alert" data-slot="embeddings-error">
            {localizeError(embeddings.error, messages)}
          </p>
        ) : null}
      </form>
    );
  },
);
