import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button } from './Button.js';
import { IconButton } from './IconButton.js';

afterEach(cleanup);

describe('Button', () => {
  it('is a button of type "button" with its variant, slot and merged class', () => {
    const ref = createRef<HTMLButtonElement>();
    render(
      <Button ref={ref} variant="soft" className="mine" style={{ margin: 3 }}>
        Save
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Save' });
    expect(button).toBe(ref.current);
    expect(button.getAttribute('type')).toBe('button');
    expect(button.dataset.slot).toBe('button');
    expect(button.dataset.variant).toBe('soft');
    expect(button.className).toBe('aitre-button mine');
    expect(button.style.margin).toBe('3px');
  });

  it('is disabled and busy while loading', () => {
    const onClick = vi.fn();
    render(
      <Button loading onClick={onClick}>
        Send
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Send' });
    expect(button).toHaveProperty('disabled', true);
    expect(button.getAttribute('aria-busy')).toBe('true');
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });
});

describe('IconButton', () => {
  it('is named by its aria-label and shows it as a tooltip', () => {
    const onClick = vi.fn();
    render(
      <IconButton aria-label="Close" onClick={onClick}>
        <svg aria-hidden="true" />
      </IconButton>,
    );
    const button = screen.getByRole('button', { name: 'Close' });
    expect(button.getAttribute('title')).toBe('Close');
    expect(button.dataset.slot).toBe('icon-button');
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});
