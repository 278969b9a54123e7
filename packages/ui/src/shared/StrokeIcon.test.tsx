import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StrokeIcon } from './StrokeIcon.js';

afterEach(cleanup);

describe('StrokeIcon', () => {
  it('draws its path in the text colour and stays hidden from assistive technology', () => {
    const { container } = render(
      <button type="button" aria-label="Reroll">
        <StrokeIcon d="M3 8h10" />
      </button>,
    );
    const svg = container.querySelector('svg');
    expect(svg?.getAttribute('aria-hidden')).toBe('true');
    expect(svg?.querySelector('path')?.getAttribute('d')).toBe('M3 8h10');
    expect(svg?.querySelector('path')?.getAttribute('stroke')).toBe('currentColor');
  });
});
