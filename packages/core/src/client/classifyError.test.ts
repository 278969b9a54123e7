import { describe, expect, it } from 'vitest';
import { classifyError } from './classifyError.js';

describe('classifyError', () => {
  it.each([
    [
      { status: 429, code: 'rate_limit_exceeded', message: 'Rate limit reached' },
      'rate_limit',
      true,
    ],
    [
      {
        status: 429,
        message: '当前分组上游负载已饱和，请稍后再试',
        code: 'insufficient_user_quota',
      },
      'quota',
      false,
    ],
    [
      { status: 429, type: 'insufficient_quota', message: 'You exceeded your current quota' },
      'quota',
      false,
    ],
    [{ status: 429, message: 'Rate limit reached for API key xyz' }, 'rate_limit', true],
    [
      { status: 429, code: 'rate_limit_exceeded', message: 'Rate limit reached for api_key sk-1' },
      'rate_limit',
      true,
    ],
    [{ status: 429, message: '您已达到请求数限制：1分钟内最多请求60次' }, 'rate_limit', true],
    [{ status: 429, code: 'invalid_api_key', message: 'Rate limit' }, 'auth', false],
    [{ status: 429, code: 'access_denied', message: 'x' }, 'auth', false],
    [{ status: 429, message: '该令牌状态不可用' }, 'auth', false],
    [{ status: 429, message: 'Rate limit reached: invalid model' }, 'invalid_request', false],
    [{ status: 429, code: 'insufficient_quota', message: 'API key has no quota' }, 'quota', false],
    [{ status: 401, message: 'Rate limit reached for API key xyz' }, 'auth', false],
    [{ message: 'Incorrect API key provided' }, 'auth', false],
    [{ status: 403, message: '用户额度不足, 剩余额度: $0.01' }, 'quota', false],
    [{ status: 403, code: 'pre_consume_token_quota_failed', message: 'x' }, 'quota', false],
    [{ status: 401, message: '该令牌额度已用尽' }, 'quota', false],
    [{ status: 401, message: '无效的令牌' }, 'auth', false],
    [
      { status: 401, code: 'invalid_api_key', message: 'Incorrect API key provided' },
      'auth',
      false,
    ],
    [
      { status: 403, code: 'access_denied', message: '您的 IP 不在令牌允许访问的列表中' },
      'auth',
      false,
    ],
    [{ status: 503, message: '当前分组 default 下对于模型 gpt-x 无可用渠道' }, 'no_channel', false],
    [{ status: 503, code: 'model_not_found', message: 'no channel' }, 'no_channel', false],
    [{ status: 503, code: 'get_channel_failed', message: 'x' }, 'no_channel', false],
    [
      { status: 404, code: 'model_not_found', message: 'The model does not exist' },
      'not_found',
      false,
    ],
    [{ status: 404, message: 'Invalid URL (POST /v1/xxx)' }, 'not_found', false],
    [
      { status: 500, code: 'invalid_request', message: 'model is required' },
      'invalid_request',
      false,
    ],
    [{ status: 500, code: 'sensitive_words_detected', message: 'x' }, 'invalid_request', false],
    [
      { status: 400, code: 'text_too_long', message: 'input is too long' },
      'invalid_request',
      false,
    ],
    [{ status: 400, message: 'bad request' }, 'invalid_request', false],
    [
      { status: 413, code: 'read_request_body_failed', message: 'too large' },
      'invalid_request',
      false,
    ],
    [
      { status: 500, code: 'bad_response_status_code', message: 'bad response status code 500' },
      'upstream',
      true,
    ],
    [{ status: 502, message: 'Bad gateway' }, 'upstream', true],
    [{ status: 503, message: 'overloaded' }, 'upstream', true],
    [{ status: 408, message: 'timeout' }, 'upstream', true],
    [{ status: 409, message: 'conflict' }, 'upstream', true],
    [{ message: 'The upstream model stopped responding' }, 'upstream', true],
    [{ status: 500, message: 'invalid parameter foo' }, 'invalid_request', false],
  ])('classifies %j as %s (retryable %s)', (facts, kind, retryable) => {
    expect(classifyError(facts)).toEqual({ kind, retryable });
  });
});
