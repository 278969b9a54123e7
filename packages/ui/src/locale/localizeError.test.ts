import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { localizeError } from './localizeError.js';
import { zhCN } from './zhCN.js';

class FakeApiError extends Error {
  constructor(
    message: string,
    readonly kind: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

describe('localizeError', () => {
  it('summarises by kind and keeps the gateway message as detail', () => {
    const error = new FakeApiError('当前分组上游负载已饱和', 'no_channel', 503, 'model_not_found');
    expect(localizeError(error, en)).toBe(
      'No channel is available for this model right now. (当前分组上游负载已饱和)',
    );
    expect(localizeError(error, zhCN)).toBe('该模型当前没有可用渠道。（当前分组上游负载已饱和）');
  });

  it('tells how long to wait after a rate limit', () => {
    const error = { kind: 'rate_limit', message: '', retryAfterMs: 2500 };
    expect(localizeError(error, en)).toBe('Too many requests. Try again in 3 s.');
    expect(localizeError(error, zhCN)).toBe('请求过于频繁，请 3 秒后再试。');
  });

  it('localizes validation errors by code with their parameters', () => {
    const error = {
      kind: 'validation',
      code: 'audio_too_large',
      field: 'file',
      params: { max: 26_214_400, size: 30_000_000 },
    };
    expect(localizeError(error, en)).toBe('The audio file is too large (at most 25 MB).');
    expect(localizeError(error, zhCN)).toBe('音频文件过大，不能超过 25 MB。');
  });

  it('falls back to the generic field message when a template lacks its values', () => {
    const error = { kind: 'validation', code: 'option_invalid', field: 'attachments', params: {} };
    expect(localizeError(error, en)).toBe('The value of attachments is not valid.');
    expect(localizeError(error, zhCN)).toBe('attachments 的值无效。');
  });

  it('fills every value of an option error', () => {
    const error = {
      kind: 'validation',
      code: 'size_invalid',
      field: 'size',
      params: { model: 'dall-e-3', size: '512x512', allowed: '1024x1024, 1792x1024' },
    };
    expect(localizeError(error, zhCN)).toBe(
      'dall-e-3 不支持 512x512 尺寸，可选尺寸：1024x1024, 1792x1024。',
    );
  });

  it('names the field of a validation error with an unknown code', () => {
    const error = { kind: 'validation', code: 'brand_new', field: 'quality', message: 'x' };
    expect(localizeError(error, en)).toBe('The value of quality is not valid.');
  });

  it('uses the MidJourney description and the no-relay message', () => {
    expect(localizeError({ kind: 'midjourney', code: 4, description: '队列已满' }, en)).toBe(
      'The MidJourney task could not be completed. (队列已满)',
    );
    expect(localizeError({ kind: 'no_midjourney', message: '404 page not found' }, en)).toBe(
      'This gateway has no MidJourney relay.',
    );
  });

  it('does not add detail to a cancelled request', () => {
    expect(localizeError({ kind: 'aborted', message: 'The operation was aborted.' }, zhCN)).toBe(
      '请求已取消。',
    );
  });

  it('falls back to a generic message for anything else thrown', () => {
    expect(localizeError(new TypeError('boom'), en)).toBe('Something went wrong. (boom)');
    expect(localizeError(undefined, en)).toBe('Something went wrong.');
    expect(localizeError({ kind: 'withDetail' }, en)).toBe('Something went wrong.');
  });
});
