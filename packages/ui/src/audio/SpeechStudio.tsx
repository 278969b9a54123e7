'use client';
import { forwardRef } from 'react';
import { SpeechPlayer } from './SpeechPlayer.js';
import { SpeechStudioForm } from './SpeechStudioForm.js';
import { SpeechStudioRoot, type SpeechStudioRootProps } from './SpeechStudioRoot.js';

/** Props of {@link SpeechStudio}. */
export type SpeechStudioProps = Omit<SpeechStudioRootProps, 'children'>;

const SpeechStudioBase = forwardRef<HTMLDivElement, SpeechStudioProps>(
  function SpeechStudio(props, ref) {
    return (
      <SpeechStudioRoot {...props} ref={ref}>
        <SpeechStudioForm />
        <SpeechPlayer />
      </SpeechStudioRoot>
    );
  },
);

/**
 * Text to speech: text with a 4096-character counter, model, voice, speed and format, then an
 * audio player with download. Parts: `SpeechStudio.Root`, `.Form`, `.Player`.
 * @selector [data-status="speaking"]
 */
export const SpeechStudio = Object.assign(SpeechStudioBase, {
  Root: SpeechStudioRoot,
  Form: SpeechStudioForm,
  Player: SpeechPlayer,
});
