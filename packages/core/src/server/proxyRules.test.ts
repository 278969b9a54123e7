import { describe, expect, it } from 'vitest';
import { createProxy } from './createProxy.js';
import {
  connectionListed,
  forwardsRequestHeader,
  forwardsResponseHeader,
  proxyError,
  resolveProxyRules,
  rulesOf,
  streamHeaders,
} from './proxyRules.js';

const target = (path: string, options: { basePath?: string; allow?: string[] } = {}) =>
  resolveProxyRules({ baseURL: 'https://gw.example', apiKey: 'sk-test', ...options }).target(
    // Built the way nodeAdapter builds it from the request line: origin + raw path.
    new URL(`http://127.0.0.1:3000${path}`),
  );

describe('resolveProxyRules', () => {
  it('forwards the gateway API with its query and refuses every other path', () => {
    expect(target('/v1/chat/completions?x=1')).toBe('/v1/chat/completions?x=1');
    expect(target('/mj/submit/imagine')).toBe('/mj/submit/imagine');
    expect(target('/mj-fast/mj/task/1/fetch')).toBe('/mj-fast/mj/task/1/fetch');
    expect(target('/v1')).toBe('/v1');
    expect(target('/admin')).toBeUndefined();
    expect(target('/v10/models')).toBeUndefined();
    expect(target('/')).toBeUndefined();
  });

  it('refuses encoded slashes, backslashes and dots, and resolves dot segments first', () => {
    expect(target('/v1/..%2fadmin')).toBeUndefined();
    expect(target('/v1/%2E%2E/admin')).toBeUndefined();
    expect(target('/v1/%5cadmin')).toBeUndefined();
    // The URL parser removes `..` before the allow-list sees the path.
    expect(target('/v1/../admin')).toBeUndefined();
    expect(target('//evil.example/v1/models')).toBeUndefined();
  });

  it('strips the mount path, and answers nothing outside it', () => {
    expect(target('/api/aitre/v1/models', { basePath: '/api/aitre/' })).toBe('/v1/models');
    expect(target('/v1/models', { basePath: '/api/aitre' })).toBeUndefined();
    expect(target('/api/aitrex/v1/models', { basePath: '/api/aitre' })).toBeUndefined();
  });

  it('takes allow-list prefixes with or without their trailing slash', () => {
    expect(target('/v1/embeddings', { allow: ['/v1/embeddings'] })).toBe('/v1/embeddings');
    expect(target('/v1/embeddingsX', { allow: ['/v1/embeddings'] })).toBeUndefined();
    expect(target('/v1/chat/completions', { allow: ['/v1/embeddings'] })).toBeUndefined();
  });

  it('sets configured headers in lower case, and the key last so a header cannot replace it', () => {
    const rules = resolveProxyRules({
      baseURL: 'https://gw.example/v1/',
      apiKey: 'sk-real',
      headers: { 'X-Team': 'a', Authorization: 'Bearer sk-other' },
    });
    expect(rules.base).toBe('https://gw.example');
    expect(rules.setHeaders).toEqual([
      ['x-team', 'a'],
      ['authorization', 'Bearer sk-other'],
      ['authorization', 'Bearer sk-real'],
    ]);
  });
});

describe('header rules', () => {
  it("never forwards the caller's credentials, hop-by-hop headers or proxy-* headers", () => {
    const none = connectionListed(undefined);
    for (const name of [
      'authorization',
      'cookie',
      'mj-api-secret',
      'host',
      'expect',
      'connection',
      'keep-alive',
      'transfer-encoding',
      'upgrade',
      'te',
      'trailer',
      'proxy-authorization',
    ]) {
      expect(forwardsRequestHeader(name, none), name).toBe(false);
    }
    for (const name of ['content-type', 'accept', 'user-agent', 'x-request-id']) {
      expect(forwardsRequestHeader(name, none), name).toBe(true);
    }
  });

  it('drops the headers a Connection header names', () => {
    const listed = connectionListed('keep-alive, X-Hop ,Upgrade');
    expect([...listed]).toEqual(['keep-alive', 'x-hop', 'upgrade']);
    expect(forwardsRequestHeader('x-hop', listed)).toBe(false);
    expect(forwardsRequestHeader('x-other', listed)).toBe(true);
  });

  it('passes response headers back except hop-by-hop ones', () => {
    expect(forwardsResponseHeader('set-cookie')).toBe(true);
    expect(forwardsResponseHeader('content-type')).toBe(true);
    expect(forwardsResponseHeader('transfer-encoding')).toBe(false);
    expect(forwardsResponseHeader('connection')).toBe(false);
  });

  it('asks reverse proxies not to buffer event streams, and only those', () => {
    expect(streamHeaders('text/event-stream; charset=utf-8')).toEqual([
      ['cache-control', 'no-cache, no-transform'],
      ['x-accel-buffering', 'no'],
    ]);
    expect(streamHeaders('application/json')).toEqual([]);
    expect(streamHeaders(null)).toEqual([]);
  });
});

describe('proxyError', () => {
  it('answers in the OpenAI error shape with the status of each failure', () => {
    const cases = [
      ['not_found', 404, 'not_found', 'invalid_request_error'],
      ['client_closed', 499, 'client_closed_request', 'invalid_request_error'],
      ['bad_gateway', 502, 'bad_gateway', 'upstream_error'],
      ['upstream_timeout', 504, 'upstream_timeout', 'upstream_error'],
      ['invalid_image_url', 400, 'invalid_image_url', 'invalid_request_error'],
      ['image_origin_not_allowed', 403, 'image_origin_not_allowed', 'invalid_request_error'],
      ['image_not_found', 404, 'image_not_found', 'invalid_request_error'],
      ['image_unavailable', 502, 'bad_gateway', 'upstream_error'],
      ['too_many_redirects', 502, 'too_many_redirects', 'upstream_error'],
      ['not_an_image', 502, 'not_an_image', 'upstream_error'],
    ] as const;
    for (const [failure, status, code, type] of cases) {
      const answer = proxyError(failure, '/admin');
      expect(answer.status).toBe(status);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code, type, param: null } });
    }
    expect(JSON.parse(proxyError('not_found', '/admin').body).error.message).toContain('/admin');
  });

  it('names the wait in a timeout answer', () => {
    const message = (ms?: number) =>
      JSON.parse(proxyError('upstream_timeout', '/v1/models', ms).body).error.message;
    expect(message()).toBe('the gateway did not answer within 300 s');
    expect(message(50)).toBe('the gateway did not answer within 50 ms');
    expect(message(1500)).toBe('the gateway did not answer within 1500 ms');
  });
});

describe('timeout options', () => {
  const resolve = (options: { timeoutMs?: number; idleTimeoutMs?: number }) =>
    resolveProxyRules({ baseURL: 'https://gw.example', apiKey: 'k', ...options });

  it('default to 300 s each, as undici and the gateways’ STREAMING_TIMEOUT do', () => {
    expect(resolve({})).toMatchObject({ timeoutMs: 300_000, idleTimeoutMs: 300_000 });
  });

  it('take 0 and Infinity as no limit', () => {
    expect(resolve({ timeoutMs: 0, idleTimeoutMs: Number.POSITIVE_INFINITY })).toMatchObject({
      timeoutMs: undefined,
      idleTimeoutMs: undefined,
    });
    expect(resolve({ timeoutMs: 50, idleTimeoutMs: 0 })).toMatchObject({
      timeoutMs: 50,
      idleTimeoutMs: undefined,
    });
  });

  it('refuse negative and NaN values when the proxy is created', () => {
    expect(() =>
      createProxy({ baseURL: 'https://gw.example', apiKey: 'k', timeoutMs: -1 }),
    ).toThrow(RangeError);
    expect(() =>
      createProxy({ baseURL: 'https://gw.example', apiKey: 'k', idleTimeoutMs: Number.NaN }),
    ).toThrow(/idleTimeoutMs/);
  });
});

describe('rulesOf', () => {
  it('finds the rules of a createProxy handler and nothing on another handler', () => {
    const proxy = createProxy({ baseURL: 'https://gw.example', apiKey: 'sk-test' });
    expect(rulesOf(proxy)?.base).toBe('https://gw.example');
    expect(rulesOf(async () => new Response(null))).toBeUndefined();
    // The rules hold the key: they must not show up when the handler is inspected or copied.
    expect(Object.keys(proxy)).toEqual([]);
    expect(JSON.stringify({ ...proxy })).toBe('{}');
  });
});
