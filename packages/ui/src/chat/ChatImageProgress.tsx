'use client';
import { parseImageProgress } from '@aitre/react';
import { useMemo } from 'react';
import { format } from '../locale/format.js';
import { useBaseMessages } from '../locale/useBaseMessages.js';
import { ProgressBar } from '../shared/ProgressBar.js';

/** Props of {@link ChatImageProgress}. */
export interface ChatImageProgressProps {
  /** The accumulated text of the streaming answer (progress marks arrive split across chunks). */
  content: string;
}

/** Stage and percent of a gpt-4o-image answer while it streams. @selector [data-stage] */
export function ChatImageProgress({ content }: ChatImageProgressProps) {
  const messages = useBaseMessages();
  const progress = useMemo(() => parseImageProgress(content), [content]);
  const stage = progress.stage ?? 'queued';
  const label =
    stage === 'done'
      ? messages.chat.imageDone
      : stage === 'generating'
        ? messages.chat.imageGenerating
        : messages.chat.imageQueued;
  return (
    <div className="aitre-chat-image-progress" data-slot="chat-image-progress" data-stage={stage}>
      <div className="aitre-chat-image-progress-label">
        <span>{label}</span>
        {progress.percent !== null && (
          <span>{format(messages.chat.percent, { value: progress.percent })}</span>
        )}
      </div>
      <ProgressBar value={progress.percent} label={messages.chat.imageProgress} />
    </div>
  );
}
