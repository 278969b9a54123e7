'use client';
import { forwardRef } from 'react';
import type { ButtonProps } from './Button.js';
import { cx } from './cx.js';

/** Props of {@link IconButton}: the label is required because the button shows only an icon. */
export interface IconButtonProps extends Omit<ButtonProps, 'aria-label' | 'loading'> {
  /** Accessible name, also shown as the tooltip unless `title` is given. */
  'aria-label': string;
}

/** A square button holding only an icon. */
export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { variant = 'ghost', size = 'md', type = 'button', title, className, ...rest },
  ref,
) {
  return (
    <button
      {...rest}
      ref={ref}
      type={type}
      title={title ?? rest['aria-label']}
      data-slot="icon-button"
      data-variant={variant}
      data-size={size}
      className={cx('aitre-icon-button', className)}
    />
  );
});
