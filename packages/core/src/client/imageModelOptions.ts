import type { ImageModelFamily, ImageModelOptions } from './typesImages.js';

/** Option tables per image model family; the UI renders only these choices. */
export const imageModelTable: Readonly<Record<ImageModelFamily, ImageModelOptions>> = {
  'dall-e-3': {
    family: 'dall-e-3',
    sizes: ['1024x1024', '1792x1024', '1024x1792'],
    anySize: false,
    qualities: ['standard', 'hd'],
    styles: ['vivid', 'natural'],
    responseFormats: ['url', 'b64_json'],
    n: { min: 1, max: 1 },
    promptMaxLength: 4000,
    edits: false,
  },
  'dall-e-2': {
    family: 'dall-e-2',
    sizes: ['256x256', '512x512', '1024x1024'],
    anySize: false,
    responseFormats: ['url', 'b64_json'],
    n: { min: 1, max: 10 },
    promptMaxLength: 1000,
    edits: true,
  },
  'gpt-image': {
    family: 'gpt-image',
    sizes: ['1024x1024', '1536x1024', '1024x1536', 'auto'],
    anySize: false,
    qualities: ['low', 'medium', 'high', 'auto'],
    backgrounds: ['transparent', 'opaque', 'auto'],
    outputFormats: ['png', 'jpeg', 'webp'],
    n: { min: 1, max: 10 },
    promptMaxLength: 32000,
    edits: true,
  },
  flux: {
    family: 'flux',
    sizes: ['1024x1024', '768x1344', '1344x768', '1024x768', '768x1024', '1024x576', '576x1024'],
    anySize: true,
    aspectRatios: ['21:9', '16:9', '4:3', '3:2', '1:1', '2:3', '3:4', '9:16', '9:21'],
    outputFormats: ['jpeg', 'png'],
    responseFormats: ['url', 'b64_json'],
    // Gateways differ (1-10 in the template, 4 on some): 4 works everywhere.
    n: { min: 1, max: 4 },
    edits: false,
  },
};

/** The family a model id belongs to, or undefined for models without a table. */
export function imageModelFamily(model: string): ImageModelFamily | undefined {
  const id = model.trim().toLowerCase();
  const name = id.slice(id.lastIndexOf('/') + 1);
  if (name.startsWith('dall-e-3')) return 'dall-e-3';
  if (name.startsWith('dall-e-2')) return 'dall-e-2';
  if (name.startsWith('gpt-image-')) return 'gpt-image';
  if (name.includes('flux')) return 'flux';
  return undefined;
}

/** The allowed options of a known image model; undefined means "pass anything through". */
export function imageModelOptions(model: string): ImageModelOptions | undefined {
  const family = imageModelFamily(model);
  return family === undefined ? undefined : imageModelTable[family];
}
