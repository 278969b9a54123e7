'use client';
import { type ComponentPropsWithoutRef, forwardRef, useEffect, useState } from 'react';
import { useMessages } from '../locale/LocaleProvider.js';
import { localizeError } from '../locale/localizeError.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { useTranscriber } from './TranscriberContext.js';

/** Props of {@link TranscriberResult}. */
export type TranscriberResultProps = ComponentPropsWithoutRef<'section'>;

/** The transcript (text, SRT or WebVTT) with copy and download, or the localized error. */
export const TranscriberResult = forwardRef<HTMLElement, TranscriberResultProps>(
  function TranscriberResult({ className, ...rest }, ref) {
    const messages = useMessages();
    const { transcription, mode } = useTranscriber();
    const { result, error, status } = transcription;
    // Remembers which content was copied, so a new transcript shows "Copy" again.
    const [copiedState, setCopiedState] = useState<{
      content: string;
      state: 'copied' | 'failed';
    }>();
    const kind = result?.srt !== undefined ? 'srt' : result?.vtt !== undefined ? 'vtt' : 'text';
    const content = result ? (result.srt ?? result.vtt ?? result.text) : '';
    const type =
      kind === 'vtt' ? 'text/vtt' : kind === 'srt' ? 'application/x-subrip' : 'text/plain';
    // An object URL for the download, made after render and revoked when the transcript changes.
    const [url, setUrl] = useState<string>();
    useEffect(() => {
      if (!content || typeof URL.createObjectURL !== 'function') return;
      const made = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
      setUrl(made);
      return () => {
        URL.revokeObjectURL(made);
        setUrl(undefined);
      };
    }, [content, type]);
    const copied = copiedState?.content === content ? copiedState.state : undefined;

    async function copy() {
      try {
        await navigator.clipboard.writeText(content);
        setCopiedState({ content, state: 'copied' });
      } catch {
        setCopiedState({ content, state: 'failed' });
      }
    }

    return (
      <section
        {...rest}
        ref={ref}
        aria-label={mode === 'translate' ? messages.audio.translationResult : messages.audio.result}
        aria-busy={status === 'transcribing' || undefined}
        data-slot="transcriber-result"
        data-format={result ? kind : undefined}
        className={cx('aitre-transcriber-result', className)}
      >
        <p className="aitre-visually-hidden" aria-live="polite">
          {status === 'transcribing'
            ? mode === 'translate'
              ? messages.audio.translating
              : messages.audio.transcribing
            : ''}
        </p>
        {error ? (
          <p className="aitre-media-error" role="alert" data-slot="transcriber-error">
            {localizeError(error, messages)}
          </p>
        ) : null}
        {result ? (
          <>
            <pre className="aitre-transcriber-text" data-slot="transcript">
              {content}
            </pre>
            <div className="aitre-transcriber-actions">
              <Button variant="soft" size="sm" onClick={() => void copy()}>
                {copied === 'copied'
                  ? messages.audio.copied
                  : copied === 'failed'
                    ? messages.common.copyFailed
                    : messages.audio.copy}
              </Button>
              <a
                className="aitre-button"
                data-variant="soft"
                data-size="sm"
                href={url ?? `data:${type};charset=utf-8,${encodeURIComponent(content)}`}
                download={`transcript.${kind === 'text' ? 'txt' : kind}`}
              >
                {messages.audio.download}
              </a>
            </div>
          </>
        ) : null}
      </section>
    );
  },
);
