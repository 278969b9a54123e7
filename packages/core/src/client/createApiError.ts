import { ApiError, AuthError, RateLimitError } from '../errors.js';
import { classifyError } from './classifyError.js';
import { retryAfterMs } from './retryDelay.js';
import { stripRequestId } from './stripRequestId.js';

/** Where an error body came from. */
export interface ErrorSource {
  /** HTTP status; absent for a stream error event. */
  status?: number;
  /** Response headers, when there was a response. */
  headers?: Headers;
  /** The body: parsed JSON, or the raw text when it was not JSON. */
  body: unknown;
}

/** The fields an error body may carry, whatever its shape. */
export interface ErrorFields {
  message: string;
  code?: string | number;
  type?: string;
  param?: string | null;
}

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null;

/** JSON when the text parses, else the text itself. */
export function parseJsonOrText(text: string): unknown {
  const trimmed = text.trim();
  if (!/^[[{"]/.test(trimmed)) return text;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return text;
  }
}

/** Reads the message, code, type and param out of any of the shapes gateways answer with. */
export function errorFields(body: unknown, status?: number): ErrorFields {
  if (isObject(body)) {
    const inner = body.error;
    if (isObject(inner)) {
      const message = inner.message;
      const fields = withCode(typeof message === 'string' ? message : JSON.stringify(inner), inner);
      if (typeof inner.param === 'string' || inner.param === null) fields.param = inner.param;
      return fields;
    }
    // `error` as a string, then the shapes of other gateways and relays.
    for (const message of [inner || undefined, body.message, body.description, body.msg]) {
      if (typeof message === 'string') return withCode(message, body);
    }
  }
  const text = typeof body === 'string' ? body.trim() : '';
  let message = text.length > 500 ? `${text.slice(0, 500)}…` : text;
  if (/^<(!doctype|html)/i.test(text)) {
    const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    message = `HTTP ${status ?? ''} ${title || '(HTML page)'}`;
  }
  return {
    message: message || (status === undefined ? 'Unknown gateway error' : `HTTP ${status}`),
  };
}

// The message with the non-empty `code` and `type` of the body that carried it.
function withCode(message: string, body: Loose): ErrorFields {
  const fields: ErrorFields = { message };
  const { code, type } = body;
  if ((typeof code === 'string' && code !== '') || typeof code === 'number') fields.code = code;
  if (typeof type === 'string' && type !== '') fields.type = type;
  return fields;
}

/**
 * Builds the typed error for a gateway error answer: AuthError for 401/403 that is not about
 * quota, RateLimitError for a plain 429, ApiError otherwise; `message` loses the
 * ` (request id: X)` suffix, which moves to `requestId`.
 */
export function createApiError({ status, headers, body }: ErrorSource): ApiError {
  const fields = errorFields(body, status);
  const { message, requestId } = stripRequestId(fields.message);
  const options = {
    ...fields,
    ...classifyError({ ...fields, status }),
    body,
    status,
    headers,
    requestId:
      requestId || headers?.get('x-oneapi-request-id') || headers?.get('x-request-id') || undefined,
    retryAfterMs: retryAfterMs(headers),
  };
  const ErrorClass =
    options.kind === 'auth' ? AuthError : options.kind === 'rate_limit' ? RateLimitError : ApiError;
  // A message that was only the suffix stays as it came.
  return new ErrorClass(message || fields.message, options);
}
