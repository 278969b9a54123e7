'use client';
import {
  type AitreClient,
  type AudioRecorderOptions,
  audioExtension,
  validateAudioFile,
} from '@aitre/core';
import { useAudioRecorder, useTranscription } from '@aitre/react';
import { forwardRef, type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useMessages } from '../locale/LocaleProvider.js';
import { localizeError } from '../locale/localizeError.js';
import { cx } from '../shared/cx.js';
import { type Theme, ThemeRoot, type ThemeRootProps } from '../shared/ThemeRoot.js';
import {
  TranscriberContext,
  type TranscriberContextValue,
  type TranscriptOutput,
} from './TranscriberContext.js';

/** Only whisper-1 writes subtitles and translates; the gpt-4o transcribe models answer JSON. */
export function supportsSubtitles(model: string): boolean {
  return model.startsWith('whisper');
}

/** Props of {@link TranscriberRoot}. */
export interface TranscriberRootProps extends Omit<ThemeRootProps, 'theme'> {
  /** The model at first (default 'whisper-1'). */
  defaultModel?: string;
  /** The mode at first (default 'transcribe'). */
  defaultMode?: 'transcribe' | 'translate';
  /** The output format at first (default 'text'). */
  defaultOutput?: TranscriptOutput;
  /** The audio language at first ('' detects it, the default). */
  defaultLanguage?: string;
  /** Platform pieces of the recorder (tests and stories pass fakes). */
  recorderOptions?: AudioRecorderOptions;
  /** Colour theme of the root. */
  theme?: Theme;
  /** A client to use instead of the one from `AitreProvider`. */
  client?: AitreClient;
  /** The parts. */
  children?: ReactNode;
}

/** The state holder and themed root of Transcriber; its parts read it from context. */
export const TranscriberRoot = forwardRef<HTMLDivElement, TranscriberRootProps>(
  function TranscriberRoot(
    {
      defaultModel = 'whisper-1',
      defaultMode = 'transcribe',
      defaultOutput = 'text',
      defaultLanguage = '',
      recorderOptions,
      theme,
      client,
      className,
      children,
      ...rest
    },
    ref,
  ) {
    const messages = useMessages();
    const transcription = useTranscription(client ? { client } : {});
    const recorder = useAudioRecorder(recorderOptions);
    const [mode, setModeState] = useState(defaultMode);
    const [model, setModelState] = useState(defaultModel);
    const [language, setLanguage] = useState(defaultLanguage);
    const [output, setOutput] = useState<TranscriptOutput>(defaultOutput);
    const [prompt, setPrompt] = useState('');
    const [file, setFile] = useState<File>();
    const [fileError, setFileError] = useState<unknown>();

    const setModel = useCallback((next: string) => {
      setModelState(next);
      if (!supportsSubtitles(next)) {
        setOutput('text');
        setModeState('transcribe');
      }
    }, []);

    const setMode = useCallback((next: 'transcribe' | 'translate') => {
      setModeState(next);
      // Translations exist only on whisper-1.
      if (next === 'translate') setModelState('whisper-1');
    }, []);

    const pickFile = useCallback(
      (next: File | undefined) => {
        transcription.reset();
        if (!next) {
          setFile(undefined);
          setFileError(undefined);
          return;
        }
        try {
          validateAudioFile(next);
          setFile(next);
          setFileError(undefined);
        } catch (error) {
          setFile(undefined);
          setFileError(error);
        }
      },
      [transcription.reset],
    );

    // A finished recording becomes the file to upload, named so the gateway knows its format.
    const recording = recorder.blob;
    useEffect(() => {
      if (!recording) return;
      const extension = audioExtension(recording) ?? 'webm';
      const type = recording.type || 'audio/webm';
      pickFile(new File([recording], `recording.${extension}`, { type }));
    }, [recording, pickFile]);

    const { transcribe: upload, reset } = transcription;
    const transcribe = useCallback(() => {
      if (!file) return;
      void upload(file, {
        mode,
        model,
        format: output === 'text' ? 'json' : output,
        ...(mode === 'transcribe' && language ? { language } : {}),
        ...(prompt.trim() ? { prompt: prompt.trim() } : {}),
      });
    }, [upload, file, mode, model, output, language, prompt]);

    const { reset: resetRecorder } = recorder;
    const clear = useCallback(() => {
      reset();
      resetRecorder();
      setFile(undefined);
      setFileError(undefined);
    }, [reset, resetRecorder]);

    const value = useMemo<TranscriberContextValue>(
      () => ({
        transcription,
        recorder,
        mode,
        setMode,
        model,
        setModel,
        language,
        setLanguage,
        output,
        setOutput,
        prompt,
        setPrompt,
        file,
        pickFile,
        fileError: fileError === undefined ? undefined : localizeError(fileError, messages),
        transcribe,
        clear,
      }),
      [
        transcription,
        recorder,
        mode,
        setMode,
        model,
        setModel,
        language,
        output,
        prompt,
        file,
        pickFile,
        fileError,
        messages,
        transcribe,
        clear,
      ],
    );

    return (
      <ThemeRoot
        {...rest}
        ref={ref}
        theme={theme}
        data-slot="transcriber"
        data-status={transcription.status}
        data-recorder={recorder.status}
        className={cx('aitre-transcriber', className)}
      >
        <TranscriberContext.Provider value={value}>{children}</TranscriberContext.Provider>
      </ThemeRoot>
    );
  },
);
