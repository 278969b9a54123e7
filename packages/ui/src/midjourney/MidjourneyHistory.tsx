'use client';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { format } from '../locale/format.js';
import { useMessages } from '../locale/LocaleProvider.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { useMidjourneyStudio } from './MidjourneyStudioRoot.js';
import { actionText, gatewayStatusText } from './taskStatusText.js';

/** The tasks of this session (kept across reloads when storage allows); opening one resumes it by id. */
export const MidjourneyHistory = forwardRef<HTMLElement, ComponentPropsWithoutRef<'section'>>(
  function MidjourneyHistory({ className, ...rest }, ref) {
    const m = useMessages().midjourney;
    const { history, open, clearHistory, task } = useMidjourneyStudio();
    return (
      <section
        {...rest}
        ref={ref}
        aria-label={m.history}
        data-slot="midjourney-history"
        className={cx('aitre-mj-history', className)}
      >
        <div className="aitre-mj-history-header">
          <h3 className="aitre-mj-heading">{m.history}</h3>
          {history.length > 0 && (
            <Button size="sm" variant="ghost" onClick={clearHistory}>
              {m.clearHistory}
            </Button>
          )}
        </div>
        {history.length === 0 ? (
          <p className="aitre-mj-empty">{m.historyEmpty}</p>
        ) : (
          <ul className="aitre-mj-history-list">
            {history.map((entry) => {
              const current = entry.id === task.taskId;
              // Blend and describe tasks carry the Discord command the relay ran
              // (`/blend 1795… 2`) as their prompt: their action names them better.
              const command = entry.action !== undefined && entry.text?.startsWith('/');
              const action = entry.action && actionText(entry.action, m);
              return (
                <li key={entry.id}>
                  <button
                    type="button"
                    className="aitre-mj-history-item"
                    aria-current={current || undefined}
                    title={format(m.openTask, { id: entry.id })}
                    data-status={entry.status}
                    onClick={() => open(entry.id)}
                  >
                    <span className="aitre-mj-history-text">
                      {command ? action : entry.text || entry.id}
                    </span>
                    <span className="aitre-mj-history-meta">
                      {action && !command && (
                        <span className="aitre-mj-history-action">{action}</span>
                      )}
                      <span>{gatewayStatusText(entry.status, m)}</span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    );
  },
);
