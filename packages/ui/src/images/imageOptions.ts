import { type ImageModelOptions, imageModelTable } from '@aitre/core';

/** The option values an image form holds; unset ones are not sent. */
export interface ImageOptionValues {
  size?: string;
  quality?: string;
  style?: string;
  background?: string;
  output_format?: string;
  aspect_ratio?: string;
  n: number;
}

function prefer(values: readonly string[] | undefined, wanted: string): string | undefined {
  if (!values) return undefined;
  return values.includes(wanted) ? wanted : values[0];
}

/** The starting values for a model: its usual defaults, and only the options it accepts. */
export function defaultImageOptions(options: ImageModelOptions | undefined): ImageOptionValues {
  if (!options) return { n: 1 };
  const values: ImageOptionValues = { n: options.n.min };
  const flux = options.aspectRatios !== undefined;
  // Flux gateways take an aspect ratio; sizes are only a fallback for size-based ones.
  const size = flux ? undefined : prefer(options.sizes, '1024x1024');
  const entries: Array<[keyof Omit<ImageOptionValues, 'n'>, string | undefined]> = [
    ['size', size],
    ['quality', prefer(options.qualities, 'auto')],
    ['style', prefer(options.styles, 'vivid')],
    ['background', prefer(options.backgrounds, 'auto')],
    ['output_format', prefer(options.outputFormats, 'png')],
    ['aspect_ratio', prefer(options.aspectRatios, '1:1')],
  ];
  for (const [key, value] of entries) if (value !== undefined) values[key] = value;
  return values;
}

/** The Flux aspect ratio closest to a `WxH` size (1344x768 -> 16:9), if it is one. */
function ratioOf(size: string): string | undefined {
  const [width = 0, height = 0] = size.split('x').map(Number);
  if (!(width > 0 && height > 0)) return undefined;
  let best: string | undefined;
  let distance = Number.POSITIVE_INFINITY;
  for (const ratio of imageModelTable.flux.aspectRatios ?? []) {
    const [a = 1, b = 1] = ratio.split(':').map(Number);
    const d = Math.abs(Math.log(a / b / (width / height)));
    if (d < distance) [best, distance] = [ratio, d];
  }
  return best;
}

/**
 * Sets one option. A transparent background moves a JPEG output to PNG (JPEG has no alpha);
 * a size set on a form that holds an aspect ratio (Flux) moves the ratio to match, and another
 * ratio drops the size, so the two never disagree in one request.
 */
export function withOption<K extends keyof ImageOptionValues>(
  values: ImageOptionValues,
  key: K,
  value: ImageOptionValues[K],
): ImageOptionValues {
  const next = { ...values, [key]: value };
  if (next.background === 'transparent' && next.output_format === 'jpeg')
    next.output_format = 'png';
  if (key === 'size' && next.aspect_ratio !== undefined && typeof value === 'string') {
    next.aspect_ratio = ratioOf(value) ?? next.aspect_ratio;
  }
  // Another ratio makes the size a stale guess: the gateway then sizes from the ratio.
  if (key === 'aspect_ratio' && next.size !== undefined && value !== values.aspect_ratio) {
    next.size = undefined;
  }
  return next;
}

/** Output formats that can go with `background` (JPEG cannot be transparent). */
export function formatsFor(
  formats: readonly string[] | undefined,
  background: string | undefined,
): readonly string[] | undefined {
  return background === 'transparent' ? formats?.filter((f) => f !== 'jpeg') : formats;
}

/** `values` without unset keys, ready to spread into generate or edit parameters. */
export function definedOptions(values: ImageOptionValues): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out;
}
