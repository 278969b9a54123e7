const MAX_HINT_MS = 60_000;
const BASE_MS = 500;
const CAP_MS = 8_000;

// NaN (missing, unparsable) and Infinity fail too.
const reasonable = (ms: number): boolean => ms >= 0 && ms <= MAX_HINT_MS;

/**
 * The wait a response asked for: `retry-after-ms` (milliseconds), else `retry-after`
 * (seconds or an HTTP date). Hints that are missing, unparsable, negative or over 60 s
 * give `undefined`, so the caller falls back to backoff.
 */
export function retryAfterMs(
  headers: Headers | undefined,
  now: number = Date.now(),
): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (reasonable(ms)) return ms;
  // Seconds, or else an HTTP date (which starts with the day's name, never a digit).
  const after = headers?.get('retry-after') ?? '';
  const seconds = Number.parseFloat(after);
  const value = Number.isNaN(seconds) ? Date.parse(after) - now : seconds * 1000;
  return reasonable(value) ? value : undefined;
}

/**
 * Exponential backoff with jitter: 0.5 s doubling per retry up to 8 s, minus up to 25 %,
 * unless the response named a (reasonable) wait. `retriesDone` counts retries already made.
 */
export function retryDelay(
  retriesDone: number,
  headers?: Headers,
  random: () => number = Math.random,
): number {
  return (
    retryAfterMs(headers) ?? Math.min(BASE_MS * 2 ** retriesDone, CAP_MS) * (1 - random() * 0.25)
  );
}
