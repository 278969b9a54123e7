import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as icons from './ChatIcons.js';

afterEach(cleanup);

describe('ChatIcons', () => {
  it('draws every chat icon as its own hidden 16px path', () => {
    const paths = new Set<string>();
    for (const [name, Icon] of Object.entries(icons)) {
      const { container, unmount } = render(<Icon />);
      const svg = container.querySelector('svg');
      expect(svg?.getAttribute('aria-hidden'), name).toBe('true');
      expect(svg?.getAttribute('width'), name).toBe('16');
      const d = svg?.querySelector('path')?.getAttribute('d') ?? '';
      expect(d, name).not.toBe('');
      paths.add(d);
      unmount();
    }
    // No two icons look the same.
    expect(paths.size).toBe(Object.keys(icons).length);
  });
});
