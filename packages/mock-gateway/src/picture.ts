import { encodePng } from './png.js';
import { createRandom, hashString } from './random.js';

/** What to draw: the seed text and the canvas. */
export interface PictureRequest {
  /** Text the colours and shapes derive from (usually the prompt). */
  seed: string;
  width: number;
  height: number;
  /** Draw a 2x2 grid of four variations (MidJourney grids). */
  grid?: boolean;
  /** Reveal only the top fraction 0..1 (progress previews); the rest stays grey. */
  reveal?: number;
  /** Make the background transparent. */
  transparent?: boolean;
}

const GRADIENT_STEPS = 32;
const SHAPE_COLOURS = 15;
const SCENE_COLOURS = GRADIENT_STEPS + SHAPE_COLOURS;
const GREY = 255;

interface Shape {
  kind: 'circle' | 'rect' | 'band';
  colour: number;
  cx: number;
  cy: number;
  r: number;
  w: number;
  h: number;
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h * 12) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/** Fills the palette slots of one scene and returns its shapes (coordinates relative to the region). */
function planScene(seed: string, palette: Uint8Array, base: number, w: number, h: number): Shape[] {
  const random = createRandom(hashString(seed));
  const hue = random();
  const top = hsl(hue, 0.55, 0.25 + random() * 0.2);
  const bottom = hsl((hue + 0.15 + random() * 0.2) % 1, 0.6, 0.55 + random() * 0.2);
  for (let i = 0; i < GRADIENT_STEPS; i++) {
    const t = i / (GRADIENT_STEPS - 1);
    for (let c = 0; c < 3; c++) {
      palette[(base + i) * 3 + c] = Math.round(
        (top[c] as number) * (1 - t) + (bottom[c] as number) * t,
      );
    }
  }
  for (let i = 0; i < SHAPE_COLOURS; i++) {
    const rgb = hsl((hue + 0.3 + random() * 0.6) % 1, 0.5 + random() * 0.4, 0.35 + random() * 0.35);
    palette.set(rgb, (base + GRADIENT_STEPS + i) * 3);
  }
  const shapes: Shape[] = [];
  const count = 4 + Math.floor(random() * 5);
  const unit = Math.min(w, h);
  for (let i = 0; i < count; i++) {
    const roll = random();
    shapes.push({
      kind: roll < 0.5 ? 'circle' : roll < 0.85 ? 'rect' : 'band',
      colour: base + GRADIENT_STEPS + Math.floor(random() * SHAPE_COLOURS),
      cx: random() * w,
      cy: random() * h,
      r: unit * (0.08 + random() * 0.22),
      w: w * (0.1 + random() * 0.4),
      h: h * (0.05 + random() * 0.3),
    });
  }
  return shapes;
}

/** Paints one scene row by row into the region (x0, y0, w, h): spans per shape, no per-pixel maths. */
function paintScene(
  pixels: Uint8Array,
  stride: number,
  base: number,
  shapes: Shape[],
  x0: number,
  y0: number,
  w: number,
  h: number,
): void {
  for (let y = 0; y < h; y++) {
    const row = (y0 + y) * stride + x0;
    pixels.fill(
      base + Math.min(GRADIENT_STEPS - 1, Math.floor((y / h) * GRADIENT_STEPS)),
      row,
      row + w,
    );
    for (const shape of shapes) {
      let from = 0;
      let to = 0;
      if (shape.kind === 'circle') {
        const dy = y - shape.cy;
        if (Math.abs(dy) >= shape.r) continue;
        const half = Math.sqrt(shape.r * shape.r - dy * dy);
        from = shape.cx - half;
        to = shape.cx + half;
      } else if (shape.kind === 'rect') {
        if (y < shape.cy - shape.h / 2 || y >= shape.cy + shape.h / 2) continue;
        from = shape.cx - shape.w / 2;
        to = shape.cx + shape.w / 2;
      } else {
        if (y < shape.cy || y >= shape.cy + shape.h / 4) continue;
        from = 0;
        to = w;
      }
      const start = Math.max(0, Math.round(from));
      const end = Math.min(w, Math.round(to));
      if (end > start) pixels.fill(shape.colour, row + start, row + end);
    }
  }
}

/** Draws a deterministic picture for a seed text and encodes it as PNG. */
export function drawPicture(request: PictureRequest): Uint8Array {
  const width = Math.max(1, Math.round(request.width));
  const height = Math.max(1, Math.round(request.height));
  const palette = new Uint8Array(256 * 3).fill(128);
  const pixels = new Uint8Array(width * height);
  if (request.grid) {
    const halfW = Math.floor(width / 2);
    const halfH = Math.floor(height / 2);
    for (let q = 0; q < 4; q++) {
      const base = q * SCENE_COLOURS;
      const x0 = (q % 2) * halfW;
      const y0 = Math.floor(q / 2) * halfH;
      const w = q % 2 ? width - halfW : halfW;
      const h = q < 2 ? halfH : height - halfH;
      const shapes = planScene(`${request.seed}#${q + 1}`, palette, base, w, h);
      paintScene(pixels, width, base, shapes, x0, y0, w, h);
    }
  } else {
    paintScene(
      pixels,
      width,
      0,
      planScene(request.seed, palette, 0, width, height),
      0,
      0,
      width,
      height,
    );
  }
  if (request.reveal !== undefined && request.reveal < 1) {
    pixels.fill(GREY, Math.max(0, Math.floor(height * request.reveal)) * width);
  }
  let alpha: Uint8Array | undefined;
  if (request.transparent) {
    // Gradient entries become see-through; shapes stay opaque.
    alpha = new Uint8Array(256).fill(255);
    for (let q = 0; q < 4; q++) {
      alpha.fill(0, q * SCENE_COLOURS, q * SCENE_COLOURS + GRADIENT_STEPS);
    }
  }
  return encodePng({ width, height, palette, pixels, ...(alpha ? { alpha } : {}) });
}
