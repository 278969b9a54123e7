'use client';
import * as Dialog from '@radix-ui/react-dialog';
import {
  type CSSProperties,
  forwardRef,
  type ReactNode,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useBaseMessages } from '../locale/useBaseMessages.js';
import { cx } from './cx.js';
import { IconButton } from './IconButton.js';
import { useDownloadHref } from './useDownloadHref.js';

// Layout effects warn during server rendering on React 18; effects run too late for a dialog
// that is open on the first render.
const useClientLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/** Props of {@link Lightbox}. */
export interface LightboxProps {
  /** Whether the lightbox is shown. */
  open: boolean;
  /** Called when the user closes it (Escape, the close button, a click outside). */
  onOpenChange: (open: boolean) => void;
  /** The image to show; a trusted URL (http(s), blob: or data:image). */
  src: string;
  /** Text alternative of the image. */
  alt?: string;
  /** Heading of the dialog; defaults to `alt`, then the locale's "Image viewer". */
  title?: ReactNode;
  /** File name suggested by the download link. */
  downloadName?: string;
  /** Class of the dialog content, merged last. */
  className?: string;
  /** Style of the dialog content, merged last. */
  style?: CSSProperties;
}

function CloseIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" fill="none">
      <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

/** A modal image viewer (Radix Dialog) with a title, a download link and a close button. */
export const Lightbox = forwardRef<HTMLDivElement, LightboxProps>(function Lightbox(
  { open, onOpenChange, src, alt = '', title, downloadName, className, style },
  ref,
) {
  const messages = useBaseMessages();
  const downloadHref = useDownloadHref();
  const anchor = useRef<HTMLSpanElement>(null);
  // Portal into the nearest themed root so the dialog keeps its tokens and theme.
  const [root, setRoot] = useState<HTMLElement | null>(null);
  useClientLayoutEffect(() => {
    setRoot(anchor.current?.closest<HTMLElement>('.aitre-root') ?? null);
  }, []);

  // The lightbox has no Radix trigger (images, thumbnails and buttons open it), so it gives focus
  // back to whatever had it when it opened.
  const opener = useRef<HTMLElement | null>(null);

  const parts = (
    <>
      <Dialog.Overlay className="aitre-dialog-overlay" data-slot="lightbox-overlay" />
      <Dialog.Content
        ref={ref}
        aria-describedby={undefined}
        onOpenAutoFocus={() => {
          opener.current =
            document.activeElement instanceof HTMLElement ? document.activeElement : null;
        }}
        onCloseAutoFocus={(event) => {
          if (opener.current?.isConnected) {
            event.preventDefault();
            opener.current.focus();
          }
          opener.current = null;
        }}
        data-slot="lightbox"
        data-variant="lightbox"
        className={cx('aitre-dialog-content', className)}
        style={style}
      >
        <div className="aitre-dialog-header">
          <Dialog.Title className="aitre-dialog-title">
            {title ?? (alt || messages.common.imageViewer)}
          </Dialog.Title>
          <a
            className="aitre-button"
            data-variant="soft"
            data-size="sm"
            href={downloadHref(src)}
            download={downloadName ?? ''}
            target="_blank"
            rel="noopener noreferrer"
          >
            {messages.common.download}
          </a>
          <Dialog.Close asChild>
            <IconButton aria-label={messages.common.close}>
              <CloseIcon />
            </IconButton>
          </Dialog.Close>
        </div>
        <img className="aitre-lightbox-image" src={src} alt={alt} />
      </Dialog.Content>
    </>
  );

  return (
    <>
      <span ref={anchor} hidden data-slot="lightbox-anchor" />
      <Dialog.Root open={open} onOpenChange={onOpenChange}>
        <Dialog.Portal container={root ?? undefined}>
          {root ? parts : <div className="aitre-root">{parts}</div>}
        </Dialog.Portal>
      </Dialog.Root>
    </>
  );
});
