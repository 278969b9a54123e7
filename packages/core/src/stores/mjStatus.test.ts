import { describe, expect, it } from 'vitest';
import { isTerminal, parseProgress } from './mjStatus.js';

describe('parseProgress', () => {
  it('reads percentages as numbers from 0 to 100', () => {
    expect(parseProgress('45%')).toBe(45);
    expect(parseProgress('100%')).toBe(100);
    expect(parseProgress('0%')).toBe(0);
    expect(parseProgress(12.5)).toBe(12.5);
  });

  it('treats empty, missing and non-numeric progress as 0 and clamps the range', () => {
    expect(parseProgress('')).toBe(0);
    expect(parseProgress(undefined)).toBe(0);
    expect(parseProgress(null)).toBe(0);
    expect(parseProgress('stopped')).toBe(0);
    expect(parseProgress('140%')).toBe(100);
    expect(parseProgress('-3%')).toBe(0);
  });
});

describe('isTerminal', () => {
  it('is true only for SUCCESS, FAILURE and CANCEL', () => {
    expect(isTerminal('SUCCESS')).toBe(true);
    expect(isTerminal('FAILURE')).toBe(true);
    expect(isTerminal('CANCEL')).toBe(true);
    for (const status of ['', 'NOT_START', 'SUBMITTED', 'IN_PROGRESS', 'MODAL', 'WHATEVER']) {
      expect(isTerminal(status)).toBe(false);
    }
    expect(isTerminal(undefined)).toBe(false);
  });
});
