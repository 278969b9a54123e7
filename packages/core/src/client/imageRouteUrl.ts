/**
 * The address of `url` on a `createProxy({ imageOrigins })` image route (e.g.
 * `/api/aitre/image`); with `download`, the route answers it as an attachment to save.
 */
export function imageRouteUrl(route: string, url: string, download = false): string {
  return `${route}?url=${encodeURIComponent(url)}${download ? '&download=1' : ''}`;
}
