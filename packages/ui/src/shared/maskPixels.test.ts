import { describe, expect, it } from 'vitest';
import { hasPaint, paintToMask } from './maskPixels.js';

// Two pixels: the first painted (any colour, opaque), the second untouched.
const paint = new Uint8ClampedArray([200, 10, 10, 255, 0, 0, 0, 0]);

describe('paintToMask', () => {
  it('makes painted pixels transparent and the rest opaque black for alpha masks', () => {
    expect([...paintToMask(paint, 'alpha')]).toEqual([0, 0, 0, 0, 0, 0, 0, 255]);
  });

  it('makes painted pixels white on opaque black for white-on-black masks', () => {
    expect([...paintToMask(paint, 'white-on-black')]).toEqual([255, 255, 255, 255, 0, 0, 0, 255]);
  });

  it('treats faint anti-aliased edges below the threshold as unpainted', () => {
    const faint = new Uint8ClampedArray([0, 0, 0, 40]);
    expect([...paintToMask(faint, 'white-on-black', 128)]).toEqual([0, 0, 0, 255]);
    expect([...paintToMask(faint, 'white-on-black')]).toEqual([255, 255, 255, 255]);
  });

  it('keeps the length of the input', () => {
    expect(paintToMask(new Uint8ClampedArray(4 * 6), 'alpha')).toHaveLength(24);
  });
});

describe('hasPaint', () => {
  it('is false for an untouched layer and true once a pixel is painted', () => {
    expect(hasPaint(new Uint8ClampedArray(16))).toBe(false);
    expect(hasPaint(paint)).toBe(true);
  });
});
