/** What went wrong, in words a UI can branch on (the class says where it came from). */
export type ErrorKind =
  | 'auth'
  | 'quota'
  | 'rate_limit'
  | 'no_channel'
  | 'upstream'
  | 'invalid_request'
  | 'not_found'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'validation'
  | 'midjourney'
  | 'no_midjourney';

/** Stable identifiers of client-side validation failures; the UI localizes them. */
export type ValidationCode =
  | 'model_missing'
  | 'messages_empty'
  | 'prompt_empty'
  | 'prompt_too_long'
  | 'input_empty'
  | 'input_too_many'
  | 'file_missing'
  | 'audio_too_large'
  | 'audio_type'
  | 'image_missing'
  | 'blend_count'
  | 'dalle3_n'
  | 'n_range'
  | 'size_invalid'
  | 'option_invalid'
  | 'tts_input_too_long'
  | 'task_id_missing'
  | 'custom_id_missing';

/** Options shared by every error of the kit. */
export interface AitreErrorOptions {
  /** What went wrong. */
  kind: ErrorKind;
  /** Whether trying the same call again may succeed. */
  retryable?: boolean;
  /** The underlying error, if any. */
  cause?: unknown;
}

// Names the errors of the class `type` and marks them, through its prototype, as instances
// of it (and so, by inheritance, of every class above it). Returns the class's `isInstance`:
// a closure, so it also works detached (`.filter(ApiError.isInstance)`). The calls are marked
// pure: they touch only their own class, so a bundler may drop a class nobody uses.
function brand<T extends AitreError>(
  type: { prototype: T },
  name: string,
): (error: unknown) => error is T {
  // A registered symbol: `isInstance` still works when two copies of the package (or two
  // realms) are loaded and `instanceof` would fail.
  const mark = Symbol.for(`aitre.error.${name}`);
  Object.assign(type.prototype, { name, [mark]: true });
  return (error): error is T =>
    (error as Record<symbol, unknown> | null | undefined)?.[mark] === true;
}

/** Base of every error thrown by @aitre/core. */
export class AitreError extends Error {
  /** What went wrong, for branching in a UI. */
  declare readonly kind: ErrorKind;
  /** Whether trying the same call again may succeed. */
  declare readonly retryable: boolean;

  constructor(message: string, options: AitreErrorOptions) {
    // Error reads only `cause` from the options.
    super(message, options);
    this.kind = options.kind;
    this.retryable = options.retryable ?? false;
  }

  /** True for any AitreError, even one from another copy of the package. */
  static readonly isInstance = /* @__PURE__ */ brand<AitreError>(this, 'AitreError');
}

/** Options of an {@link ApiError}. */
export interface ApiErrorOptions extends AitreErrorOptions {
  /** HTTP status; absent when the error arrived mid-stream. */
  status?: number;
  /** The gateway's `code` (string or number). */
  code?: string | number;
  /** The gateway's `type` (unreliable across gateways). */
  type?: string;
  /** The offending parameter, when the gateway names one. */
  param?: string | null;
  /** The gateway request id, taken from the message suffix or a header. */
  requestId?: string;
  /** Response headers, when there was a response. */
  headers?: Headers;
  /** The parsed (or raw text) error body. */
  body?: unknown;
}

const API_FIELDS = ['status', 'code', 'type', 'param', 'requestId', 'headers', 'body'] as const;

/** An error answered by the gateway (HTTP status >= 400, an `error` body, or a stream error event). */
export class ApiError extends AitreError {
  /** HTTP status; absent when the error arrived mid-stream. */
  declare readonly status?: number;
  /** The gateway's `code` (string or number). */
  declare readonly code?: string | number;
  /** The gateway's `type`. */
  declare readonly type?: string;
  /** The offending parameter, when named. */
  declare readonly param?: string | null;
  /** The gateway request id (never part of `message`). */
  declare readonly requestId?: string;
  /** Response headers, when there was a response. */
  declare readonly headers?: Headers;
  /** The parsed (or raw text) error body. */
  declare readonly body?: unknown;

  constructor(message: string, options: ApiErrorOptions) {
    super(message, options);
    // Every field is an own property, undefined when not given.
    for (const field of API_FIELDS) (this as Record<string, unknown>)[field] = options[field];
  }

  /** True for any ApiError (or subclass), even from another copy of the package. */
  static override readonly isInstance = /* @__PURE__ */ brand<ApiError>(this, 'ApiError');
}

/** 401 / 403 that is not about quota: bad, expired or forbidden key. */
export class AuthError extends ApiError {
  /** True for any AuthError, even from another copy of the package. */
  static override readonly isInstance = /* @__PURE__ */ brand<AuthError>(this, 'AuthError');
}

/** 429 that is not about quota. */
export class RateLimitError extends ApiError {
  /** How long the gateway asked to wait, when it said so (and the browser could read it). */
  declare readonly retryAfterMs?: number;

  constructor(message: string, options: ApiErrorOptions & { retryAfterMs?: number }) {
    super(message, options);
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }

  /** True for any RateLimitError, even from another copy of the package. */
  static override readonly isInstance = /* @__PURE__ */ brand<RateLimitError>(
    this,
    'RateLimitError',
  );
}

/** The connection failed or dropped (before the answer, or mid-stream). */
export class ConnectionError extends AitreError {
  constructor(
    message = 'Connection error',
    options: { cause?: unknown; retryable?: boolean } = {},
  ) {
    super(message, { ...options, kind: 'network', retryable: options.retryable ?? true });
  }

  /** True for any ConnectionError, even from another copy of the package. */
  static override readonly isInstance = /* @__PURE__ */ brand<ConnectionError>(
    this,
    'ConnectionError',
  );
}

/** No answer within the per-attempt timeout. */
export class TimeoutError extends AitreError {
  constructor(message = 'Request timed out', options: { cause?: unknown } = {}) {
    super(message, { ...options, kind: 'timeout', retryable: true });
  }

  /** True for any TimeoutError, even from another copy of the package. */
  static override readonly isInstance = /* @__PURE__ */ brand<TimeoutError>(this, 'TimeoutError');
}

/** The caller aborted (signal, `stream.abort()`). */
export class AbortError extends AitreError {
  constructor(message = 'Request aborted', options: { cause?: unknown } = {}) {
    super(message, { ...options, kind: 'aborted' });
  }

  /** True for any AbortError, even from another copy of the package. */
  static override readonly isInstance = /* @__PURE__ */ brand<AbortError>(this, 'AbortError');
}

/** Bad input caught before any request; `code` is a stable id the UI localizes. */
export class ValidationError extends AitreError {
  /** Stable identifier, e.g. 'prompt_empty'. */
  declare readonly code: ValidationCode;
  /** The request field at fault, e.g. 'prompt'. */
  declare readonly field: string;
  /** Values for the localized message, e.g. `{ max: 4096, length: 5000 }`. */
  declare readonly params?: Record<string, string | number>;

  constructor(
    code: ValidationCode,
    field: string,
    message: string,
    params?: Record<string, string | number>,
  ) {
    super(message, { kind: 'validation' });
    // `params` is an own property even when undefined, as the other fields.
    Object.assign(this, { code, field, params });
  }

  /** True for any ValidationError, even from another copy of the package. */
  static override readonly isInstance = /* @__PURE__ */ brand<ValidationError>(
    this,
    'ValidationError',
  );
}

/** Options of a {@link MidjourneyError}. */
export interface MidjourneyErrorOptions {
  /** The submit code (3, 4, 9, 23, 24, gateway 4/5/30) or an OpenAI-style code. */
  code: number | string;
  /** The gateway's description (e.g. "队列已满，请稍后尝试"). */
  description: string;
  /** The submit `properties` (e.g. `bannedWord`, `promptEn`). */
  properties?: Record<string, unknown>;
  /** Defaults to 'midjourney'. */
  kind?: ErrorKind;
  /** Whether trying again later may succeed (queue full, load saturated). */
  retryable?: boolean;
  /** HTTP status, when not 200. */
  status?: number;
  /** The gateway request id, when the message carried one. */
  requestId?: string;
  /** The underlying error, if any. */
  cause?: unknown;
}

/** A MidJourney submit or task query the proxy refused. */
export class MidjourneyError extends AitreError {
  /** The submit code or gateway code. */
  declare readonly code: number | string;
  /** The gateway's description, without a request-id suffix. */
  declare readonly description: string;
  /** The submit `properties` (e.g. `bannedWord`). */
  readonly properties?: Record<string, unknown>;
  /** HTTP status, when known. */
  readonly status?: number;
  /** The gateway request id, when the message carried one. */
  readonly requestId?: string;

  constructor(message: string, options: MidjourneyErrorOptions) {
    super(message, { ...options, kind: options.kind ?? 'midjourney' });
    this.code = options.code;
    this.description = options.description;
    if (options.properties !== undefined) this.properties = options.properties;
    if (options.status !== undefined) this.status = options.status;
    if (options.requestId !== undefined) this.requestId = options.requestId;
  }

  /** True for any MidjourneyError (or subclass), even from another copy of the package. */
  static override readonly isInstance = /* @__PURE__ */ brand<MidjourneyError>(
    this,
    'MidjourneyError',
  );
}

/** The gateway has no MidJourney relay (404 or an HTML page on /mj/*). */
export class MidjourneyUnavailableError extends MidjourneyError {
  constructor(message: string, options: Omit<MidjourneyErrorOptions, 'kind' | 'retryable'>) {
    super(message, { ...options, kind: 'no_midjourney', retryable: false });
  }

  /** True for any MidjourneyUnavailableError, even from another copy of the package. */
  static override readonly isInstance = /* @__PURE__ */ brand<MidjourneyUnavailableError>(
    this,
    'MidjourneyUnavailableError',
  );
}
