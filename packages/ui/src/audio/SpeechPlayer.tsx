'use client';
import { type ComponentPropsWithoutRef, forwardRef, useRef, useState } from 'react';
import { useMessages } from '../locale/LocaleProvider.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { useSpeechStudio } from './SpeechStudioContext.js';

const EXTENSIONS: Record<string, string> = {
  'audio/mpeg': 'mp3',
  'audio/ogg': 'opus',
  'audio/opus': 'opus',
  'audio/aac': 'aac',
  'audio/flac': 'flac',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
};

/** Props of {@link SpeechPlayer}. */
export type SpeechPlayerProps = ComponentPropsWithoutRef<'div'>;

/** The synthesized audio: an `<audio controls>` element, Play / Pause and a download link. */
export const SpeechPlayer = forwardRef<HTMLDivElement, SpeechPlayerProps>(function SpeechPlayer(
  { className, ...rest },
  ref,
) {
  const messages = useMessages();
  const { speech, format } = useSpeechStudio();
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const url = speech.audioUrl;
  if (!url) return null;
  // The gateway may answer another container than asked (the mock sends WAV): trust the bytes.
  const extension = EXTENSIONS[speech.blob?.type.split(';')[0] ?? ''] ?? format;

  return (
    <div
      {...rest}
      ref={ref}
      data-slot="speech-player"
      data-state={playing ? 'playing' : 'paused'}
      className={cx('aitre-speech-player', className)}
    >
      {/* biome-ignore lint/a11y/useMediaCaption: synthesized speech of the text shown above; there is nothing to caption. */}
      <audio
        ref={audio}
        className="aitre-speech-audio"
        controls
        src={url}
        aria-label={messages.speech.audio}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
      />
      <Button
        variant="outline"
        size="sm"
        aria-pressed={playing}
        onClick={() => {
          const element = audio.current;
          if (!element) return;
          if (element.paused) void element.play().catch(() => setPlaying(false));
          else element.pause();
        }}
      >
        {playing ? messages.speech.pause : messages.speech.play}
      </Button>
      <a
        className="aitre-button"
        data-variant="soft"
        data-size="sm"
        href={url}
        download={`speech.${extension}`}
      >
        {messages.speech.download}
      </a>
    </div>
  );
});
