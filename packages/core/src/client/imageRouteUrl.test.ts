import { describe, expect, it } from 'vitest';
import { imageRouteUrl } from './imageRouteUrl.js';

describe('imageRouteUrl', () => {
  it('puts the whole image URL, query included, in the route query', () => {
    const url = 'https://cdn.example.com/a b.png?sig=x&exp=1';
    const address = imageRouteUrl('/api/aitre/image', url);
    expect(address).toBe(`/api/aitre/image?url=${encodeURIComponent(url)}`);
    expect(new URL(address, 'http://localhost').searchParams.get('url')).toBe(url);
  });

  it('asks for an attachment with download', () => {
    expect(imageRouteUrl('/image', 'https://cdn.example.com/a.png', true)).toBe(
      `/image?url=${encodeURIComponent('https://cdn.example.com/a.png')}&download=1`,
    );
  });
});
