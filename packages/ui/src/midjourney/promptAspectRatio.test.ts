import { describe, expect, it } from 'vitest';
import { promptAspectRatio } from './promptAspectRatio.js';

describe('promptAspectRatio', () => {
  it('reads --ar and --aspect', () => {
    expect(promptAspectRatio('a fox --ar 3:2 --v 6')).toBe(1.5);
    expect(promptAspectRatio('a tower --aspect 9:16')).toBe(9 / 16);
  });

  it('is undefined without a usable ratio', () => {
    expect(promptAspectRatio('a fox')).toBeUndefined();
    expect(promptAspectRatio('a fox --ar 0:2')).toBeUndefined();
    expect(promptAspectRatio(undefined)).toBeUndefined();
  });
});
