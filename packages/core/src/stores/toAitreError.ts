import { AitreError, ConnectionError } from '../errors.js';

/** Passes AitreErrors through; wraps anything else thrown below a store as a ConnectionError. */
export function toAitreError(error: unknown): AitreError {
  if (AitreError.isInstance(error)) return error;
  return new ConnectionError(error instanceof Error ? error.message : String(error), {
    cause: error,
  });
}
