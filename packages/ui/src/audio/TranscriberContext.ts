'use client';
import type { UseAudioRecorderResult, UseTranscriptionResult } from '@aitre/react';
import { createContext, useContext } from 'react';

/** Output formats Transcriber offers. */
export type TranscriptOutput = 'text' | 'srt' | 'vtt';

/** What the parts of Transcriber share. */
export interface TranscriberContextValue {
  /** The `useTranscription` result. */
  transcription: UseTranscriptionResult;
  /** The `useAudioRecorder` result. */
  recorder: UseAudioRecorderResult;
  /** 'transcribe' keeps the spoken language; 'translate' answers in English. */
  mode: 'transcribe' | 'translate';
  /** Switches the mode. */
  setMode(mode: 'transcribe' | 'translate'): void;
  /** The speech-to-text model. */
  model: string;
  /** Chooses the model. */
  setModel(model: string): void;
  /** ISO-639-1 language of the audio, '' to detect it. */
  language: string;
  /** Sets the language. */
  setLanguage(language: string): void;
  /** Text guiding the model's vocabulary and style ('' for none). */
  prompt: string;
  /** Sets the prompt. */
  setPrompt(prompt: string): void;
  /** The output format asked for. */
  output: TranscriptOutput;
  /** Sets the output format. */
  setOutput(output: TranscriptOutput): void;
  /** The audio to upload: a picked file or the finished recording. */
  file: File | undefined;
  /** Checks and takes a file (a wrong type or size shows an error and is not kept). */
  pickFile(file: File | undefined): void;
  /** Why the picked file was refused, localized. */
  fileError: string | undefined;
  /** Uploads the file. */
  transcribe(): void;
  /** Drops the file, the recording and the result. */
  clear(): void;
}

/** The context behind Transcriber's parts. */
export const TranscriberContext = createContext<TranscriberContextValue | null>(null);

/** The nearest Transcriber's state; throws outside `Transcriber.Root`. */
export function useTranscriber(): TranscriberContextValue {
  const value = useContext(TranscriberContext);
  if (!value) throw new Error('Transcriber parts must be rendered inside <Transcriber.Root>.');
  return value;
}
