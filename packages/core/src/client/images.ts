import { normaliseImages } from './normaliseImages.js';
import { readJson, type Transport } from './Transport.js';
import type { RequestOptions } from './typesCommon.js';
import type { ImageEditParams, ImageGenerateParams, ImagesResponse } from './typesImages.js';
import { validateImageEdit, validateImageGenerate } from './validate.js';
import { withExtra } from './withExtra.js';

function blobName(blob: Blob, fallback: string): string {
  const name = (blob as { name?: unknown }).name;
  return typeof name === 'string' && name !== '' ? name : fallback;
}

function appendField(form: FormData, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (value instanceof Blob) form.append(key, value, blobName(value, key));
  else if (Array.isArray(value)) for (const item of value) appendField(form, `${key}[]`, item);
  else if (typeof value === 'object') form.append(key, JSON.stringify(value));
  else form.append(key, String(value));
}

/** POST /v1/images/generations and /v1/images/edits (paid: not retried unless asked). */
export class ImagesApi {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** Generates images; `extra` is merged into the body; the answer is normalised. */
  generate(params: ImageGenerateParams, options?: RequestOptions): Promise<ImagesResponse> {
    try {
      validateImageGenerate(params);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#transport.send(
      { method: 'POST', path: '/v1/images/generations', body: withExtra(params), paid: true },
      options,
      async (response) => normaliseImages(await readJson(response)),
    );
  }

  /** Edits images (multipart: one image as `image`, several as `image[]`, optional mask). */
  edit(params: ImageEditParams, options?: RequestOptions): Promise<ImagesResponse> {
    try {
      validateImageEdit(params);
    } catch (error) {
      return Promise.reject(error);
    }
    const { image, mask, extra, ...fields } = params;
    const form = new FormData();
    const images = Array.isArray(image) ? image : [image];
    if (images.length === 1) form.append('image', images[0]!, blobName(images[0]!, 'image.png'));
    else {
      for (const [i, item] of images.entries()) {
        form.append('image[]', item, blobName(item, `image-${i + 1}.png`));
      }
    }
    if (mask !== undefined) form.append('mask', mask, blobName(mask, 'mask.png'));
    for (const [key, value] of Object.entries(fields)) appendField(form, key, value);
    if (extra !== undefined)
      for (const [key, value] of Object.entries(extra)) appendField(form, key, value);
    return this.#transport.send(
      { method: 'POST', path: '/v1/images/edits', body: form, paid: true },
      options,
      async (response) => normaliseImages(await readJson(response)),
    );
  }
}
