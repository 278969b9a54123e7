import { describe, expect, it } from 'vitest';
import { format } from './format.js';

describe('format', () => {
  it('replaces named placeholders with their values', () => {
    expect(format('Thought for {seconds} s', { seconds: 12 })).toBe('Thought for 12 s');
    expect(format('{a}-{b}-{a}', { a: 'x', b: 0 })).toBe('x-0-x');
  });

  it('leaves placeholders without a value visible', () => {
    expect(format('at most {max} MB', {})).toBe('at most {max} MB');
  });
});
