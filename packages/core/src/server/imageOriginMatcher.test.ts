import { describe, expect, it } from 'vitest';
import { imageOriginMatcher } from './imageOriginMatcher.js';

describe('imageOriginMatcher', () => {
  const allowed = imageOriginMatcher([
    'https://cdn.example.com',
    'http://127.0.0.1:9000/',
    'https://*.oaiusercontent.com',
  ]);
  const allows = (url: string) => allowed(new URL(url));

  it('allows exactly the listed origins: scheme, host and port', () => {
    expect(allows('https://cdn.example.com/a/b.png?sig=1')).toBe(true);
    expect(allows('https://CDN.example.com:443/b.png')).toBe(true);
    expect(allows('http://cdn.example.com/b.png')).toBe(false);
    expect(allows('https://cdn.example.com:8443/b.png')).toBe(false);
    expect(allows('https://cdn.example.com.evil.test/b.png')).toBe(false);
    expect(allows('https://img.cdn.example.com/b.png')).toBe(false);
    expect(allows('http://127.0.0.1:9000/b.png')).toBe(true);
    expect(allows('http://127.0.0.1:9001/b.png')).toBe(false);
  });

  it('allows the subdomains of a *. entry but not the bare parent or look-alikes', () => {
    expect(allows('https://files.oaiusercontent.com/x.png')).toBe(true);
    expect(allows('https://a.b.oaiusercontent.com/x.png')).toBe(true);
    expect(allows('https://oaiusercontent.com/x.png')).toBe(false);
    expect(allows('https://evil-oaiusercontent.com/x.png')).toBe(false);
    expect(allows('http://files.oaiusercontent.com/x.png')).toBe(false);
  });

  it('allows nothing when the list is empty', () => {
    expect(imageOriginMatcher([])(new URL('https://cdn.example.com/x.png'))).toBe(false);
  });

  it('throws at creation for an entry that is not an origin', () => {
    for (const entry of [
      'cdn.example.com',
      'ftp://cdn.example.com',
      'https://cdn.example.com/images',
      'https://user@cdn.example.com',
      'https://cdn.example.com?x=1',
      '*.example.com',
    ]) {
      expect(() => imageOriginMatcher([entry]), entry).toThrow(TypeError);
    }
  });
});
