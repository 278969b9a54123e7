'use client';
import { type ComponentPropsWithoutRef, forwardRef, useEffect, useId, useState } from 'react';
import { format } from '../locale/format.js';
import { useMessages } from '../locale/LocaleProvider.js';
import { localizeError } from '../locale/localizeError.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { useDownloadHref } from '../shared/useDownloadHref.js';
import { MidjourneyButtons } from './MidjourneyButtons.js';
import { MidjourneyImage } from './MidjourneyImage.js';
import { MidjourneyStatus } from './MidjourneyStatus.js';
import { useMidjourneyStudio } from './MidjourneyStudioRoot.js';
import { promptAspectRatio } from './promptAspectRatio.js';

/** A list of prompts (describe results, shorter prompts), each one click from a new imagine. */
function PromptChoices({ title, prompts }: { title: string; prompts: string[] }) {
  const m = useMessages().midjourney;
  const { imagineText, task } = useMidjourneyStudio();
  const id = useId();
  return (
    <section className="aitre-mj-prompts" data-slot="midjourney-prompts" aria-label={title}>
      <h3 className="aitre-mj-heading">{title}</h3>
      <ol className="aitre-mj-prompt-list">
        {prompts.map((prompt, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the order is the identity (1️⃣..4️⃣).
          <li key={i} className="aitre-mj-prompt">
            <p className="aitre-mj-prompt-text" id={`${id}-${i}`}>
              {prompt}
            </p>
            <Button
              size="sm"
              variant="soft"
              disabled={task.status === 'submitting'}
              aria-describedby={`${id}-${i}`}
              onClick={() => void imagineText(prompt)}
            >
              {m.usePrompt}
            </Button>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The watched task: status and progress, preview then result image, buttons, prompts, failures and timeouts. */
export const MidjourneyTaskView = forwardRef<HTMLElement, ComponentPropsWithoutRef<'section'>>(
  function MidjourneyTaskView({ className, ...rest }, ref) {
    const messages = useMessages();
    const downloadHref = useDownloadHref();
    const m = messages.midjourney;
    const { task, modalOpen, reopenModal } = useMidjourneyStudio();
    const { status, error, taskId, imageUrl } = task;
    const prompt = task.task?.prompt || task.pendingModal?.finalPrompt;
    // The ratio comes from --ar, else from the last image seen, so the frame keeps its size
    // from the first preview to the final image.
    const [seenRatio, setSeenRatio] = useState<number>();
    const fromPrompt = promptAspectRatio(prompt);
    useEffect(() => {
      if (!taskId) setSeenRatio(undefined);
    }, [taskId]);
    const ratio = fromPrompt ?? seenRatio ?? 1;
    const running = status === 'running' || status === 'submitting';
    const timedOut = status === 'error' && error?.kind === 'timeout';

    return (
      <section
        {...rest}
        ref={ref}
        data-slot="midjourney-task"
        data-status={status}
        // Focus lands here when the pressed button is replaced by the new task's.
        tabIndex={-1}
        className={cx('aitre-mj-task', className)}
      >
        <MidjourneyStatus />
        {status === 'idle' && !taskId ? (
          <p className="aitre-mj-empty">{m.emptyTask}</p>
        ) : (
          <>
            {timedOut && (
              <div className="aitre-mj-notice" role="alert" data-slot="midjourney-timeout">
                <p>{m.timedOut}</p>
                {taskId && <p>{format(m.keepTaskId, { id: taskId })}</p>}
                <Button size="sm" variant="soft" onClick={() => task.refresh()}>
                  {m.refresh}
                </Button>
              </div>
            )}
            {(status === 'failure' || (status === 'error' && !timedOut)) && error && (
              <div className="aitre-mj-notice" role="alert" data-slot="midjourney-error">
                <p>{localizeError(error, messages)}</p>
                {status === 'error' && taskId && error.kind !== 'no_midjourney' && (
                  <Button size="sm" variant="soft" onClick={() => task.refresh()}>
                    {m.refresh}
                  </Button>
                )}
              </div>
            )}
            {status === 'modal' && !modalOpen && (
              <Button size="sm" onClick={reopenModal}>
                {m.continueTask}
              </Button>
            )}
            {imageUrl && (status === 'running' || status === 'success') && (
              <MidjourneyImage
                src={imageUrl}
                stage={status === 'success' ? 'final' : 'preview'}
                aspectRatio={ratio}
                onAspectRatio={setSeenRatio}
                onBroken={task.refresh}
                downloadName={taskId ? `midjourney-${taskId}.png` : undefined}
              />
            )}
            {running && !imageUrl && (
              <div
                className="aitre-mj-figure"
                data-stage="placeholder"
                aria-hidden="true"
                style={{ aspectRatio: String(ratio), width: `min(100%, ${70 * ratio}vh)` }}
              />
            )}
            {status === 'success' && imageUrl && (
              <a
                className="aitre-button aitre-mj-download"
                data-variant="ghost"
                data-size="sm"
                href={downloadHref(imageUrl)}
                download={taskId ? `midjourney-${taskId}.png` : ''}
                target="_blank"
                rel="noopener noreferrer"
              >
                {messages.common.download}
              </a>
            )}
            <MidjourneyButtons />
            {task.describePrompts.length > 0 && (
              <PromptChoices title={m.describeResults} prompts={task.describePrompts} />
            )}
            {task.shortenSuggestions.length > 0 && (
              <PromptChoices title={m.shortenResults} prompts={task.shortenSuggestions} />
            )}
            {taskId && (
              <p className="aitre-mj-task-id">
                <span>{m.taskId}</span> <code>{taskId}</code>
              </p>
            )}
          </>
        )}
      </section>
    );
  },
);
