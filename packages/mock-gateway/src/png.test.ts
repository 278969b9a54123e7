import { inflateSync, crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { adler32, crc32 } from './checksums.js';
import { zlibDeflate } from './deflate.js';
import { drawPicture } from './picture.js';
import { encodePng, PNG_SIGNATURE, readPngSize } from './png.js';
import { createRandom } from './random.js';

function chunks(png: Uint8Array) {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: { type: string; data: Uint8Array; crc: number; crcInput: Uint8Array }[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    out.push({
      type,
      data: png.subarray(offset + 8, offset + 8 + length),
      crc: view.getUint32(offset + 8 + length),
      crcInput: png.subarray(offset + 4, offset + 8 + length),
    });
    offset += 12 + length;
  }
  return out;
}

describe('zlibDeflate', () => {
  it('produces streams zlib inflates back to the input', () => {
    const random = createRandom(7);
    const noise = Uint8Array.from({ length: 5000 }, () => Math.floor(random() * 256));
    const runs = new Uint8Array(70_000).fill(9);
    runs.fill(200, 1000, 1500);
    const rows = new Uint8Array(30 * 101);
    for (let i = 0; i < rows.length; i++) rows[i] = (i % 101) % 17;
    for (const [data, row] of [
      [new Uint8Array(0), 1],
      [Uint8Array.of(42), 1],
      [noise, 100],
      [runs, 1000],
      [rows, 101],
    ] as const) {
      const compressed = zlibDeflate(data, row);
      expect(new Uint8Array(inflateSync(compressed))).toEqual(data);
    }
  });

  it('compresses flat pictures to a small fraction of their size', () => {
    const data = new Uint8Array(1025 * 1024).fill(3);
    expect(zlibDeflate(data, 1025).length).toBeLessThan(data.length / 100);
  });
});

describe('checksums', () => {
  it('agrees with zlib on CRC-32 and with the definition of Adler-32', () => {
    const bytes = new TextEncoder().encode('The quick brown fox jumps over the lazy dog');
    expect(crc32(bytes)).toBe(nodeCrc32(bytes));
    expect(adler32(new TextEncoder().encode('Wikipedia'))).toBe(0x11e60398);
  });
});

describe('encodePng', () => {
  it('writes the signature, IHDR, PLTE, IDAT, IEND with valid CRCs and the pixels row by row', () => {
    const width = 5;
    const height = 3;
    const pixels = Uint8Array.from({ length: width * height }, (_, i) => i % 4);
    const palette = Uint8Array.from({ length: 12 }, (_, i) => i * 20);
    const png = encodePng({ width, height, palette, pixels });
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    for (const c of list) expect(c.crc).toBe(nodeCrc32(c.crcInput));
    const ihdr = list[0]?.data as Uint8Array;
    expect(Array.from(ihdr.subarray(8))).toEqual([8, 3, 0, 0, 0]);
    expect(readPngSize(png)).toEqual({ width, height });
    const raw = new Uint8Array(inflateSync(list[2]?.data as Uint8Array));
    expect(raw.length).toBe((width + 1) * height);
    for (let y = 0; y < height; y++) {
      expect(raw[y * (width + 1)]).toBe(0);
      expect(raw.subarray(y * (width + 1) + 1, (y + 1) * (width + 1))).toEqual(
        pixels.subarray(y * width, (y + 1) * width),
      );
    }
  });

  it('adds tRNS for transparent drawings and draws the same picture for the same seed', () => {
    const a = drawPicture({ seed: 'same', width: 200, height: 100, transparent: true });
    expect(chunks(a).map((c) => c.type)).toContain('tRNS');
    expect(drawPicture({ seed: 'same', width: 200, height: 100, transparent: true })).toEqual(a);
    expect(drawPicture({ seed: 'other', width: 200, height: 100, transparent: true })).not.toEqual(
      a,
    );
  });

  it('draws a 1024x1024 grid that inflates to the full image', () => {
    const png = drawPicture({ seed: 'grid', width: 1024, height: 1024, grid: true, reveal: 0.5 });
    expect(readPngSize(png)).toEqual({ width: 1024, height: 1024 });
    const idat = chunks(png).find((c) => c.type === 'IDAT')?.data as Uint8Array;
    expect(inflateSync(idat).length).toBe(1025 * 1024);
  });
});
