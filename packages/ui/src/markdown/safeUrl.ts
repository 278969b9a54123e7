// Whitespace, C0/C1 controls and invisible format characters (zero-width, bidi, BOM, soft
// hyphen): browsers strip or ignore several of them inside a scheme, so a URL holding any of
// them is refused rather than cleaned.
const invisible = /[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

const rasterDataImage = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/]+={0,2}$/i;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Returns `url` normalised when it is an absolute http(s) or mailto URL, else null.
 * Expects character references already decoded (the parser decodes them).
 */
export function safeLinkUrl(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed === '' || invisible.test(trimmed)) return null;
  if (!/^(?:https?:\/\/|mailto:)/i.test(trimmed)) return null;
  const parsed = parse(trimmed);
  if (!parsed) return null;
  if (parsed.protocol === 'mailto:') return parsed.pathname === '' ? null : parsed.href;
  if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '') {
    return parsed.href;
  }
  return null;
}

/**
 * Returns `url` when it is an absolute http(s) URL or a base64 data URL of a PNG, JPEG, GIF or
 * WebP image, else null; SVG is refused because it can carry script.
 */
export function safeImageUrl(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed === '' || invisible.test(trimmed)) return null;
  if (/^data:/i.test(trimmed)) return rasterDataImage.test(trimmed) ? trimmed : null;
  if (!/^https?:\/\//i.test(trimmed)) return null;
  const parsed = parse(trimmed);
  if (!parsed || parsed.hostname === '') return null;
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}
