'use client';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useBaseMessages } from '../locale/useBaseMessages.js';
import { cx } from './cx.js';

/** Props of {@link ProgressBar}. */
export interface ProgressBarProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Progress from 0 to `max`; null or undefined shows an indeterminate bar. */
  value?: number | null;
  /** The value of a complete task. Defaults to 100. */
  max?: number;
  /** Accessible name; defaults to the locale's "Progress". */
  label?: string;
}

/** A progress bar exposed as `role="progressbar"`. @selector [data-state="indeterminate"] */
export const ProgressBar = forwardRef<HTMLDivElement, ProgressBarProps>(function ProgressBar(
  { value, max = 100, label, className, ...rest },
  ref,
) {
  const messages = useBaseMessages();
  const known = typeof value === 'number' && Number.isFinite(value);
  const clamped = known ? Math.min(Math.max(value, 0), max) : 0;
  const percent = max > 0 ? (clamped / max) * 100 : 0;
  return (
    <div
      role="progressbar"
      aria-label={label ?? messages.common.progress}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={known ? clamped : undefined}
      {...rest}
      ref={ref}
      data-slot="progress"
      data-state={known ? (clamped >= max ? 'complete' : 'loading') : 'indeterminate'}
      className={cx('aitre-progress', className)}
    >
      <div
        className="aitre-progress-indicator"
        style={known ? { width: `${percent}%` } : undefined}
      />
    </div>
  );
});
