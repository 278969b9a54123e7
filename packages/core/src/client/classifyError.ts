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

// Tested against the code, the type and the message together: gateways put the same facts in
// any of them. Quota codes all name a quota; 令牌 ("token") messages are about the key.
const NO_CHANNEL = /get_channel_failed|无可用渠道|no available channel/i;
const QUOTA = /额度|余额|quota|balance/i;
const AUTH = /令牌|api.key|access_denied/i;
// On a 429 only what the gateway notes call final counts: 令牌 and the auth codes. An English
// "API key" there names the key being rate-limited ("Rate limit reached for API key …").
const AUTH_429 = /令牌|invalid_api_key|access_denied/i;
const INVALID_CODE =
  /^(invalid_(text_)?request|sensitive_words_detected|text_too_long|context_length_exceeded|read_request_body_failed)$/;

const final = (kind: ErrorKind): ErrorClass => ({ kind, retryable: false });

/**
 * Classifies a gateway error by status, `code`, `type` and message, because gateways make
 * `type` unreliable and overwrite messages. Quota, auth, no-channel and invalid-request
 * errors are final; rate limits, timeouts and upstream trouble are retryable.
 */
export function classifyError({ status, code, type, message = '' }: ErrorFacts): ErrorClass {
  const name = `${code ?? ''}`;
  const facts = `${name} ${type ?? ''} ${message}`;
  if (NO_CHANNEL.test(facts)) return final('no_channel');
  // Newer new-api answers 503 model_not_found when no channel serves the model.
  if (name === 'model_not_found') return final(status === 503 ? 'no_channel' : 'not_found');
  if (QUOTA.test(facts)) return final('quota');
  if (status === 401 || status === 403 || (status === 429 ? AUTH_429 : AUTH).test(facts)) {
    return final('auth');
  }
  if (INVALID_CODE.test(name)) return final('invalid_request');
  if (status === 404) return final('not_found');
  // A message that says invalid is final, on a 429 as on any other status.
  if (/invalid/i.test(message)) return final('invalid_request');
  if (status === 429) return { kind: 'rate_limit', retryable: true };
  if (status === undefined || status >= 500 || status === 408 || status === 409) {
    return { kind: 'upstream', retryable: true };
  }
  return final('invalid_request');
}
