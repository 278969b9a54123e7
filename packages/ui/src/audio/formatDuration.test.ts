import { describe, expect, it } from 'vitest';
import { formatDuration } from './formatDuration.js';

describe('formatDuration', () => {
  it('writes minutes and padded seconds', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_400)).toBe('1:05');
  });

  it('adds hours from an hour on', () => {
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });
});
