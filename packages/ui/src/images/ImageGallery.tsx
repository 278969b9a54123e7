'use client';
import { type ComponentPropsWithoutRef, forwardRef, useState } from 'react';
import { format } from '../locale/format.js';
import { useMessages } from '../locale/LocaleProvider.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { Lightbox } from '../shared/Lightbox.js';
import { Spinner } from '../shared/Spinner.js';
import { useDownloadHref } from '../shared/useDownloadHref.js';
import { useImageStudio } from './ImageStudioContext.js';
import { dataUrlToBlob } from './ImageStudioRoot.js';

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

/** Props of {@link ImageGallery}. */
export type ImageGalleryProps = ComponentPropsWithoutRef<'section'>;

interface Viewing {
  url: string;
  alt: string;
  name: string;
}

/**
 * Every generation of the session, newest first: images that open in a lightbox, the revised
 * prompt, a download link and "use as edit source".
 */
export const ImageGallery = forwardRef<HTMLElement, ImageGalleryProps>(function ImageGallery(
  { className, ...rest },
  ref,
) {
  const messages = useMessages();
  const downloadHref = useDownloadHref();
  const { gen, setEditSource } = useImageStudio();
  const [viewing, setViewing] = useState<Viewing>();

  return (
    <section
      {...rest}
      ref={ref}
      aria-label={messages.images.results}
      aria-busy={gen.status === 'generating' || undefined}
      data-slot="image-gallery"
      data-empty={gen.history.length === 0 || undefined}
      className={cx('aitre-image-gallery', className)}
    >
      <p className="aitre-visually-hidden" aria-live="polite">
        {gen.status === 'generating' ? messages.images.generating : ''}
      </p>
      {gen.status === 'generating' ? (
        // Where the new images will appear, above the earlier ones (the live region speaks).
        <div className="aitre-image-pending" data-slot="image-pending" aria-hidden="true">
          <Spinner decorative />
          {messages.images.generating}
        </div>
      ) : gen.history.length === 0 ? (
        <p className="aitre-image-gallery-empty">{messages.images.noImages}</p>
      ) : null}
      {gen.history.map((generation) => (
        <div
          key={generation.id}
          className="aitre-image-generation"
          data-slot="image-generation"
          data-kind={generation.kind}
        >
          {generation.images.map((image, i) => {
            const alt = format(messages.images.result, { index: i + 1 });
            const blob = image.blob ?? dataUrlToBlob(image.url);
            const extension = EXTENSIONS[blob?.type ?? ''] ?? 'png';
            const name = `${generation.model.replace(/[^\w.-]+/g, '-')}-${generation.id}-${i + 1}.${extension}`;
            return (
              <figure key={image.url} className="aitre-image-card" data-slot="image-card">
                <button
                  type="button"
                  className="aitre-image-card-open"
                  aria-label={format(messages.images.openResult, { index: i + 1 })}
                  onClick={() => setViewing({ url: image.url, alt, name })}
                >
                  <img className="aitre-image-card-image" src={image.url} alt={alt} />
                </button>
                <figcaption className="aitre-image-card-caption">
                  <span className="aitre-image-card-prompt">{generation.prompt}</span>
                  {image.revisedPrompt ? (
                    <span className="aitre-image-card-revised" data-slot="revised-prompt">
                      <strong>{messages.images.revisedPrompt}</strong> {image.revisedPrompt}
                    </span>
                  ) : null}
                </figcaption>
                <div className="aitre-image-card-actions">
                  <a
                    className="aitre-button"
                    data-variant="soft"
                    data-size="sm"
                    href={downloadHref(image.url)}
                    download={name}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    {messages.images.download}
                  </a>
                  {blob ? (
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => setEditSource({ url: image.url, blob })}
                    >
                      {messages.images.useAsEditSource}
                    </Button>
                  ) : null}
                </div>
              </figure>
            );
          })}
        </div>
      ))}
      <Lightbox
        open={viewing !== undefined}
        onOpenChange={(open) => {
          if (!open) setViewing(undefined);
        }}
        src={viewing?.url ?? ''}
        alt={viewing?.alt ?? ''}
        downloadName={viewing?.name ?? ''}
      />
    </section>
  );
});
