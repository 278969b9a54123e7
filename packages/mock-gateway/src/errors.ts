import type { RequestContext } from './context.js';
import { jsonResponse } from './http.js';

/** Fields of an OpenAI-style error besides the message. */
export interface ErrorFields {
  type?: string;
  code?: string | number | null;
  param?: string | null;
}

/** The gateway's OpenAI error body; like new-api, the message ends with ` (request id: <id>)`. */
export function errorBody(ctx: RequestContext, message: string, fields: ErrorFields = {}) {
  return {
    error: {
      message: `${message} (request id: ${ctx.requestId})`,
      type: fields.type ?? 'new_api_error',
      param: fields.param ?? null,
      code: fields.code ?? null,
    },
  };
}

/** An OpenAI-style error response. */
export function errorResponse(
  ctx: RequestContext,
  status: number,
  message: string,
  fields: ErrorFields = {},
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(ctx, errorBody(ctx, message, fields), status, headers);
}

/** 400 for a missing or invalid request field, naming it in `param` and the message. */
export function invalidField(ctx: RequestContext, field: string, message?: string): Response {
  return errorResponse(ctx, 400, message ?? `field ${field} is required`, {
    type: 'invalid_request_error',
    code: 'invalid_request',
    param: field,
  });
}

/** new-api's own MidJourney error shape: `{description, type: 'upstream_error', code}`. */
export function mjGatewayError(
  ctx: RequestContext,
  status: number,
  description: string,
  code: number,
): Response {
  return jsonResponse(ctx, { description, type: 'upstream_error', code }, status);
}
