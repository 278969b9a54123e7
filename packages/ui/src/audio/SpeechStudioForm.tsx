'use client';
import { MAX_SPEECH_INPUT } from '@aitre/core';
import { type ComponentPropsWithoutRef, forwardRef, useId } from 'react';
import { format as fill } from '../locale/format.js';
import { useMessages } from '../locale/LocaleProvider.js';
import { localizeError } from '../locale/localizeError.js';
import { ModelPicker } from '../models/ModelPicker.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { type SpeechFormat, useSpeechStudio } from './SpeechStudioContext.js';
import { voicesFor } from './SpeechStudioRoot.js';

const FORMATS: readonly SpeechFormat[] = ['mp3', 'opus', 'aac', 'flac', 'wav'];

/** Props of {@link SpeechStudioForm}. */
export type SpeechStudioFormProps = ComponentPropsWithoutRef<'form'>;

/** The text with its counter, model, voice, speed and format, and Generate speech. */
export const SpeechStudioForm = forwardRef<HTMLFormElement, SpeechStudioFormProps>(
  function SpeechStudioForm({ className, onSubmit, ...rest }, ref) {
    const messages = useMessages();
    const textId = useId();
    const counterId = useId();
    const voiceId = useId();
    const speedId = useId();
    const formatId = useId();
    const studio = useSpeechStudio();
    const { speech, text, setText, model, setModel, voice, setVoice, speed, setSpeed } = studio;
    const busy = speech.status === 'speaking';
    const over = text.length > MAX_SPEECH_INPUT;

    return (
      <form
        {...rest}
        ref={ref}
        data-slot="speech-studio-form"
        className={cx('aitre-speech-form', className)}
        onSubmit={(event) => {
          onSubmit?.(event);
          event.preventDefault();
          if (!busy) studio.speak();
        }}
      >
        <div className="aitre-media-field">
          <label htmlFor={textId} className="aitre-media-label">
            {messages.speech.text}
          </label>
          <textarea
            id={textId}
            className="aitre-textarea"
            rows={5}
            value={text}
            placeholder={messages.speech.textPlaceholder}
            aria-describedby={counterId}
            aria-invalid={over || undefined}
            onChange={(event) => setText(event.currentTarget.value)}
          />
          <span
            id={counterId}
            className="aitre-speech-counter"
            data-state={over ? 'over' : undefined}
          >
            {fill(messages.speech.characters, { count: text.length, max: MAX_SPEECH_INPUT })}
          </span>
        </div>
        <div className="aitre-speech-options">
          <ModelPicker
            value={model}
            onChange={setModel}
            capabilities={['audio-tts']}
            extraModels={['tts-1', 'tts-1-hd', 'gpt-4o-mini-tts']}
            label={messages.speech.model}
            disabled={busy}
          />
          <div className="aitre-media-field">
            <label htmlFor={voiceId} className="aitre-media-label">
              {messages.speech.voice}
            </label>
            <select
              id={voiceId}
              className="aitre-select"
              value={voice}
              disabled={busy}
              onChange={(event) => setVoice(event.currentTarget.value)}
            >
              {voicesFor(model).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div className="aitre-media-field">
            <label htmlFor={speedId} className="aitre-media-label">
              {messages.speech.speed} <output htmlFor={speedId}>{speed.toFixed(2)}×</output>
            </label>
            <input
              id={speedId}
              className="aitre-speech-range"
              type="range"
              min={0.25}
              max={4}
              step={0.25}
              value={speed}
              disabled={busy}
              onChange={(event) => setSpeed(Number(event.currentTarget.value))}
            />
          </div>
          <div className="aitre-media-field">
            <label htmlFor={formatId} className="aitre-media-label">
              {messages.speech.format}
            </label>
            <select
              id={formatId}
              className="aitre-select"
              value={studio.format}
              disabled={busy}
              onChange={(event) => studio.setFormat(event.currentTarget.value as SpeechFormat)}
            >
              {FORMATS.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="aitre-speech-actions">
          <Button type="submit" loading={busy}>
            {busy ? messages.speech.generating : messages.speech.generate}
          </Button>
          {busy ? (
            <Button variant="ghost" onClick={speech.cancel}>
              {messages.common.cancel}
            </Button>
          ) : null}
        </div>
        {speech.error ? (
          <p className="aitre-media-error" role="alert" data-slot="speech-error">
            {localizeError(speech.error, messages)}
          </p>
        ) : null}
      </form>
    );
  },
);
