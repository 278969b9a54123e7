'use client';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { cx } from './cx.js';
import { Spinner } from './Spinner.js';

/** Visual weight of a {@link Button}. */
export type ButtonVariant = 'solid' | 'soft' | 'outline' | 'ghost' | 'danger';

/** Props of {@link Button}. */
export interface ButtonProps extends ComponentPropsWithoutRef<'button'> {
  /** @selector [data-variant] */
  variant?: ButtonVariant;
  /** @selector [data-size] */
  size?: 'sm' | 'md' | 'lg';
  /** Shows a spinner and disables the button while an action runs. @selector [data-loading] */
  loading?: boolean;
}

/** A styled `<button>` (type "button" unless told otherwise). */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  {
    variant = 'solid',
    size = 'md',
    loading = false,
    type = 'button',
    disabled,
    children,
    className,
    ...rest
  },
  ref,
) {
  return (
    <button
      {...rest}
      ref={ref}
      type={type}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      data-slot="button"
      data-variant={variant}
      data-size={size}
      data-loading={loading || undefined}
      className={cx('aitre-button', className)}
    >
      {loading && <Spinner decorative size="sm" />}
      {children}
    </button>
  );
});
