import { crc32 } from './checksums.js';
import { zlibDeflate } from './deflate.js';

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** An indexed-colour image: one palette index per pixel, row by row. */
export interface IndexedImage {
  width: number;
  height: number;
  /** RGB triples, at most 256 entries. */
  palette: Uint8Array;
  /** Optional alpha per palette entry (PNG tRNS); missing entries are opaque. */
  alpha?: Uint8Array;
  /** width * height palette indices. */
  pixels: Uint8Array;
}

/** The 8-byte PNG signature. */
export const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes an indexed image as a PNG file (colour type 3, 8-bit, unfiltered rows, deflated). */
export function encodePng(image: IndexedImage): Uint8Array {
  const { width, height, palette, pixels } = image;
  const header = new Uint8Array(13);
  const headerView = new DataView(header.buffer);
  headerView.setUint32(0, width);
  headerView.setUint32(4, height);
  header[8] = 8;
  header[9] = 3;
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const parts = [
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', palette),
    ...(image.alpha ? [chunk('tRNS', image.alpha)] : []),
    chunk('IDAT', zlibDeflate(raw, width + 1)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Width and height from a PNG's IHDR, or undefined when the bytes are not a PNG. */
export function readPngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24 || !PNG_SIGNATURE.every((value, i) => bytes[i] === value)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
