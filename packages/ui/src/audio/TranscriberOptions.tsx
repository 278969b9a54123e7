'use client';
import { type ComponentPropsWithoutRef, forwardRef, useId, useMemo } from 'react';
import { useLocale, useMessages } from '../locale/LocaleProvider.js';
import { ModelPicker } from '../models/ModelPicker.js';
import { cx } from '../shared/cx.js';
import { type TranscriptOutput, useTranscriber } from './TranscriberContext.js';
import { supportsSubtitles } from './TranscriberRoot.js';

/** ISO-639-1 codes offered in the language select (names come from Intl in the UI language). */
export const TRANSCRIPTION_LANGUAGES: readonly string[] = [
  'en',
  'zh',
  'ja',
  'ko',
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'ru',
  'ar',
  'hi',
  'id',
  'vi',
  'th',
  'tr',
  'nl',
  'pl',
  'uk',
  'sv',
];

/** Props of {@link TranscriberOptions}. */
export type TranscriberOptionsProps = ComponentPropsWithoutRef<'div'>;

/** Mode (transcribe or translate), model, audio language and output format. */
export const TranscriberOptions = forwardRef<HTMLDivElement, TranscriberOptionsProps>(
  function TranscriberOptions({ className, ...rest }, ref) {
    const messages = useMessages();
    const locale = useLocale();
    const modeId = useId();
    const languageId = useId();
    const outputId = useId();
    const promptId = useId();
    const {
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
      transcription,
    } = useTranscriber();
    const busy = transcription.status === 'transcribing';
    const languages = useMemo(() => {
      const names =
        typeof Intl.DisplayNames === 'function'
          ? new Intl.DisplayNames([locale], { type: 'language' })
          : undefined;
      return TRANSCRIPTION_LANGUAGES.map((code) => ({ code, name: names?.of(code) ?? code }));
    }, [locale]);
    const outputs: Array<[TranscriptOutput, string]> = supportsSubtitles(model)
      ? [
          ['text', messages.audio.outputText],
          ['srt', messages.audio.outputSrt],
          ['vtt', messages.audio.outputVtt],
        ]
      : [['text', messages.audio.outputText]];

    return (
      <div
        {...rest}
        ref={ref}
        data-slot="transcriber-options"
        className={cx('aitre-transcriber-options', className)}
      >
        <div className="aitre-media-field">
          <label htmlFor={modeId} className="aitre-media-label">
            {messages.audio.mode}
          </label>
          <select
            id={modeId}
            className="aitre-select"
            value={mode}
            disabled={busy}
            onChange={(event) => setMode(event.currentTarget.value as 'transcribe' | 'translate')}
          >
            <option value="transcribe">{messages.audio.transcribe}</option>
            <option value="translate">{messages.audio.translate}</option>
          </select>
        </div>
        <ModelPicker
          value={model}
          onChange={setModel}
          capabilities={['audio-stt']}
          extraModels={['whisper-1']}
          label={messages.audio.model}
          disabled={busy || mode === 'translate'}
        />
        {mode === 'transcribe' ? (
          <div className="aitre-media-field">
            <label htmlFor={languageId} className="aitre-media-label">
              {messages.audio.language}
            </label>
            <select
              id={languageId}
              className="aitre-select"
              value={language}
              disabled={busy}
              onChange={(event) => setLanguage(event.currentTarget.value)}
            >
              <option value="">{messages.audio.languageAuto}</option>
              {languages.map(({ code, name }) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="aitre-media-field">
          <label htmlFor={outputId} className="aitre-media-label">
            {messages.audio.output}
          </label>
          <select
            id={outputId}
            className="aitre-select"
            value={output}
            disabled={busy}
            onChange={(event) => setOutput(event.currentTarget.value as TranscriptOutput)}
          >
            {outputs.map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="aitre-media-field" data-slot="transcriber-prompt">
          <label htmlFor={promptId} className="aitre-media-label">
            {messages.audio.prompt}
          </label>
          <input
            id={promptId}
            className="aitre-input"
            value={prompt}
            disabled={busy}
            onChange={(event) => setPrompt(event.currentTarget.value)}
          />
        </div>
      </div>
    );
  },
);
