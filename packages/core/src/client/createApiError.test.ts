import { describe, expect, it } from 'vitest';
import { ApiError, AuthError, RateLimitError } from '../errors.js';
import { createApiError, parseJsonOrText } from './createApiError.js';
import { stripRequestId } from './stripRequestId.js';

describe('stripRequestId', () => {
  it('moves the gateway suffix into requestId', () => {
    expect(stripRequestId('无效的令牌 (request id: 2026090519422733007594196e93ae3)')).toEqual({
      message: '无效的令牌',
      requestId: '2026090519422733007594196e93ae3',
    });
    expect(stripRequestId('plain message')).toEqual({ message: 'plain message' });
  });
});

describe('createApiError', () => {
  it('reads the OpenAI envelope and strips the request id from the message', () => {
    const error = createApiError({
      status: 401,
      body: {
        error: {
          message: 'Invalid API key (无效的令牌) (request id: 20261125abc)',
          type: 'new_api_error',
          param: null,
          code: 'invalid_api_key',
        },
      },
    });
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({
      message: 'Invalid API key (无效的令牌)',
      requestId: '20261125abc',
      status: 401,
      code: 'invalid_api_key',
      type: 'new_api_error',
      param: null,
      kind: 'auth',
      retryable: false,
    });
  });

  it('reads a bare {message} body', () => {
    const error = createApiError({ status: 502, body: { message: 'upstream died', code: 17 } });
    expect(error).toMatchObject({
      message: 'upstream died',
      code: 17,
      kind: 'upstream',
      retryable: true,
    });
  });

  it('reads a plain-text body', () => {
    const error = createApiError({ status: 503, body: 'Service Unavailable' });
    expect(error).toMatchObject({ message: 'Service Unavailable', status: 503, kind: 'upstream' });
  });

  it('names an HTML error page by its title', () => {
    const error = createApiError({
      status: 502,
      body: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
    });
    expect(error.message).toBe('HTTP 502 502 Bad Gateway');
  });

  it('reads an error string under `error`', () => {
    expect(createApiError({ status: 400, body: { error: 'bad input' } }).message).toBe('bad input');
  });

  it('makes a RateLimitError with the wait the headers asked for', () => {
    const error = createApiError({
      status: 429,
      headers: new Headers({ 'retry-after': '3' }),
      body: {
        error: { message: 'slow down', type: 'rate_limit_error', code: 'rate_limit_exceeded' },
      },
    });
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3000);
    expect(error.retryable).toBe(true);
  });

  it('treats a quota 429 as a final quota ApiError, not a RateLimitError', () => {
    const error = createApiError({
      status: 429,
      body: {
        error: {
          message: 'You exceeded your current quota',
          type: 'insufficient_quota',
          code: 'insufficient_quota',
        },
      },
    });
    expect(error).not.toBeInstanceOf(RateLimitError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'quota', retryable: false });
  });

  it('takes the request id from a header when the message has none', () => {
    const error = createApiError({
      status: 500,
      headers: new Headers({ 'x-oneapi-request-id': 'hdr-1' }),
      body: { error: { message: 'boom' } },
    });
    expect(error.requestId).toBe('hdr-1');
  });

  it('classifies a stream error event without a status', () => {
    const error = createApiError({
      body: { error: { message: 'stopped (request id: r1)', code: 'upstream_stream_error' } },
    });
    expect(error).toMatchObject({
      status: undefined,
      kind: 'upstream',
      retryable: true,
      requestId: 'r1',
      message: 'stopped',
    });
  });
});

describe('parseJsonOrText', () => {
  it('parses JSON and leaves other text alone', () => {
    expect(parseJsonOrText('{"a":1}')).toEqual({ a: 1 });
    expect(parseJsonOrText('{"a":')).toBe('{"a":');
    expect(parseJsonOrText('hello')).toBe('hello');
  });
});
