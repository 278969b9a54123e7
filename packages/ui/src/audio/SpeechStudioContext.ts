'use client';
import type { SpeakOptions } from '@aitre/core';
import type { UseSpeechResult } from '@aitre/react';
import { createContext, useContext } from 'react';

/** Audio formats SpeechStudio offers (pcm has no container a browser can play). */
export type SpeechFormat = Exclude<NonNullable<SpeakOptions['format']>, 'pcm'>;

/** What the parts of SpeechStudio share. */
export interface SpeechStudioContextValue {
  /** The `useSpeech` result. */
  speech: UseSpeechResult;
  /** The text to read. */
  text: string;
  /** Replaces the text. */
  setText(text: string): void;
  /** The TTS model. */
  model: string;
  /** Chooses the model (keeping the voice when the model has it). */
  setModel(model: string): void;
  /** The voice. */
  voice: string;
  /** Chooses the voice. */
  setVoice(voice: string): void;
  /** Speed from 0.25 to 4. */
  speed: number;
  /** Sets the speed. */
  setSpeed(speed: number): void;
  /** The audio format. */
  format: SpeechFormat;
  /** Sets the audio format. */
  setFormat(format: SpeechFormat): void;
  /** Synthesizes the text. */
  speak(): void;
}

/** The context behind SpeechStudio's parts. */
export const SpeechStudioContext = createContext<SpeechStudioContextValue | null>(null);

/** The nearest SpeechStudio's state; throws outside `SpeechStudio.Root`. */
export function useSpeechStudio(): SpeechStudioContextValue {
  const value = useContext(SpeechStudioContext);
  if (!value) throw new Error('SpeechStudio parts must be rendered inside <SpeechStudio.Root>.');
  return value;
}
