'use client';
import { imageRouteUrl } from '@aitre/core';
import { useAitreImageProxy } from '@aitre/react';
import { usePageOrigin } from '../markdown/imageOrigins.js';

/**
 * Where a Download link for an image points. A browser ignores `download` on a link to another
 * origin and opens a tab instead, so with `<AitreProvider imageProxy>` an http(s) image from
 * another origin goes through that same-origin route (`?url=…&download=1`). Anything else (data
 * and blob URLs, same-origin images, no proxy) keeps its own URL.
 */
export function useDownloadHref(): (url: string) => string {
  const imageProxy = useAitreImageProxy();
  const pageOrigin = usePageOrigin();
  return (url) => {
    if (!imageProxy || !/^https?:/i.test(url)) return url;
    try {
      if (new URL(url).origin === pageOrigin) return url;
    } catch {
      return url;
    }
    return imageRouteUrl(imageProxy, url, true);
  };
}
