import { describe, expect, it } from 'vitest';
import { extractMarkdownImages } from './extractMarkdownImages.js';

describe('extractMarkdownImages', () => {
  it('finds http and https images in order, once each', () => {
    const text =
      '![a](https://x.test/1.png) text ![b](http://x.test/2.png "t") ![c](https://x.test/1.png)';
    expect(extractMarkdownImages(text)).toEqual([
      { alt: 'a', url: 'https://x.test/1.png' },
      { alt: 'b', url: 'http://x.test/2.png' },
    ]);
  });

  it('ignores links and other URL schemes', () => {
    expect(extractMarkdownImages('[a](https://x.test/1.png) ![b](ftp://x.test/2.png)')).toEqual([]);
  });
});
