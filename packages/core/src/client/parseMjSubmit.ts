import {
  type ErrorKind,
  MidjourneyError,
  type MidjourneyErrorOptions,
  MidjourneyUnavailableError,
} from '../errors.js';
import { classifyError } from './classifyError.js';
import { errorFields } from './createApiError.js';
import { stripRequestId } from './stripRequestId.js';
import type { MjSubmitResult } from './typesMidjourney.js';

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null;
const QUEUE_FULL = /队列已满|queue (is )?full/i;

/** True for an HTML page (a gateway's web UI answering an unknown /mj route). */
export function isHtml(body: unknown): boolean {
  return typeof body === 'string' && /^\s*<(!doctype|html|head|body)/i.test(body);
}

function numericCode(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

/** The MidjourneyUnavailableError for a gateway without a /mj relay. */
export function mjUnavailable(status: number): MidjourneyUnavailableError {
  const description = 'This gateway does not relay MidJourney';
  return new MidjourneyUnavailableError(`${description} (HTTP ${status})`, {
    code: status,
    description,
    status,
  });
}

function submitError(code: number, body: Loose, status: number): MidjourneyError {
  const stripped = stripRequestId(
    typeof body.description === 'string' ? body.description.trim() : '',
  );
  const description = stripped.message;
  const properties = isObject(body.properties) ? body.properties : undefined;
  let kind: ErrorKind = 'midjourney';
  let retryable = false;
  if (code === 3) kind = 'not_found';
  else if (code === 30) {
    kind = 'rate_limit';
    retryable = true;
  } else if (code === 23 || QUEUE_FULL.test(description)) retryable = true;
  const banned =
    code === 24 && typeof properties?.bannedWord === 'string' ? ` (${properties.bannedWord})` : '';
  const options: MidjourneyErrorOptions = {
    code,
    description,
    kind,
    retryable,
    status,
  };
  if (properties !== undefined) options.properties = properties;
  if (stripped.requestId !== undefined) options.requestId = stripped.requestId;
  return new MidjourneyError(`${description || `MidJourney error ${code}`}${banned}`, options);
}

/** The MidjourneyError for an OpenAI-style `{error}` answer or any other non-submit shape. */
export function mjErrorFromBody(status: number, body: unknown): MidjourneyError {
  const fields = errorFields(body, status);
  const stripped = stripRequestId(fields.message);
  const { kind, retryable } = classifyError({
    ...fields,
    status: status >= 400 ? status : undefined,
  });
  const options: MidjourneyErrorOptions = {
    code: fields.code ?? status,
    description: stripped.message,
    kind,
    retryable,
    status,
  };
  if (stripped.requestId !== undefined) options.requestId = stripped.requestId;
  return new MidjourneyError(stripped.message, options);
}

/**
 * Reads a submit answer: code 1/22 -> submitted, 21 -> needs a modal; every other code, the
 * gateway's `{description,type,code}`, an OpenAI `{error}`, a 404 or an HTML page throws.
 */
export function parseMjSubmit(status: number, body: unknown): MjSubmitResult {
  const code = isObject(body) ? numericCode(body.code) : undefined;
  if (status === 404 && code === undefined) throw mjUnavailable(status);
  if (isHtml(body)) throw mjUnavailable(status);
  if (!isObject(body) || body.error || code === undefined) throw mjErrorFromBody(status, body);
  const ok = status < 400;
  if (ok && (code === 1 || code === 22 || code === 21)) {
    const description = typeof body.description === 'string' ? body.description : '';
    const properties = isObject(body.properties) ? body.properties : {};
    const taskId = body.result == null ? '' : String(body.result);
    if (code === 21) return { status: 'needs_modal', taskId, code, description, properties };
    const queues = properties.numberOfQueues;
    // new-api rewrites 22 to 1: the queue survives only in the description and properties.
    const queued =
      code === 22 || /排队|queue/i.test(description) || (typeof queues === 'number' && queues > 0);
    return { status: 'submitted', taskId, code, queued, description, properties };
  }
  throw submitError(code, body, status);
}

/** The error for a non-2xx submit answer, whatever its shape. */
export function mjSubmitError(status: number, body: unknown): MidjourneyError {
  try {
    parseMjSubmit(status, body);
  } catch (error) {
    return error as MidjourneyError;
  }
  return mjErrorFromBody(status, body);
}
