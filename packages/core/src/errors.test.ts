import { describe, expect, it } from 'vitest';
import {
  AbortError,
  AitreError,
  ApiError,
  AuthError,
  ConnectionError,
  MidjourneyError,
  MidjourneyUnavailableError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from './errors.js';

describe('error classes', () => {
  it('recognise instances through the registered-symbol marker, not the prototype', () => {
    const error = new RateLimitError('slow down', {
      kind: 'rate_limit',
      retryable: true,
      status: 429,
    });
    const copy = Object.assign(Object.create(null), {
      [Symbol.for('aitre.error.AitreError')]: true,
      [Symbol.for('aitre.error.ApiError')]: true,
    });
    expect(AitreError.isInstance(error)).toBe(true);
    expect(ApiError.isInstance(error)).toBe(true);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(AuthError.isInstance(error)).toBe(false);
    expect(ApiError.isInstance(copy)).toBe(true);
    expect(AitreError.isInstance(new Error('plain'))).toBe(false);
    expect(AitreError.isInstance(null)).toBe(false);
  });

  it('give each transport error its kind and retryability', () => {
    expect(new ConnectionError()).toMatchObject({
      kind: 'network',
      retryable: true,
      name: 'ConnectionError',
    });
    expect(new TimeoutError()).toMatchObject({ kind: 'timeout', retryable: true });
    expect(new AbortError()).toMatchObject({ kind: 'aborted', retryable: false });
    expect(TimeoutError.isInstance(new TimeoutError())).toBe(true);
    expect(ConnectionError.isInstance(new AbortError())).toBe(false);
  });

  it('carry a stable code, field and params on validation errors', () => {
    const error = new ValidationError('blend_count', 'base64Array', 'Blend takes 2 to 5 images', {
      count: 1,
    });
    expect(error).toMatchObject({
      kind: 'validation',
      code: 'blend_count',
      field: 'base64Array',
      params: { count: 1 },
    });
    expect(ValidationError.isInstance(error)).toBe(true);
  });

  it('make MidjourneyUnavailableError a MidjourneyError of kind no_midjourney', () => {
    const error = new MidjourneyUnavailableError('no relay', {
      code: 404,
      description: 'no relay',
    });
    expect(MidjourneyError.isInstance(error)).toBe(true);
    expect(MidjourneyUnavailableError.isInstance(error)).toBe(true);
    expect(error.kind).toBe('no_midjourney');
    expect(error).toBeInstanceOf(MidjourneyError);
  });
});
