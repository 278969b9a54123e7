import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../locale/LocaleProvider.js';
import { Spinner } from './Spinner.js';

afterEach(cleanup);

describe('Spinner', () => {
  it('is a status named in the current locale', () => {
    render(
      <LocaleProvider locale="zh-CN">
        <Spinner />
      </LocaleProvider>,
    );
    expect(screen.getByRole('status', { name: '加载中…' }).dataset.slot).toBe('spinner');
  });

  it('is hidden from assistive technology when decorative', () => {
    const { container } = render(<Spinner decorative />);
    expect(screen.queryByRole('status')).toBeNull();
    expect(container.firstElementChild!.getAttribute('aria-hidden')).toBe('true');
  });
});
