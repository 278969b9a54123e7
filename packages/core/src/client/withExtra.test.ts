import { describe, expect, it } from 'vitest';
import { withExtra } from './withExtra.js';

describe('withExtra', () => {
  it('merges extra fields over the params and drops the extra key itself', () => {
    const params = { model: 'flux', prompt: 'a fox', extra: { seed: 7, model: 'flux-pro' } };
    expect(withExtra(params)).toEqual({ model: 'flux-pro', prompt: 'a fox', seed: 7 });
    // The caller's object is left as it was.
    expect(params.extra).toEqual({ seed: 7, model: 'flux-pro' });
  });

  it('returns the params alone when there is no extra', () => {
    const params: { model: string; input: string; extra?: Record<string, unknown> } = {
      model: 'tts-1',
      input: 'hi',
    };
    expect(withExtra(params)).toEqual({ model: 'tts-1', input: 'hi' });
  });
});
