'use client';
import { imageModelOptions } from '@aitre/core';
import { type ComponentPropsWithoutRef, forwardRef, useEffect, useId, useRef } from 'react';
import { useMessages } from '../locale/LocaleProvider.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { MaskPainter } from '../shared/MaskPainter.js';
import { useImageStudio } from './ImageStudioContext.js';

/** Image types the edit endpoint accepts. */
const EDIT_TYPES = 'image/png,image/jpeg,image/webp';

/** Props of {@link ImageEditor}. */
export type ImageEditorProps = ComponentPropsWithoutRef<'section'>;

/**
 * The edit panel: pick an image (or use a generated one), paint the area to change with the
 * MaskPainter, then edit with the prompt. Shown while editing or when the model can edit.
 */
export const ImageEditor = forwardRef<HTMLElement, ImageEditorProps>(function ImageEditor(
  { className, ...rest },
  ref,
) {
  const messages = useMessages();
  const fileId = useId();
  const { gen, model, editSource, setEditSource, setMask, mask, edit } = useImageStudio();
  const picked = useRef<string | undefined>(undefined);
  const busy = gen.status === 'generating';

  // An object URL made here for a picked file lives until the source changes or the panel goes.
  useEffect(() => {
    const url = editSource?.url;
    if (url === undefined || url !== picked.current) return;
    return () => URL.revokeObjectURL(url);
  }, [editSource]);

  if (!editSource && !imageModelOptions(model)?.edits) return null;

  return (
    <section
      {...rest}
      ref={ref}
      aria-label={messages.images.editSource}
      data-slot="image-editor"
      data-state={editSource ? 'editing' : 'empty'}
      className={cx('aitre-image-editor', className)}
    >
      {editSource ? (
        <>
          <MaskPainter
            key={editSource.url}
            src={editSource.url}
            alt={messages.images.editSource}
            maskStyle="alpha"
            disabled={busy}
            onMaskChange={setMask}
          />
          <div className="aitre-image-studio-actions">
            <Button onClick={edit} loading={busy}>
              {busy ? messages.images.editing : messages.images.edit}
            </Button>
            <Button variant="ghost" disabled={busy} onClick={() => setEditSource(undefined)}>
              {messages.images.removeEditSource}
            </Button>
            <span className="aitre-visually-hidden" aria-live="polite">
              {mask ? messages.images.mask : ''}
            </span>
          </div>
        </>
      ) : (
        <div className="aitre-media-field">
          <span className="aitre-media-label" id={`${fileId}-label`}>
            {messages.images.editSource}
          </span>
          {/* Hidden but focusable: the native button's text would come from the browser, not the locale. */}
          <input
            id={fileId}
            className="aitre-image-editor-file aitre-visually-hidden"
            type="file"
            accept={EDIT_TYPES}
            aria-labelledby={`${fileId}-label`}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (!file) return;
              const url = URL.createObjectURL(file);
              picked.current = url;
              setEditSource({ url, blob: file });
            }}
          />
          <label
            htmlFor={fileId}
            aria-hidden="true"
            className="aitre-button aitre-image-editor-file-button"
            data-variant="outline"
            data-size="sm"
          >
            {messages.images.chooseEditSource}
          </label>
        </div>
      )}
    </section>
  );
});
