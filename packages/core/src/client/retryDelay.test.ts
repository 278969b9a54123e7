import { describe, expect, it } from 'vitest';
import { retryAfterMs, retryDelay } from './retryDelay.js';

describe('retryDelay', () => {
  it('doubles from 0.5 s up to 8 s without jitter', () => {
    const none = () => 0;
    expect([0, 1, 2, 3, 4, 5, 6].map((k) => retryDelay(k, undefined, none))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it('takes off at most 25 % as jitter', () => {
    expect(retryDelay(0, undefined, () => 1)).toBe(375);
    expect(retryDelay(4, undefined, () => 0.5)).toBe(7000);
  });

  it('prefers retry-after-ms over retry-after', () => {
    const headers = new Headers({ 'retry-after-ms': '1500.5', 'retry-after': '9' });
    expect(retryDelay(0, headers, () => 0)).toBe(1500.5);
  });

  it('reads retry-after in seconds', () => {
    expect(retryDelay(3, new Headers({ 'retry-after': '2' }), () => 0)).toBe(2000);
  });

  it('reads retry-after as an HTTP date', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    const headers = new Headers({ 'retry-after': 'Wed, 25 Nov 2026 12:00:05 GMT' });
    expect(retryAfterMs(headers, now)).toBe(5000);
  });

  it('ignores hints over 60 s, negative or unparsable and falls back to backoff', () => {
    const none = () => 0;
    expect(retryDelay(1, new Headers({ 'retry-after': '120' }), none)).toBe(1000);
    expect(retryDelay(1, new Headers({ 'retry-after-ms': '-5' }), none)).toBe(1000);
    expect(retryDelay(1, new Headers({ 'retry-after': 'soon' }), none)).toBe(1000);
    expect(retryDelay(1, new Headers({ 'retry-after-ms': '61000' }), none)).toBe(1000);
    expect(retryAfterMs(new Headers({ 'retry-after': '60' }))).toBe(60_000);
  });
});
