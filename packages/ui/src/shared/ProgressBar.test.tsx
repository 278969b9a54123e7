import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressBar } from './ProgressBar.js';

afterEach(cleanup);

describe('ProgressBar', () => {
  it('exposes its value as a progressbar', () => {
    render(<ProgressBar value={45} label="Upscaling" className="x" />);
    const bar = screen.getByRole('progressbar', { name: 'Upscaling' });
    expect(bar.getAttribute('aria-valuenow')).toBe('45');
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.dataset.state).toBe('loading');
    expect(bar.className).toBe('aitre-progress x');
  });

  it('clamps the value and reports completion', () => {
    render(<ProgressBar value={140} />);
    const bar = screen.getByRole('progressbar', { name: 'Progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(bar.dataset.state).toBe('complete');
  });

  it('has no value when indeterminate', () => {
    render(<ProgressBar value={null} />);
    const bar = screen.getByRole('progressbar');
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
    expect(bar.dataset.state).toBe('indeterminate');
  });
});
