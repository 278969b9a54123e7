import type { RequestContext } from './context.js';

/** Headers every answer carries: permissive CORS plus the request id. */
export function baseHeaders(ctx: RequestContext): Record<string, string> {
  // Like new-api: any origin, but no Expose-Headers, so browser code cannot read
  // retry-after or the request id header (clients must cope, the message carries the id).
  return {
    'access-control-allow-origin': '*',
    'x-request-id': ctx.requestId,
    'x-oneapi-request-id': ctx.requestId,
  };
}

/**
 * Answer to a CORS preflight: allows every method and the headers asked for (so `Authorization`
 * works), and Chrome's private network access when a public page calls the local gateway.
 */
export function preflightResponse(request: Request): Response {
  const headers: Record<string, string> = {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers':
      request.headers.get('access-control-request-headers') ?? 'authorization, content-type',
    'access-control-max-age': '86400',
  };
  if (request.headers.get('access-control-request-private-network') === 'true') {
    headers['access-control-allow-private-network'] = 'true';
  }
  return new Response(null, { status: 204, headers });
}

/** A JSON response with the gateway's headers. */
export function jsonResponse(
  ctx: RequestContext,
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...baseHeaders(ctx), 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** A plain-text response with the gateway's headers. */
export function textResponse(
  ctx: RequestContext,
  body: string,
  contentType = 'text/plain; charset=utf-8',
): Response {
  return new Response(body, {
    status: 200,
    headers: { ...baseHeaders(ctx), 'content-type': contentType },
  });
}

/** A binary response with the gateway's headers. */
export function bytesResponse(
  ctx: RequestContext,
  bytes: Uint8Array,
  contentType: string,
): Response {
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      ...baseHeaders(ctx),
      'content-type': contentType,
      'content-length': String(bytes.byteLength),
    },
  });
}
