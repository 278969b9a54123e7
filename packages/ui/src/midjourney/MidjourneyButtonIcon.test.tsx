import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MidjourneyButtonIcon } from './MidjourneyButtonIcon.js';

afterEach(cleanup);

describe('MidjourneyButtonIcon', () => {
  it('draws a distinct hidden icon for reroll and each pan direction', () => {
    const kinds = ['reroll', 'left', 'right', 'up', 'down'] as const;
    const paths = kinds.map((icon) => {
      const { container, unmount } = render(<MidjourneyButtonIcon icon={icon} />);
      const svg = container.querySelector('svg');
      expect(svg?.getAttribute('aria-hidden'), icon).toBe('true');
      const d = svg?.querySelector('path')?.getAttribute('d');
      unmount();
      return d;
    });
    expect(paths.every(Boolean)).toBe(true);
    expect(new Set(paths).size).toBe(kinds.length);
  });
});
