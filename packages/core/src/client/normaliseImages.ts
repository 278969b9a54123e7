import type { ImageData, ImagesResponse } from './typesImages.js';

const DATA_URL_PREFIX = /^data:[^,]*;base64,/;

/**
 * Normalises an images answer as resellers send it: `""` fields are absent, `b64_json`
 * loses any `data:` prefix, `data` is always an array.
 */
export function normaliseImages(body: unknown): ImagesResponse {
  const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const items = Array.isArray(raw.data) ? raw.data : [];
  const data: ImageData[] = [];
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const entry = item as Record<string, unknown>;
    const image: ImageData = {};
    if (typeof entry.url === 'string' && entry.url !== '') image.url = entry.url;
    if (typeof entry.b64_json === 'string' && entry.b64_json !== '') {
      image.b64_json = entry.b64_json.replace(DATA_URL_PREFIX, '');
    }
    if (typeof entry.revised_prompt === 'string' && entry.revised_prompt !== '') {
      image.revised_prompt = entry.revised_prompt;
    }
    data.push(image);
  }
  const response = { ...raw, created: typeof raw.created === 'number' ? raw.created : 0, data };
  return response as ImagesResponse;
}
