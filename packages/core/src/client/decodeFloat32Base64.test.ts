import { describe, expect, it } from 'vitest';
import { decodeFloat32Base64 } from './decodeFloat32Base64.js';

describe('decodeFloat32Base64', () => {
  it('decodes little-endian float32 bytes', () => {
    const bytes = new Uint8Array(new Float32Array([1.5, -2, 0.25]).buffer);
    const base64 = btoa(String.fromCharCode(...bytes));
    expect(Array.from(decodeFloat32Base64(base64))).toEqual([1.5, -2, 0.25]);
  });

  it('decodes explicit little-endian bytes regardless of platform order', () => {
    // 1.0f is 0x3f800000: little-endian bytes 00 00 80 3f.
    expect(Array.from(decodeFloat32Base64(btoa('\x00\x00\x80\x3f')))).toEqual([1]);
  });
});
