import { adler32 } from './checksums.js';

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
  163, 195, 227, 258,
];
const LENGTH_EXTRA = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
  3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
const MAX_MATCH = 258;
const MAX_DISTANCE = 32768;

/** Index of the last table entry whose base is <= value. */
function codeIndex(bases: number[], value: number): number {
  let i = bases.length - 1;
  while ((bases[i] as number) > value) i--;
  return i;
}

/** LSB-first bit writer into a growing buffer. */
class BitWriter {
  bytes: Uint8Array;
  length = 0;
  #bits = 0;
  #count = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Writes `count` bits of `value`, least significant first. */
  write(value: number, count: number): void {
    this.#bits |= value << this.#count;
    this.#count += count;
    while (this.#count >= 8) {
      if (this.length === this.bytes.length) {
        const grown = new Uint8Array(this.bytes.length * 2);
        grown.set(this.bytes);
        this.bytes = grown;
      }
      this.bytes[this.length++] = this.#bits & 0xff;
      this.#bits >>>= 8;
      this.#count -= 8;
    }
  }

  /** Writes a Huffman code, which deflate stores most significant bit first. */
  writeCode(code: number, count: number): void {
    let reversed = 0;
    for (let i = 0; i < count; i++) reversed |= ((code >>> i) & 1) << (count - 1 - i);
    this.write(reversed, count);
  }

  /** Pads to a whole byte and returns the written bytes. */
  finish(): Uint8Array {
    if (this.#count > 0) this.write(0, 8 - this.#count);
    return this.bytes.subarray(0, this.length);
  }
}

function writeLiteral(out: BitWriter, value: number): void {
  if (value < 144) out.writeCode(0x30 + value, 8);
  else if (value < 256) out.writeCode(0x190 + value - 144, 9);
  else if (value < 280) out.writeCode(value - 256, 7);
  else out.writeCode(0xc0 + value - 280, 8);
}

function writeMatch(out: BitWriter, length: number, distance: number): void {
  const l = codeIndex(LENGTH_BASE, length);
  writeLiteral(out, 257 + l);
  out.write(length - (LENGTH_BASE[l] as number), LENGTH_EXTRA[l] as number);
  const d = codeIndex(DIST_BASE, distance);
  out.writeCode(d, 5);
  out.write(distance - (DIST_BASE[d] as number), DIST_EXTRA[d] as number);
}

function matchLength(data: Uint8Array, at: number, distance: number): number {
  if (distance > at || distance > MAX_DISTANCE) return 0;
  const limit = Math.min(MAX_MATCH, data.length - at);
  let n = 0;
  while (n < limit && data[at + n] === data[at + n - distance]) n++;
  return n;
}

/**
 * zlib-wrapped deflate with the fixed Huffman code, matching only against the previous byte and
 * the byte one row up: cheap, and enough for pictures made of flat shapes (a 1024x1024 drawing
 * shrinks from 1 MB to a few KB).
 */
export function zlibDeflate(data: Uint8Array, rowLength: number): Uint8Array {
  const out = new BitWriter(Math.max(64, data.length >>> 3));
  out.write(0x78, 8);
  out.write(0x01, 8);
  out.write(1, 1);
  out.write(1, 2);
  for (let i = 0; i < data.length; ) {
    const run = matchLength(data, i, 1);
    const above = rowLength > 1 ? matchLength(data, i, rowLength) : 0;
    const best = Math.max(run, above);
    if (best >= 3) {
      writeMatch(out, best, best === run ? 1 : rowLength);
      i += best;
    } else {
      writeLiteral(out, data[i] as number);
      i++;
    }
  }
  writeLiteral(out, 256);
  const body = out.finish();
  const adler = adler32(data);
  const result = new Uint8Array(body.length + 4);
  result.set(body);
  new DataView(result.buffer).setUint32(body.length, adler);
  return result;
}
