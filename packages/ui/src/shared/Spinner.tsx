'use client';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useBaseMessages } from '../locale/useBaseMessages.js';
import { cx } from './cx.js';

/** Props of {@link Spinner}. */
export interface SpinnerProps extends ComponentPropsWithoutRef<'span'> {
  /** Accessible name; defaults to the locale's "Loading…". */
  label?: string;
  /** Hides the spinner from assistive technology when a nearby text already says it. */
  decorative?: boolean;
  /** @selector [data-size] */
  size?: 'sm' | 'md' | 'lg';
}

/** An indeterminate activity indicator, announced as a status unless decorative. */
export const Spinner = forwardRef<HTMLSpanElement, SpinnerProps>(function Spinner(
  { label, decorative = false, size = 'md', className, ...rest },
  ref,
) {
  const messages = useBaseMessages();
  const a11y = decorative
    ? { 'aria-hidden': true as const }
    : { role: 'status', 'aria-label': label ?? messages.common.loading };
  return (
    <span
      {...a11y}
      {...rest}
      ref={ref}
      data-slot="spinner"
      data-size={size}
      className={cx('aitre-spinner', className)}
    />
  );
});
