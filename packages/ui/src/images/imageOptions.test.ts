import { imageModelOptions } from '@aitre/core';
import { describe, expect, it } from 'vitest';
import { defaultImageOptions, definedOptions, formatsFor, withOption } from './imageOptions.js';

describe('defaultImageOptions', () => {
  it('gives dall-e-3 a size, quality and style but no background', () => {
    expect(defaultImageOptions(imageModelOptions('dall-e-3'))).toEqual({
      n: 1,
      size: '1024x1024',
      quality: 'standard',
      style: 'vivid',
    });
  });

  it('gives gpt-image-1 background and output format but no style', () => {
    expect(defaultImageOptions(imageModelOptions('gpt-image-1'))).toEqual({
      n: 1,
      size: '1024x1024',
      quality: 'auto',
      background: 'auto',
      output_format: 'png',
    });
  });

  it('gives flux an aspect ratio instead of a size', () => {
    expect(defaultImageOptions(imageModelOptions('flux-schnell'))).toEqual({
      n: 1,
      aspect_ratio: '1:1',
      output_format: 'png',
    });
  });

  it('gives unknown models nothing but a count', () => {
    expect(defaultImageOptions(undefined)).toEqual({ n: 1 });
  });
});

describe('withOption', () => {
  it('moves a JPEG output to PNG when the background turns transparent', () => {
    const jpeg = { n: 1, background: 'auto', output_format: 'jpeg' };
    expect(withOption(jpeg, 'background', 'transparent')).toEqual({
      n: 1,
      background: 'transparent',
      output_format: 'png',
    });
    expect(withOption(jpeg, 'background', 'opaque').output_format).toBe('jpeg');
  });
});

describe('formatsFor', () => {
  it('moves a Flux aspect ratio to match a size set on the form', () => {
    const flux = defaultImageOptions(imageModelOptions('flux-schnell'));
    expect(withOption(flux, 'size', '1344x768').aspect_ratio).toBe('16:9');
    expect(withOption(flux, 'size', '768x1024').aspect_ratio).toBe('3:4');
    expect(withOption(flux, 'size', '1024x1024').aspect_ratio).toBe('1:1');
    // A size with no ratio of its own (auto) leaves the ratio as it was.
    expect(withOption(flux, 'size', 'auto').aspect_ratio).toBe('1:1');
    // Another ratio drops the size that no longer matches it; the same ratio keeps it.
    const sized = withOption(flux, 'size', '1344x768');
    expect(withOption(sized, 'aspect_ratio', '9:16').size).toBeUndefined();
    expect(withOption(sized, 'aspect_ratio', '16:9').size).toBe('1344x768');
    // Forms without an aspect ratio (DALL·E) get none.
    const dalle = defaultImageOptions(imageModelOptions('dall-e-3'));
    expect(withOption(dalle, 'size', '1792x1024').aspect_ratio).toBeUndefined();
  });

  it('leaves JPEG out for transparent backgrounds', () => {
    expect(formatsFor(['png', 'jpeg', 'webp'], 'transparent')).toEqual(['png', 'webp']);
    expect(formatsFor(['png', 'jpeg', 'webp'], 'auto')).toEqual(['png', 'jpeg', 'webp']);
  });
});

describe('definedOptions', () => {
  it('drops unset keys', () => {
    expect(definedOptions({ n: 2, size: undefined, quality: 'hd' })).toEqual({
      n: 2,
      quality: 'hd',
    });
  });
});
