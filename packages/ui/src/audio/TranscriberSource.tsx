'use client';
import { AUDIO_EXTENSIONS, MAX_AUDIO_BYTES } from '@aitre/core';
import { type ComponentPropsWithoutRef, forwardRef, useId, useState } from 'react';
import { format } from '../locale/format.js';
import { useMessages } from '../locale/LocaleProvider.js';
import type { Messages } from '../locale/Messages.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { formatDuration } from './formatDuration.js';
import { useTranscriber } from './TranscriberContext.js';

const ACCEPT = ['audio/*', 'video/mp4', 'video/webm', ...AUDIO_EXTENSIONS.map((e) => `.${e}`)].join(
  ',',
);

function recorderError(messages: Messages, kind: string): string {
  if (kind === 'denied') return messages.audio.microphoneDenied;
  if (kind === 'unsupported') return messages.audio.recordingUnsupported;
  if (kind === 'no_device') return messages.audio.microphoneUnavailable;
  return messages.audio.recordingFailed;
}

/** Props of {@link TranscriberSource}. */
export type TranscriberSourceProps = ComponentPropsWithoutRef<'div'>;

/**
 * Where the audio comes from: the microphone (record, pause, stop, with a level meter and a
 * timer) or a file picked or dropped; refused files and microphone failures are explained.
 */
export const TranscriberSource = forwardRef<HTMLDivElement, TranscriberSourceProps>(
  function TranscriberSource({ className, ...rest }, ref) {
    const messages = useMessages();
    const fileId = useId();
    const hintId = useId();
    const { recorder, file, pickFile, fileError, transcription } = useTranscriber();
    const [dragging, setDragging] = useState(false);
    const live = recorder.status === 'recording' || recorder.status === 'paused';
    const busy = transcription.status === 'transcribing';
    const level = Math.round(recorder.level * 100);
    const fromRecorder = recorder.status === 'stopped' && file?.name.startsWith('recording.');

    return (
      <div
        {...rest}
        ref={ref}
        data-slot="transcriber-source"
        className={cx('aitre-transcriber-source', className)}
      >
        <div className="aitre-transcriber-recorder" data-status={recorder.status}>
          {live ? (
            <>
              <Button variant="danger" onClick={() => void recorder.stop()}>
                {messages.audio.stop}
              </Button>
              {recorder.status === 'recording' ? (
                <Button variant="outline" onClick={recorder.pause}>
                  {messages.audio.pause}
                </Button>
              ) : (
                <Button variant="outline" onClick={recorder.resume}>
                  {messages.audio.resume}
                </Button>
              )}
            </>
          ) : (
            <Button
              variant="soft"
              loading={recorder.status === 'requesting'}
              disabled={busy}
              onClick={() => void recorder.start()}
            >
              {messages.audio.record}
            </Button>
          )}
          {/* biome-ignore lint/a11y/useSemanticElements: a native <meter> cannot take the theme's tokens in every browser. */}
          <div
            role="meter"
            aria-label={messages.audio.level}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={level}
            className="aitre-transcriber-meter"
            data-active={recorder.status === 'recording' || undefined}
          >
            <span className="aitre-transcriber-meter-fill" style={{ width: `${level}%` }} />
          </div>
          <span role="timer" aria-label={messages.audio.timer} className="aitre-transcriber-timer">
            {formatDuration(recorder.durationMs)}
          </span>
          <span className="aitre-visually-hidden" aria-live="polite">
            {recorder.status === 'recording' ? messages.audio.recording : ''}
          </span>
        </div>
        {recorder.error ? (
          <p className="aitre-media-error" role="alert" data-slot="recorder-error">
            {recorderError(messages, recorder.error.kind)}
          </p>
        ) : null}
        <div
          className="aitre-transcriber-drop"
          data-slot="transcriber-drop"
          data-dragging={dragging || undefined}
          data-has-file={file ? '' : undefined}
        >
          <label htmlFor={fileId} className="aitre-transcriber-drop-label">
            <span>
              {fromRecorder
                ? format(messages.audio.recordingReady, {
                    duration: formatDuration(recorder.durationMs),
                  })
                : file
                  ? file.name
                  : dragging
                    ? messages.audio.dropFile
                    : messages.audio.pickFile}
            </span>
            <span id={hintId} className="aitre-transcriber-drop-hint">
              {format(messages.audio.fileHint, { max: Math.round(MAX_AUDIO_BYTES / 1048576) })}
            </span>
          </label>
          {/* The input covers the zone, so dropping a file on it picks the file natively. */}
          <input
            id={fileId}
            type="file"
            className="aitre-transcriber-file"
            accept={ACCEPT}
            disabled={busy || live}
            aria-describedby={hintId}
            onDragEnter={() => setDragging(true)}
            onDragLeave={() => setDragging(false)}
            onDrop={() => setDragging(false)}
            onChange={(event) => {
              const input = event.currentTarget;
              pickFile(input.files?.[0]);
              // The same file can be picked again after a fix or a clear.
              input.value = '';
            }}
          />
        </div>
        {file && !live ? (
          <Button variant="ghost" size="sm" disabled={busy} onClick={() => pickFile(undefined)}>
            {messages.audio.removeFile}
          </Button>
        ) : null}
        {fileError ? (
          <p className="aitre-media-error" role="alert" data-slot="file-error">
            {fileError}
          </p>
        ) : null}
      </div>
    );
  },
);
