import { describe, expect, it } from 'vitest';
import { MidjourneyError, MidjourneyUnavailableError } from '../errors.js';
import { mjSubmitError, parseMjSubmit } from './parseMjSubmit.js';

function thrown(run: () => unknown): MidjourneyError {
  try {
    run();
  } catch (error) {
    if (MidjourneyError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a MidjourneyError');
}

describe('parseMjSubmit', () => {
  it('reads code 1 as submitted and coerces a numeric result to a string', () => {
    expect(
      parseMjSubmit(200, {
        code: 1,
        description: 'Submit success',
        result: 1320098173412546,
        properties: {},
      }),
    ).toEqual({
      status: 'submitted',
      taskId: '1320098173412546',
      code: 1,
      queued: false,
      description: 'Submit success',
      properties: {},
    });
  });

  it('reads code 22 as a queued success', () => {
    const result = parseMjSubmit(200, {
      code: 22,
      description: '排队中，前面还有1个任务',
      result: '17',
      properties: { numberOfQueues: 1 },
    });
    expect(result).toMatchObject({ status: 'submitted', code: 22, queued: true, taskId: '17' });
  });

  it('spots a queue in a code 1 answer rewritten by new-api', () => {
    const result = parseMjSubmit(200, {
      code: 1,
      description: '排队中，前面还有2个任务',
      result: '18',
      properties: { numberOfQueues: 2 },
    });
    expect(result).toMatchObject({ code: 1, queued: true });
  });

  it('reads code 21 as a result that needs the modal', () => {
    expect(
      parseMjSubmit(200, {
        code: 21,
        description: 'Waiting for window confirm',
        result: '19',
        properties: { finalPrompt: 'a fox', remix: true },
      }),
    ).toEqual({
      status: 'needs_modal',
      taskId: '19',
      code: 21,
      description: 'Waiting for window confirm',
      properties: { finalPrompt: 'a fox', remix: true },
    });
  });

  it.each([
    [23, '队列已满，请稍后尝试', 'midjourney', true],
    [9, '提交失败，队列已满，请稍后重试', 'midjourney', true],
    [9, '系统异常', 'midjourney', false],
    [4, 'prompt不能为空', 'midjourney', false],
    [3, '关联任务不存在或已失效', 'not_found', false],
  ])('throws for code %i (%s) with kind %s', (code, description, kind, retryable) => {
    const error = thrown(() =>
      parseMjSubmit(200, { code, description, result: null, properties: {} }),
    );
    expect(error).toMatchObject({ code, description, kind, retryable });
  });

  it('puts the banned word of code 24 in the message and keeps the properties', () => {
    const error = thrown(() =>
      parseMjSubmit(200, {
        code: 24,
        description: '可能包含敏感词',
        properties: { promptEn: 'x', bannedWord: 'gore' },
      }),
    );
    expect(error.message).toBe('可能包含敏感词 (gore)');
    expect(error.properties).toEqual({ promptEn: 'x', bannedWord: 'gore' });
  });

  it("reads the gateway's own {description,type,code} shape", () => {
    const error = mjSubmitError(429, {
      description: '当前分组负载已饱和，请稍后再试 (request id: r9)',
      type: 'upstream_error',
      code: 30,
    });
    expect(error).toMatchObject({
      code: 30,
      kind: 'rate_limit',
      retryable: true,
      description: '当前分组负载已饱和，请稍后再试',
      requestId: 'r9',
      status: 429,
    });
    expect(
      mjSubmitError(400, { description: 'unknown_action:MJ::x', type: 'upstream_error', code: 4 }),
    ).toMatchObject({ code: 4 });
  });

  it('reads an OpenAI-style {error} answer', () => {
    const error = mjSubmitError(401, {
      error: {
        message: '无效的令牌 (request id: r1)',
        type: 'new_api_error',
        code: 'invalid_api_key',
      },
    });
    expect(error).toMatchObject({
      code: 'invalid_api_key',
      kind: 'auth',
      description: '无效的令牌',
      requestId: 'r1',
    });
    expect(MidjourneyUnavailableError.isInstance(error)).toBe(false);
  });

  it('treats a 404 or an HTML page as a gateway without MidJourney', () => {
    expect(
      MidjourneyUnavailableError.isInstance(
        mjSubmitError(404, { error: { message: 'Invalid URL (POST /mj/submit/imagine)' } }),
      ),
    ).toBe(true);
    expect(MidjourneyUnavailableError.isInstance(mjSubmitError(404, 'Not Found'))).toBe(true);
    const html = thrown(() => parseMjSubmit(200, '<!doctype html><html><body>app</body></html>'));
    expect(html).toBeInstanceOf(MidjourneyUnavailableError);
    expect(html.kind).toBe('no_midjourney');
  });

  it('keeps a proxy 404 that carries a submit code as a normal error', () => {
    const error = mjSubmitError(404, {
      code: 3,
      description: '关联任务不存在或已失效',
      result: null,
    });
    expect(MidjourneyUnavailableError.isInstance(error)).toBe(false);
    expect(error).toMatchObject({ code: 3, kind: 'not_found' });
  });
});
