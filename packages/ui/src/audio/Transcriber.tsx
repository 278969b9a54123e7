'use client';
import { forwardRef } from 'react';
import { useMessages } from '../locale/LocaleProvider.js';
import { Button } from '../shared/Button.js';
import { useTranscriber } from './TranscriberContext.js';
import { TranscriberOptions } from './TranscriberOptions.js';
import { TranscriberResult } from './TranscriberResult.js';
import { TranscriberRoot, type TranscriberRootProps } from './TranscriberRoot.js';
import { TranscriberSource } from './TranscriberSource.js';

/** Props of {@link Transcriber}. */
export type TranscriberProps = Omit<TranscriberRootProps, 'children'>;

/** Transcribe (or translate) and Clear: the action buttons of Transcriber. */
export function TranscriberActions() {
  const messages = useMessages();
  const { file, transcribe, clear, mode, transcription, recorder } = useTranscriber();
  const busy = transcription.status === 'transcribing';
  const live = recorder.status === 'recording' || recorder.status === 'paused';
  return (
    <div className="aitre-transcriber-actions" data-slot="transcriber-actions">
      <Button onClick={transcribe} disabled={!file || live} loading={busy}>
        {busy
          ? mode === 'translate'
            ? messages.audio.translating
            : messages.audio.transcribing
          : mode === 'translate'
            ? messages.audio.translate
            : messages.audio.transcribe}
      </Button>
      {busy ? (
        <Button variant="ghost" onClick={transcription.cancel}>
          {messages.common.cancel}
        </Button>
      ) : (
        <Button
          variant="ghost"
          onClick={clear}
          disabled={!file && !transcription.result && !transcription.error}
        >
          {messages.audio.clear}
        </Button>
      )}
    </div>
  );
}

const TranscriberBase = forwardRef<HTMLDivElement, TranscriberProps>(
  function Transcriber(props, ref) {
    return (
      <TranscriberRoot {...props} ref={ref}>
        <TranscriberSource />
        <TranscriberOptions />
        <TranscriberActions />
        <TranscriberResult />
      </TranscriberRoot>
    );
  },
);

/**
 * Speech to text: record from the microphone or pick an audio file, transcribe or translate,
 * and get text, SRT or WebVTT to copy or download. Parts: `Transcriber.Root`, `.Source`,
 * `.Options`, `.Actions`, `.Result`. @selector [data-status="transcribing"]
 */
export const Transcriber = Object.assign(TranscriberBase, {
  Root: TranscriberRoot,
  Source: TranscriberSource,
  Options: TranscriberOptions,
  Actions: TranscriberActions,
  Result: TranscriberResult,
});
