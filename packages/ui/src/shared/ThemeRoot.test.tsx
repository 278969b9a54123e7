import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ThemeRoot } from './ThemeRoot.js';

afterEach(cleanup);

describe('ThemeRoot', () => {
  it('is the themed root when standing alone', () => {
    render(<ThemeRoot data-testid="root" theme="dark" />);
    const root = screen.getByTestId('root');
    expect(root.className).toBe('aitre-root');
    expect(root.getAttribute('data-theme')).toBe('dark');
  });

  it('follows the system theme without data-theme', () => {
    render(<ThemeRoot data-testid="root" theme="system" className="mine" />);
    const root = screen.getByTestId('root');
    expect(root.className).toBe('aitre-root mine');
    expect(root.hasAttribute('data-theme')).toBe(false);
  });

  it('stays a plain element inside another root, so the outer theme applies', () => {
    render(
      <div className="aitre-root" data-theme="dark">
        <ThemeRoot data-testid="hand-written" />
        <ThemeRoot>
          <ThemeRoot data-testid="nested" />
        </ThemeRoot>
      </div>,
    );
    expect(screen.getByTestId('hand-written').classList.contains('aitre-root')).toBe(false);
    expect(screen.getByTestId('nested').classList.contains('aitre-root')).toBe(false);
  });

  it('becomes a root again inside another when given a theme', () => {
    render(
      <ThemeRoot theme="dark">
        <ThemeRoot data-testid="light" theme="light" />
      </ThemeRoot>,
    );
    const light = screen.getByTestId('light');
    expect(light.classList.contains('aitre-root')).toBe(true);
    expect(light.getAttribute('data-theme')).toBe('light');
  });
});
