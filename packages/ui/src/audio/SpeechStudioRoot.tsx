'use client';
import type { AitreClient } from '@aitre/core';
import { useSpeech } from '@aitre/react';
import { forwardRef, type ReactNode, useCallback, useMemo, useState } from 'react';
import { cx } from '../shared/cx.js';
import { type Theme, ThemeRoot, type ThemeRootProps } from '../shared/ThemeRoot.js';
import {
  type SpeechFormat,
  SpeechStudioContext,
  type SpeechStudioContextValue,
} from './SpeechStudioContext.js';

/** Voices of tts-1 and tts-1-hd. */
const CLASSIC_VOICES = [
  'alloy',
  'ash',
  'coral',
  'echo',
  'fable',
  'onyx',
  'nova',
  'sage',
  'shimmer',
];
/** gpt-4o-mini-tts adds these. */
const NEWER_VOICES = ['ballad', 'verse', 'marin', 'cedar'];

/** The voices a TTS model offers. */
export function voicesFor(model: string): readonly string[] {
  return model.startsWith('tts-1') ? CLASSIC_VOICES : [...CLASSIC_VOICES, ...NEWER_VOICES];
}

/** Props of {@link SpeechStudioRoot}. */
export interface SpeechStudioRootProps extends Omit<ThemeRootProps, 'theme'> {
  /** The text at first. */
  defaultText?: string;
  /** The model at first (default 'tts-1'). */
  defaultModel?: string;
  /** The voice at first (default 'alloy'). */
  defaultVoice?: string;
  /** The speed at first (default 1). */
  defaultSpeed?: number;
  /** The audio format at first (default 'mp3'). */
  defaultFormat?: SpeechFormat;
  /** Colour theme of the root. */
  theme?: Theme;
  /** A client to use instead of the one from `AitreProvider`. */
  client?: AitreClient;
  /** The parts. */
  children?: ReactNode;
}

/** The state holder and themed root of SpeechStudio; its parts read it from context. */
export const SpeechStudioRoot = forwardRef<HTMLDivElement, SpeechStudioRootProps>(
  function SpeechStudioRoot(
    {
      defaultText = '',
      defaultModel = 'tts-1',
      defaultVoice = 'alloy',
      defaultSpeed = 1,
      defaultFormat = 'mp3',
      theme,
      client,
      className,
      children,
      ...rest
    },
    ref,
  ) {
    const speech = useSpeech(client ? { client } : {});
    const [text, setText] = useState(defaultText);
    const [model, setModelState] = useState(defaultModel);
    const [voice, setVoice] = useState(defaultVoice);
    const [speed, setSpeed] = useState(defaultSpeed);
    const [format, setFormat] = useState<SpeechFormat>(defaultFormat);

    const setModel = useCallback((next: string) => {
      setModelState(next);
      setVoice((current) => (voicesFor(next).includes(current) ? current : 'alloy'));
    }, []);

    const { speak: run } = speech;
    const speak = useCallback(() => {
      void run(text, { model, voice, speed, format });
    }, [run, text, model, voice, speed, format]);

    const value = useMemo<SpeechStudioContextValue>(
      () => ({
        speech,
        text,
        setText,
        model,
        setModel,
        voice,
        setVoice,
        speed,
        setSpeed,
        format,
        setFormat,
        speak,
      }),
      [speech, text, model, setModel, voice, speed, format, speak],
    );

    return (
      <ThemeRoot
        {...rest}
        ref={ref}
        theme={theme}
        data-slot="speech-studio"
        data-status={speech.status}
        className={cx('aitre-speech-studio', className)}
      >
        <SpeechStudioContext.Provider value={value}>{children}</SpeechStudioContext.Provider>
      </ThemeRoot>
    );
  },
);
