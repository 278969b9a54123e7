import { format } from './format.js';
import type { Messages } from './Messages.js';

/** The groups of a message table that error sentences come from. */
type ErrorMessages = Pick<Messages, 'errors' | 'validation'>;

type ErrorKey = Exclude<
  keyof Messages['errors'],
  'withDetail' | 'rate_limit_retry' | 'midjourney_banned'
>;
type ValidationKey = keyof Messages['validation'];

// Duck-typed view of @aitre/core's AitreError family, so any copy of core (or a plain object
// from a worker) can be localized.
interface ErrorLike {
  kind?: unknown;
  code?: unknown;
  message?: unknown;
  description?: unknown;
  field?: unknown;
  params?: unknown;
  retryAfterMs?: unknown;
  properties?: { bannedWord?: unknown };
}

// Kinds whose message comes from the gateway or the network, worth keeping as detail.
const keepsDetail = new Set<string>([
  'auth',
  'quota',
  'rate_limit',
  'no_channel',
  'upstream',
  'invalid_request',
  'not_found',
  'network',
  'timeout',
  'midjourney',
  'unknown',
]);

function isErrorKey(messages: ErrorMessages, kind: string): kind is ErrorKey {
  return (
    kind !== 'withDetail' &&
    kind !== 'rate_limit_retry' &&
    kind !== 'midjourney_banned' &&
    Object.hasOwn(messages.errors, kind)
  );
}

function validationMessage(messages: ErrorMessages, error: ErrorLike): string {
  const code = typeof error.code === 'string' ? error.code : '';
  const params: Record<string, string | number> = {};
  if (typeof error.field === 'string') params.param = error.field;
  if (error.params !== null && typeof error.params === 'object') {
    for (const [key, value] of Object.entries(error.params)) {
      if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    }
  }
  // Core gives file limits in bytes; people read megabytes.
  if (typeof params.max === 'number') params.maxMB = Math.round((params.max / 1048576) * 10) / 10;
  const specific = Object.hasOwn(messages.validation, code)
    ? format(messages.validation[code as ValidationKey], params)
    : undefined;
  // A template whose values are missing would show raw placeholders: use the generic one.
  if (specific !== undefined && !/\{\w+\}/.test(specific)) return specific;
  return 'param' in params
    ? format(messages.validation.unknown, params)
    : messages.errors.validation;
}

/**
 * Turns an error from @aitre/core (or anything thrown) into a sentence for users, in the
 * language of `messages`, keeping the gateway's original message as detail.
 */
export function localizeError(error: unknown, messages: ErrorMessages): string {
  const e: ErrorLike = error !== null && typeof error === 'object' ? (error as ErrorLike) : {};
  const kind = typeof e.kind === 'string' && isErrorKey(messages, e.kind) ? e.kind : 'unknown';
  if (kind === 'validation') return validationMessage(messages, e);

  let summary: string = messages.errors[kind];
  const word = e.properties?.bannedWord;
  if (kind === 'rate_limit' && typeof e.retryAfterMs === 'number' && e.retryAfterMs > 0) {
    summary = format(messages.errors.rate_limit_retry, {
      seconds: Math.ceil(e.retryAfterMs / 1000),
    });
  } else if (kind === 'midjourney' && typeof word === 'string' && word !== '') {
    // The word to change is what the user needs; the gateway's text stays as detail.
    summary = format(messages.errors.midjourney_banned, { word });
  }

  const raw =
    typeof e.description === 'string' && e.description !== ''
      ? e.description
      : typeof e.message === 'string'
        ? e.message
        : typeof error === 'string'
          ? error
          : '';
  const detail = raw.trim();
  if (!keepsDetail.has(kind) || detail === '' || detail === summary) return summary;
  return format(messages.errors.withDetail, { message: summary, detail });
}
