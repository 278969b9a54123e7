'use client';
import { toDataUrl } from '@aitre/core';
import { type ChangeEvent, useId } from 'react';
import { format } from '../locale/format.js';
import { useMessages } from '../locale/LocaleProvider.js';
import { IconButton } from '../shared/IconButton.js';

/** Props of {@link MidjourneyImagePicker}. */
export interface MidjourneyImagePickerProps {
  /** Visible label of the file input. */
  label: string;
  /** The chosen images as data URLs. */
  images: string[];
  /** Called with the new list after files are read or a thumbnail is removed. */
  onChange(images: string[]): void;
  /** Accept several files (appended); otherwise a new file replaces the current one. */
  multiple?: boolean;
  /** Message naming one image (`{index}`), for its thumbnail's alt text. */
  itemLabel?: string;
  /** Marks the input invalid and points to the message describing why. */
  errorId?: string;
}

function CloseIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12" fill="none">
      <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

/** A file input reading images into data URLs, with removable thumbnails. */
export function MidjourneyImagePicker({
  label,
  images,
  onChange,
  multiple = false,
  itemLabel,
  errorId,
}: MidjourneyImagePickerProps) {
  const messages = useMessages();
  const m = messages.midjourney;
  const id = useId();
  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = Array.from(input.files ?? []).filter((file) => file.type.startsWith('image/'));
    // Cleared so choosing the same file again fires a change.
    input.value = '';
    if (files.length === 0) return;
    const urls = await Promise.all(files.map((file) => toDataUrl(file)));
    onChange(multiple ? [...images, ...urls] : urls.slice(0, 1));
  };
  return (
    <div className="aitre-mj-picker" data-slot="midjourney-image-picker">
      <span className="aitre-mj-label" id={`${id}-label`}>
        {label}
      </span>
      {/* The native input stays focusable but hidden: its button text would come from the browser, not the locale. */}
      <input
        id={id}
        className="aitre-mj-file aitre-visually-hidden"
        type="file"
        accept="image/*"
        multiple={multiple}
        aria-labelledby={`${id}-label`}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        onChange={(event) => void onFiles(event)}
      />
      <label
        htmlFor={id}
        aria-hidden="true"
        className="aitre-button aitre-mj-file-button"
        data-variant="outline"
        data-size="sm"
        data-invalid={errorId ? true : undefined}
      >
        {multiple ? m.chooseImages : m.chooseImage}
      </label>
      {images.length > 0 && (
        <ul className="aitre-mj-thumbs">
          {images.map((src, i) => {
            const index = i + 1;
            return (
              // Data URLs of the same file repeat: the position is the identity here.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              <li key={i} className="aitre-mj-thumb">
                <img src={src} alt={format(itemLabel ?? m.imageItem, { index })} />
                <IconButton
                  size="sm"
                  variant="solid"
                  aria-label={format(m.removeImage, { index })}
                  onClick={() => onChange(images.filter((_, j) => j !== i))}
                >
                  <CloseIcon />
                </IconButton>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
