import type { ErrorKind } from '../errors.js';

/** What {@link classifyError} looks at. */
export interface ErrorFacts {
  /** HTTP status; absent for errors that arrived mid-stream or in a 200 body. */
  status?: number;
  /** The gateway's `code`. */
  code?: string | number | null;
  /** The gateway's `type`. */
  type?: string | null;
  /** The message, with or without the request-id suffix. */
  message?: string;
}

/** The kind of an error and whether retrying may help. */
export interface ErrorClass {
  /** What went wrong. */
  kind: ErrorKind;
  /** Whether trying again may succeed (the retry loop also honours `x-should-retry`). */
  retryable: boolean;
}

const QUOTA_CODES = new Set([
  'insufficient_user_quota',
  'insufficient_quota',
  'pre_consume_token_quota_failed',
  'quota_not_enough',
]);
const NO_CHANNEL_CODES = new Set(['get_channel_failed']);
const AUTH_CODES = new Set(['invalid_api_key', 'access_denied']);
const INVALID_CODES = new Set([
  'invalid_request',
  'invalid_text_request',
  'sensitive_words_detected',
  'text_too_long',
  'context_length_exceeded',
  'read_request_body_failed',
]);
const QUOTA_WORDS = /额度|余额|quota|balance/i;
const NO_CHANNEL_WORDS = /无可用渠道|no available channel/i;
// 令牌 ("token") messages are about the key: missing, invalid, expired, disabled.
const AUTH_WORDS = /令牌|api key/i;
const RETRY_STATUSES = new Set([408, 409, 429]);

/**
 * Classifies a gateway error by status, `code`, `type` and message, because gateways make
 * `type` unreliable and overwrite messages. Quota, auth, no-channel and invalid-request
 * errors are final; rate limits, timeouts and upstream trouble are retryable.
 */
export function classifyError(facts: ErrorFacts): ErrorClass {
  const { status } = facts;
  const code = facts.code == null ? '' : String(facts.code);
  const type = facts.type ?? '';
  const message = facts.message ?? '';

  if (NO_CHANNEL_CODES.has(code) || NO_CHANNEL_WORDS.test(message)) {
    return { kind: 'no_channel', retryable: false };
  }
  if (code === 'model_not_found') {
    // Newer new-api answers 503 model_not_found when no channel serves the model.
    return { kind: status === 503 ? 'no_channel' : 'not_found', retryable: false };
  }
  if (QUOTA_CODES.has(code) || QUOTA_CODES.has(type) || QUOTA_WORDS.test(message)) {
    return { kind: 'quota', retryable: false };
  }
  if (status === 401 || status === 403 || AUTH_CODES.has(code) || AUTH_WORDS.test(message)) {
    return { kind: 'auth', retryable: false };
  }
  if (INVALID_CODES.has(code)) return { kind: 'invalid_request', retryable: false };
  if (status === 404) return { kind: 'not_found', retryable: false };
  if (status !== 429 && /invalid/i.test(message))
    return { kind: 'invalid_request', retryable: false };
  if (status === 429) return { kind: 'rate_limit', retryable: true };
  if (status === undefined || status >= 500 || RETRY_STATUSES.has(status)) {
    return { kind: 'upstream', retryable: true };
  }
  return { kind: 'invalid_request', retryable: false };
}
