import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CodeBlock } from './CodeBlock.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CodeBlock', () => {
  it('shows the language and the code', () => {
    render(<CodeBlock code="let x = 1;" language="rust" />);
    expect(screen.getByText('rust')).toBeTruthy();
    expect(screen.getByText('let x = 1;').tagName).toBe('CODE');
  });

  it('copies the code to the clipboard and shows the copied state', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    render(<CodeBlock code="echo hi" language="sh" />);
    const button = screen.getByRole('button', { name: 'Copy code' });
    await act(async () => {
      fireEvent.click(button);
    });
    expect(writeText).toHaveBeenCalledWith('echo hi');
    const copied = screen.getByRole('button', { name: 'Code copied' });
    expect(copied.dataset.state).toBe('copied');
    expect(screen.getByRole('status').textContent).toBe('Code copied');
  });

  it('says so when the clipboard is unavailable', async () => {
    vi.stubGlobal('navigator', {});
    render(<CodeBlock code="x" />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    });
    expect(screen.getByRole('button', { name: 'Copy failed' }).dataset.state).toBe('error');
  });
});
