import { describe, expect, it } from 'vitest';
import { AitreError, ConnectionError, ValidationError } from '../errors.js';
import { toAitreError } from './toAitreError.js';

describe('toAitreError', () => {
  it('passes AitreErrors through unchanged', () => {
    const error = new ValidationError('prompt_empty', 'prompt', 'The prompt is empty');
    expect(toAitreError(error)).toBe(error);
  });

  it('wraps anything else as a retryable ConnectionError keeping the cause', () => {
    const cause = new TypeError('Failed to fetch');
    const wrapped = toAitreError(cause);
    expect(wrapped).toBeInstanceOf(ConnectionError);
    expect(AitreError.isInstance(wrapped)).toBe(true);
    expect(wrapped).toMatchObject({ kind: 'network', message: 'Failed to fetch', cause });
    expect(toAitreError('boom').message).toBe('boom');
  });
});
