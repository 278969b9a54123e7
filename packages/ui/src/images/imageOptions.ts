import type { ImageModelOptions } from '@aitre/core';

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

/** Sets one option; a transparent background moves a JPEG output to PNG (JPEG has no alpha). */
export function withOption<K extends keyof ImageOptionValues>(
  values: ImageOptionValues,
  key: K,
  value: ImageOptionValues[K],
): ImageOptionValues {
  const next = { ...values, [key]: value };
  if (next.background === 'transparent' && next.output_format === 'jpeg')
    next.output_format = 'png';
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
