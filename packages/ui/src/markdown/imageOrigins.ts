'use client';
import { createContext, useContext, useSyncExternalStore } from 'react';

/**
 * Which origins images may load from: `'any'`, or a list of origins (`'https://cdn.example'`;
 * full URLs are reduced to their origin). The page's own origin, `data:` and `blob:` images are
 * always allowed, since they send nothing to a foreign site.
 */
export type ImageOrigins = 'any' | readonly string[];

/** The image origin policy markdown inside this subtree applies when given no `imageOrigins`. */
export const ImageOriginsContext = createContext<ImageOrigins>('any');

/** The origin of `url`, or null when it is relative, opaque or unparsable. */
export function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** The host shown to the user for a blocked image (the origin without its scheme). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Whether an image at `src` may load under `origins`; `pageOrigin` (null during server
 * rendering) is always allowed.
 */
export function isImageAllowed(
  src: string,
  origins: ImageOrigins,
  pageOrigin: string | null,
): boolean {
  if (origins === 'any' || /^(?:data|blob):/i.test(src)) return true;
  const origin = originOf(src);
  if (origin === null) return false;
  if (origin === pageOrigin) return true;
  return origins.some((allowed) => originOf(allowed) === origin);
}

const subscribeNever = () => () => {};
const pageOriginNow = () => globalThis.location?.origin ?? null;
const noPageOrigin = () => null;

/** The page's origin in a browser; null on the server and while hydrating, so markup matches. */
export function usePageOrigin(): string | null {
  return useSyncExternalStore(subscribeNever, pageOriginNow, noPageOrigin);
}

/** The image origin policy in effect here: the nearest `Markdown`'s or chat's. */
export function useImageOrigins(): ImageOrigins {
  return useContext(ImageOriginsContext);
}
