import { ApiError, type ApiErrorOptions, AuthError, RateLimitError } from '../errors.js';
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
const asCode = (value: unknown): string | number | undefined =>
  typeof value === 'string' || typeof value === 'number' ? value : undefined;

/** JSON when the text parses, else the text itself. */
export function parseJsonOrText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return text;
  const first = trimmed[0];
  if (first !== '{' && first !== '[' && first !== '"') return text;
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
      const fields: ErrorFields = {
        message: typeof inner.message === 'string' ? inner.message : JSON.stringify(inner),
      };
      const code = asCode(inner.code);
      if (code !== undefined && code !== '') fields.code = code;
      if (typeof inner.type === 'string' && inner.type !== '') fields.type = inner.type;
      if (typeof inner.param === 'string' || inner.param === null) fields.param = inner.param;
      return fields;
    }
    if (typeof inner === 'string' && inner !== '') return withCode({ message: inner }, body);
    if (typeof body.message === 'string') return withCode({ message: body.message }, body);
    if (typeof body.description === 'string') return withCode({ message: body.description }, body);
    if (typeof body.msg === 'string') return withCode({ message: body.msg }, body);
  }
  if (typeof body === 'string' && body.trim() !== '') {
    const text = body.trim();
    if (/^<(!doctype|html)/i.test(text)) {
      const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
      return {
        message: title ? `HTTP ${status ?? ''} ${title}`.trim() : `HTTP ${status} (HTML page)`,
      };
    }
    return { message: text.length > 500 ? `${text.slice(0, 500)}…` : text };
  }
  return { message: status === undefined ? 'Unknown gateway error' : `HTTP ${status}` };
}

function withCode(fields: ErrorFields, body: Loose): ErrorFields {
  const code = asCode(body.code);
  if (code !== undefined && code !== '') fields.code = code;
  if (typeof body.type === 'string' && body.type !== '') fields.type = body.type;
  return fields;
}

/**
 * Builds the typed error for a gateway error answer: AuthError for 401/403 that is not about
 * quota, RateLimitError for a plain 429, ApiError otherwise; `message` loses the
 * ` (request id: X)` suffix, which moves to `requestId`.
 */
export function createApiError(source: ErrorSource): ApiError {
  const fields = errorFields(source.body, source.status);
  const stripped = stripRequestId(fields.message);
  const { kind, retryable } = classifyError({ ...fields, status: source.status });
  const options: ApiErrorOptions = { kind, retryable, body: source.body };
  if (source.status !== undefined) options.status = source.status;
  if (fields.code !== undefined) options.code = fields.code;
  if (fields.type !== undefined) options.type = fields.type;
  if (fields.param !== undefined) options.param = fields.param;
  if (source.headers !== undefined) options.headers = source.headers;
  const requestId =
    stripped.requestId ??
    source.headers?.get('x-oneapi-request-id') ??
    source.headers?.get('x-request-id') ??
    undefined;
  if (requestId) options.requestId = requestId;
  const message = stripped.message || fields.message;
  if (kind === 'auth') return new AuthError(message, options);
  if (kind === 'rate_limit') {
    const wait = retryAfterMs(source.headers);
    return new RateLimitError(
      message,
      wait === undefined ? options : { ...options, retryAfterMs: wait },
    );
  }
  return new ApiError(message, options);
}
