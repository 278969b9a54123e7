'use client';
import { useEffect, useState } from 'react';
import { useMessages } from '../locale/LocaleProvider.js';
import { Button } from '../shared/Button.js';
import { Lightbox } from '../shared/Lightbox.js';

/** Props of {@link MidjourneyImage}. */
export interface MidjourneyImageProps {
  /** The image URL. */
  src: string;
  /** 'preview': the low-resolution image of a running task; 'final': the result. */
  stage: 'preview' | 'final';
  /** Width / height to reserve before the image loads (from `--ar`, or the last image seen). */
  aspectRatio: number;
  /** Called with width / height once the image has loaded. */
  onAspectRatio?(ratio: number): void;
  /** Called when the image fails to load (an expired CDN link: re-fetch the task). */
  onBroken?(): void;
  /** File name suggested for downloads. */
  downloadName?: string;
}

// Reserved box for the ratio: a fixed 1024 on the long side gives the img element intrinsic
// width/height attributes, so the browser reserves the space before any byte arrives.
const box = (ratio: number) =>
  ratio >= 1
    ? { width: 1024, height: Math.round(1024 / ratio) }
    : { width: Math.round(1024 * ratio), height: 1024 };

/** A task image in a frame of known aspect ratio (no layout jump), with a broken-image state and a lightbox. */
export function MidjourneyImage({
  src,
  stage,
  aspectRatio,
  onAspectRatio,
  onBroken,
  downloadName,
}: MidjourneyImageProps) {
  const messages = useMessages();
  const m = messages.midjourney;
  const [broken, setBroken] = useState(false);
  const [open, setOpen] = useState(false);
  // A new URL (the next preview, or the refreshed task's) gets a fresh chance to load.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on every new src.
  useEffect(() => setBroken(false), [src]);
  const { width, height } = box(aspectRatio);
  const alt = stage === 'preview' ? m.previewImage : m.resultImage;
  const image = (
    <img
      className="aitre-mj-image"
      src={src}
      alt={alt}
      width={width}
      height={height}
      onLoad={(e) => {
        const img = e.currentTarget;
        if (img.naturalWidth && img.naturalHeight) {
          onAspectRatio?.(img.naturalWidth / img.naturalHeight);
        }
      }}
      onError={() => {
        setBroken(true);
        // The link may have expired: the task may carry a fresh one.
        if (stage === 'final') onBroken?.();
      }}
    />
  );
  return (
    <figure
      className="aitre-mj-figure"
      data-slot="midjourney-image"
      data-stage={stage}
      data-broken={broken || undefined}
      // Capped in height without losing the ratio: the width follows the height limit.
      style={{ aspectRatio: `${width} / ${height}`, width: `min(100%, ${70 * aspectRatio}vh)` }}
    >
      {broken ? (
        <div className="aitre-mj-broken" role="alert">
          <p>{m.imageFailed}</p>
          <Button
            size="sm"
            variant="soft"
            onClick={() => {
              setBroken(false);
              onBroken?.();
            }}
          >
            {m.reloadImage}
          </Button>
        </div>
      ) : stage === 'final' ? (
        <button
          type="button"
          className="aitre-mj-image-button"
          aria-label={messages.common.openImage}
          onClick={() => setOpen(true)}
        >
          {image}
        </button>
      ) : (
        image
      )}
      {stage === 'final' && !broken && (
        <Lightbox
          open={open}
          onOpenChange={setOpen}
          src={src}
          alt={alt}
          downloadName={downloadName}
        />
      )}
    </figure>
  );
}
