/**
 * How a mask marks the area to change: `'alpha'` makes painted pixels fully transparent on
 * opaque black (OpenAI image edits); `'white-on-black'` paints them white on black (MidJourney
 * Vary (Region)).
 */
export type MaskStyle = 'alpha' | 'white-on-black';

/**
 * Turns a paint layer (RGBA, painted where alpha is at least `threshold`) into mask pixels of
 * `style`. Edges are made hard on purpose: OpenAI edits only where alpha is exactly 0.
 */
export function paintToMask(
  paint: Uint8ClampedArray,
  style: MaskStyle,
  threshold = 1,
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(paint.length);
  const painted = style === 'alpha' ? 0 : 255;
  for (let i = 3; i < paint.length; i += 4) {
    const on = (paint[i] as number) >= threshold;
    const value = on ? painted : 0;
    out[i - 3] = value;
    out[i - 2] = value;
    out[i - 1] = value;
    out[i] = style === 'alpha' && on ? 0 : 255;
  }
  return out;
}

/** Whether any pixel of a paint layer (RGBA) is painted. */
export function hasPaint(paint: Uint8ClampedArray, threshold = 1): boolean {
  for (let i = 3; i < paint.length; i += 4) if ((paint[i] as number) >= threshold) return true;
  return false;
}
