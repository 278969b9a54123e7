import { linkAbort } from './linkAbort.js';
import { parseURL } from './parseURL.js';
import { type ProxyFailure, type ProxyRules, proxyErrorResponse } from './proxyRules.js';
import { rejectOnAbort } from './rejectOnAbort.js';
import { Watchdog } from './Watchdog.js';
import { watchBody } from './watchBody.js';

const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const IMAGE_TYPE = /^image\/[a-z0-9][\w.+-]*$/;
const EXTENSIONS: Record<string, string> = {
  jpeg: 'jpg',
  pjpeg: 'jpg',
  'svg+xml': 'svg',
  'vnd.microsoft.icon': 'ico',
};
// An SVG opened from this route is a document on the page's own origin: no scripts, no
// requests, and an opaque origin of its own.
const IMAGE_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox";

type Outcome = { upstream: Response } | { failure: ProxyFailure; subject?: string };

/**
 * Answers the image route, `<basePath>/image?url=<absolute URL>[&download=1]`: fetches an
 * image from an origin in `imageOrigins`, sending none of the caller's headers, following up to
 * three redirects by hand (each checked again), and streams it back same-origin, so a page can
 * show and download images from hosts that send no CORS headers.
 */
export async function proxyImage(request: Request, url: URL, rules: ProxyRules): Promise<Response> {
  const requested = parseURL(url.searchParams.get('url') ?? '');
  if (!isFetchable(requested)) return proxyErrorResponse('invalid_image_url');

  const { abort, unlink } = linkAbort(request);

  const outcome = await fetchImage(requested, rules, abort, request.signal);
  if ('failure' in outcome) {
    unlink();
    return proxyErrorResponse(outcome.failure, outcome.subject, rules.timeoutMs);
  }
  const { upstream } = outcome;
  const contentType = upstream.headers.get('content-type') ?? '';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const failure: ProxyFailure | undefined =
    upstream.status === 404 || upstream.status === 410
      ? 'image_not_found'
      : upstream.status < 200 || upstream.status > 299
        ? 'image_unavailable'
        : IMAGE_TYPE.test(mediaType)
          ? undefined
          : 'not_an_image';
  if (failure !== undefined) {
    unlink();
    // What the host sent instead of an image is never read; cancelling drops the connection.
    upstream.body?.cancel().catch(() => {});
    return proxyErrorResponse(failure);
  }

  const headers = new Headers({
    'content-type': contentType,
    'cache-control': 'private, max-age=3600',
    'x-content-type-options': 'nosniff',
    'content-security-policy': IMAGE_CSP,
  });
  const length = upstream.headers.get('content-length');
  // fetch decodes a compressed body, to which the upstream length no longer applies.
  if (length !== null && !upstream.headers.has('content-encoding')) {
    headers.set('content-length', length);
  }
  if (url.searchParams.get('download') === '1') {
    headers.set('content-disposition', `attachment; filename="${fileName(requested, mediaType)}"`);
  }
  let body: ReadableStream<Uint8Array> | null = upstream.body;
  if (request.method === 'HEAD') {
    body?.cancel().catch(() => {});
    body = null;
  }
  if (body === null) unlink();
  else if (rules.idleTimeoutMs !== undefined) {
    body = watchBody(body, rules.idleTimeoutMs, abort, unlink);
  }
  return new Response(body, { status: 200, headers });
}

/**
 * GETs the image, following redirects to allowed origins, within `timeoutMs` per answer. A
 * HEAD is sent upstream as a GET too: a link signed for GET alone may refuse HEAD.
 */
async function fetchImage(
  requested: URL,
  rules: ProxyRules,
  abort: AbortController,
  callerSignal: AbortSignal,
): Promise<Outcome> {
  let timedOut = false;
  const headersWatch = new Watchdog(rules.timeoutMs, () => {
    timedOut = true;
    abort.abort(new DOMException('upstream_timeout before the response headers', 'TimeoutError'));
  });
  let target = requested;
  let pending: Promise<Response> | undefined;
  try {
    for (let redirects = 0; ; redirects += 1) {
      if (!rules.imageAllowed?.(target)) {
        return { failure: 'image_origin_not_allowed', subject: target.origin };
      }
      headersWatch.start();
      // No header of the caller's and none of the gateway's: the key and cookies stay here.
      pending = (rules.fetch ?? fetch)(target.href, {
        headers: { accept: 'image/*' },
        redirect: 'manual',
        signal: abort.signal,
      });
      // A custom fetch may ignore the signal: the abort settles the wait all the same.
      const upstream = await Promise.race([pending, rejectOnAbort(abort.signal)]);
      pending = undefined;
      if (!REDIRECTS.has(upstream.status)) return { upstream };
      upstream.body?.cancel().catch(() => {});
      const location = upstream.headers.get('location');
      const next = location === null ? undefined : parseURL(location, target);
      if (!isFetchable(next)) return { failure: 'image_unavailable' };
      if (redirects === MAX_REDIRECTS) return { failure: 'too_many_redirects' };
      target = next;
    }
  } catch {
    // An answer that comes after all is nobody's: release its connection.
    pending?.then(
      (late) => late.body?.cancel().catch(() => {}),
      () => {},
    );
    return {
      failure: timedOut
        ? 'upstream_timeout'
        : callerSignal.aborted
          ? 'client_closed'
          : 'image_unavailable',
    };
  } finally {
    headersWatch.stop();
  }
}

/** An absolute http(s) URL without credentials in it (fetch refuses those). */
function isFetchable(url: URL | undefined): url is URL {
  return (
    url !== undefined &&
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === ''
  );
}

/** `<last path segment without its extension, or image>.<extension of the media type>`. */
function fileName(url: URL, mediaType: string): string {
  const segment = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A stray `%` in the path: the segment as it stands.
  }
  // Only characters that need no quoting or encoding in the header, and no hidden file.
  const stem = decoded
    .replace(/\.[^.]*$/, '')
    .replace(/[^\w.-]+/g, '_')
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, 100);
  const subtype = mediaType.slice('image/'.length);
  const extension =
    EXTENSIONS[subtype] ??
    subtype
      .replace(/^x-/, '')
      .replace(/\+.*$/, '')
      .replace(/[^a-z0-9]/g, '');
  return `${stem === '' ? 'image' : stem}.${extension === '' ? 'img' : extension}`;
}
