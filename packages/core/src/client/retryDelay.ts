const MAX_HINT_MS = 60_000;
const BASE_MS = 500;
const CAP_MS = 8_000;

/**
 * The wait a response asked for: `retry-after-ms` (milliseconds), else `retry-after`
 * (seconds or an HTTP date). Hints that are missing, unparsable, negative or over 60 s
 * give `undefined`, so the caller falls back to backoff.
 */
export function retryAfterMs(
  headers: Headers | undefined,
  now: number = Date.now(),
): number | undefined {
  if (headers === undefined) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null) {
    const value = Number.parseFloat(ms);
    if (Number.isFinite(value) && value >= 0 && value <= MAX_HINT_MS) return value;
  }
  const after = headers.get('retry-after');
  if (after === null || after.trim() === '') return undefined;
  const seconds = Number(after);
  const value = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(after) - now;
  if (Number.isFinite(value) && value >= 0 && value <= MAX_HINT_MS) return value;
  return undefined;
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
  const hinted = retryAfterMs(headers);
  if (hinted !== undefined) return hinted;
  const backoff = Math.min(BASE_MS * 2 ** retriesDone, CAP_MS);
  return backoff * (1 - random() * 0.25);
}
