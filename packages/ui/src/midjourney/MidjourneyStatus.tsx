'use client';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { format } from '../locale/format.js';
import { useMessages } from '../locale/LocaleProvider.js';
import { cx } from '../shared/cx.js';
import { ProgressBar } from '../shared/ProgressBar.js';
import { useMidjourneyStudio } from './MidjourneyStudioRoot.js';
import { taskStatusText } from './taskStatusText.js';

// Announce progress every quarter, not on every poll.
const MILESTONE = 25;

/** The task's status text, numeric progress and progress bar, announced politely at milestones. */
export const MidjourneyStatus = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(
  function MidjourneyStatus({ className, ...rest }, ref) {
    const m = useMessages().midjourney;
    const { task } = useMidjourneyStudio();
    const text = taskStatusText(task, m);
    const running = task.status === 'running' || task.status === 'submitting';
    const showBar = running || task.status === 'success';
    // Queued and submitted tasks have no meaningful number yet: an indeterminate bar says so.
    const value =
      task.status === 'success' ? 100 : running && task.progress > 0 ? task.progress : null;
    const milestone = Math.floor(task.progress / MILESTONE) * MILESTONE;
    const announcement =
      task.status === 'running' && milestone > 0
        ? format(m.announceProgress, { status: text, percent: milestone })
        : text;
    return (
      <div
        {...rest}
        ref={ref}
        data-slot="midjourney-status"
        data-status={task.status}
        className={cx('aitre-mj-status', className)}
      >
        {text && (
          <div className="aitre-mj-status-line">
            <span className="aitre-mj-status-text">{text}</span>
            {value !== null && (
              <span className="aitre-mj-status-percent">
                {format(m.percent, { value: Math.round(value) })}
              </span>
            )}
          </div>
        )}
        {showBar && <ProgressBar value={value} label={m.progress} />}
        <div className="aitre-visually-hidden" aria-live="polite" aria-atomic="true">
          {announcement}
        </div>
      </div>
    );
  },
);
