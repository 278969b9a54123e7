import { describe, expect, it } from 'vitest';
import { normaliseImages } from './normaliseImages.js';

describe('normaliseImages', () => {
  it('drops empty strings and data: prefixes', () => {
    expect(
      normaliseImages({
        created: 5,
        data: [
          { b64_json: 'data:image/png;base64,QUJD', revised_prompt: '' },
          { url: 'https://x/y.png', b64_json: '' },
        ],
        usage: { total_tokens: 3 },
      }),
    ).toEqual({
      created: 5,
      data: [{ b64_json: 'QUJD' }, { url: 'https://x/y.png' }],
      usage: { total_tokens: 3 },
    });
  });

  it('always answers a data array', () => {
    expect(normaliseImages({})).toEqual({ created: 0, data: [] });
  });
});
