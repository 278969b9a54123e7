import { describe, expect, it } from 'vitest';
import { toUsage } from './toUsage.js';

describe('toUsage', () => {
  it('maps the gateway snake_case token counts to camelCase', () => {
    expect(toUsage({ prompt_tokens: 12, completion_tokens: 30, total_tokens: 42 })).toEqual({
      promptTokens: 12,
      completionTokens: 30,
      totalTokens: 42,
    });
  });

  it('keeps zero counts rather than dropping them', () => {
    expect(toUsage({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 })).toEqual({
      promptTokens: 0,
      completionTokens: 0,
      totalTokens: 0,
    });
  });

  it('leaves out detail fields the stores do not show', () => {
    const usage = toUsage({
      prompt_tokens: 1,
      completion_tokens: 2,
      total_tokens: 3,
      completion_tokens_details: { reasoning_tokens: 2 },
    });
    expect(Object.keys(usage ?? {}).sort()).toEqual([
      'completionTokens',
      'promptTokens',
      'totalTokens',
    ]);
  });

  it('returns undefined when the gateway sent no usage', () => {
    expect(toUsage(undefined)).toBeUndefined();
  });
});
