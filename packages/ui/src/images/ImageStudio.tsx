'use client';
import { forwardRef } from 'react';
import { ImageEditor } from './ImageEditor.js';
import { ImageGallery } from './ImageGallery.js';
import { ImageStudioForm } from './ImageStudioForm.js';
import { ImageStudioRoot, type ImageStudioRootProps } from './ImageStudioRoot.js';

/** Props of {@link ImageStudio}. */
export type ImageStudioProps = Omit<ImageStudioRootProps, 'children'>;

const ImageStudioBase = forwardRef<HTMLDivElement, ImageStudioProps>(
  function ImageStudio(props, ref) {
    return (
      <ImageStudioRoot {...props} ref={ref}>
        <div className="aitre-image-studio-controls">
          <ImageStudioForm />
          <ImageEditor />
        </div>
        <ImageGallery />
      </ImageStudioRoot>
    );
  },
);

/**
 * Image generation and editing: prompt, model, the model's own options, a gallery with
 * lightbox and download, and gpt-image-1 edits with a painted mask. Parts for custom layouts:
 * `ImageStudio.Root`, `.Form`, `.Editor`, `.Gallery`. @selector [data-status="generating"]
 */
export const ImageStudio = Object.assign(ImageStudioBase, {
  Root: ImageStudioRoot,
  Form: ImageStudioForm,
  Editor: ImageEditor,
  Gallery: ImageGallery,
});
