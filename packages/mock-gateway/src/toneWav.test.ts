import { describe, expect, it } from 'vitest';
import { toneWav } from './toneWav.js';
import { wavDuration } from './wav.js';

describe('toneWav', () => {
  it('makes a WAV of the asked length that is not silence', () => {
    const bytes = toneWav(0.5, 330, 8000);
    expect(wavDuration(bytes)).toBe(0.5);
    expect(bytes.length).toBe(44 + 4000 * 2);
    const view = new DataView(bytes.buffer, 44);
    let loudest = 0;
    for (let i = 0; i < 4000; i++)
      loudest = Math.max(loudest, Math.abs(view.getInt16(i * 2, true)));
    expect(loudest).toBeGreaterThan(7000);
  });
});
