'use client';
import { useMessages } from '../locale/LocaleProvider.js';

/** Props of {@link MarkdownImage}. */
export interface MarkdownImageProps {
  src: string;
  alt: string;
  title: string | null;
  onImageClick?: (src: string, alt: string) => void;
}

/** An image from markdown; a button opening it when the host handles image clicks. */
export function MarkdownImage({ src, alt, title, onImageClick }: MarkdownImageProps) {
  const messages = useMessages();
  const image = (
    <img
      className="aitre-md-img"
      src={src}
      alt={alt}
      title={title ?? undefined}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
    />
  );
  if (!onImageClick) return image;
  return (
    <button
      type="button"
      className="aitre-md-img-button"
      aria-label={alt ? `${messages.common.openImage}: ${alt}` : messages.common.openImage}
      onClick={() => onImageClick(src, alt)}
    >
      {image}
    </button>
  );
}
