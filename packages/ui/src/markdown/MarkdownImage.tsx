'use client';
import { useEffect, useRef, useState } from 'react';
import { format } from '../locale/format.js';
import { useBaseMessages } from '../locale/useBaseMessages.js';
import { hostOf, isImageAllowed, useImageOrigins, usePageOrigin } from './imageOrigins.js';

/** Props of {@link MarkdownImage}. */
export interface MarkdownImageProps {
  src: string;
  alt: string;
  title: string | null;
  onImageClick?: (src: string, alt: string) => void;
  /** True inside a link: a blocked image then shows its host without a load button. */
  inLink?: boolean;
}

function LoadedImage({ src, alt, title, onImageClick }: MarkdownImageProps) {
  const messages = useBaseMessages();
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
      aria-label={alt ? format(messages.common.openImageNamed, { alt }) : messages.common.openImage}
      onClick={() => onImageClick(src, alt)}
    >
      {image}
    </button>
  );
}

/**
 * An image from markdown; a button opening it when the host handles image clicks. An image from
 * an origin the policy does not allow makes no request until the user asks for it.
 * @selector [data-state]
 */
export function MarkdownImage(props: MarkdownImageProps) {
  const messages = useBaseMessages();
  const origins = useImageOrigins();
  const pageOrigin = usePageOrigin();
  const [loaded, setLoaded] = useState(false);
  const wrapper = useRef<HTMLSpanElement>(null);
  const focusAfterLoad = useRef(false);
  useEffect(() => {
    // The load button is gone: keep the keyboard user on the image that replaced it.
    if (loaded && focusAfterLoad.current) {
      focusAfterLoad.current = false;
      wrapper.current?.querySelector<HTMLElement>('button')?.focus();
    }
  }, [loaded]);

  if (loaded || isImageAllowed(props.src, origins, pageOrigin)) {
    if (!loaded) return <LoadedImage {...props} />;
    return (
      <span ref={wrapper} className="aitre-md-img-loaded" data-state="loaded">
        <LoadedImage {...props} />
      </span>
    );
  }
  const text = format(messages.markdown.blockedImage, { host: hostOf(props.src) });
  if (props.inLink) {
    return (
      <span className="aitre-md-img-blocked" data-state="blocked" title={props.alt || undefined}>
        {format(messages.markdown.imageFrom, { host: hostOf(props.src) })}
      </span>
    );
  }
  return (
    <button
      type="button"
      className="aitre-md-img-blocked"
      data-state="blocked"
      data-slot="markdown-blocked-image"
      title={props.alt || undefined}
      onClick={() => {
        focusAfterLoad.current = true;
        setLoaded(true);
      }}
    >
      {text}
    </button>
  );
}
