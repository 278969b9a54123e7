import { describe, expect, it, vi } from 'vitest';
import { createGateway } from './index.js';

const URL_CHAT = 'http://mock.test/v1/chat/completions';

function chat(
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Tell me something long enough to break' }],
      ...extra,
    }),
  };
}

describe('fault injection', () => {
  it('answers 429 with retry-after, retry-after-ms and a gateway error body', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const response = await gateway.fetch(URL_CHAT, chat({}, { 'x-mock-fault': '429' }));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.headers.get('retry-after-ms')).toBe('1000');
    const { error } = await response.json();
    expect(error).toMatchObject({
      type: 'rate_limit_error',
      code: 'rate_limit_exceeded',
      param: null,
    });
    expect(error.message).toMatch(/ \(request id: \w+\)$/);
  });

  it('answers 500 and 503 as upstream errors', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    for (const status of [500, 503]) {
      const response = await gateway.fetch(URL_CHAT, chat({}, { 'x-mock-fault': String(status) }));
      expect(response.status).toBe(status);
      expect((await response.json()).error).toMatchObject({
        type: 'upstream_error',
        code: 'bad_response_status_code',
      });
    }
  });

  it('answers the quota, no-channel and auth faults as new-api refuses', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const refusal = async (fault: string) => {
      const response = await gateway.fetch(URL_CHAT, chat({}, { 'x-mock-fault': fault }));
      const { error } = await response.json();
      return { status: response.status, code: error.code, message: error.message };
    };
    expect(await refusal('quota')).toMatchObject({
      status: 403,
      code: 'insufficient_user_quota',
      message: expect.stringMatching(/^用户额度不足/),
    });
    expect(await refusal('no-channel')).toMatchObject({
      status: 503,
      message: expect.stringMatching(/^当前分组 default 下对于模型 gpt-4o 无可用渠道 \(request id/),
    });
    expect(await refusal('auth')).toMatchObject({ status: 401, code: '' });
  });

  it('takes the fault from a mock-fault-<name> model id', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const response = await gateway.fetch(URL_CHAT, chat({ model: 'mock-fault-503' }));
    expect(response.status).toBe(503);
  });

  it('fails only the first n requests of a counted fault, per path', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const headers = { 'x-mock-fault': '429:2' };
    expect((await gateway.fetch(URL_CHAT, chat({}, headers))).status).toBe(429);
    expect((await gateway.fetch(URL_CHAT, chat({}, headers))).status).toBe(429);
    expect((await gateway.fetch(URL_CHAT, chat({}, headers))).status).toBe(200);
    const completions = await gateway.fetch('http://mock.test/v1/completions', {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: 'gpt-3.5-turbo-instruct', prompt: 'x' }),
    });
    expect(completions.status).toBe(429);
    expect(gateway.requests.map((entry) => entry.status)).toEqual([429, 429, 200, 429]);
    expect(gateway.requests[0]?.fault).toBe('429');
    expect(gateway.requests[2]?.fault).toBeUndefined();
  });

  it('counts a counted fault given as a model id too', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    expect((await gateway.fetch(URL_CHAT, chat({ model: 'mock-fault-500:1' }))).status).toBe(500);
    expect((await gateway.fetch(URL_CHAT, chat({ model: 'mock-fault-500:1' }))).status).toBe(200);
  });

  it('rejects an unknown fault name with 400', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const response = await gateway.fetch(URL_CHAT, chat({}, { 'x-mock-fault': 'explode' }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.param).toBe('x-mock-fault');
  });

  it('drops the connection mid-stream after some chunks (drop)', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const response = await gateway.fetch(
      URL_CHAT,
      chat({ stream: true }, { 'x-mock-fault': 'drop' }),
    );
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let received = '';
    const failure = await (async () => {
      for (;;) {
        try {
          const { done, value } = await reader.read();
          if (done) return undefined;
          received += decoder.decode(value);
        } catch (error) {
          return error;
        }
      }
    })();
    expect(failure).toBeInstanceOf(TypeError);
    expect(received).toContain('"content":"You"');
    expect(received).not.toContain('[DONE]');
  });

  it('cuts a non-streamed body halfway under drop', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const response = await gateway.fetch(URL_CHAT, chat({}, { 'x-mock-fault': 'drop' }));
    await expect(response.json()).rejects.toBeInstanceOf(TypeError);
  });

  it('sends a non-JSON data line mid-stream and then carries on (malformed)', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const text = await (
      await gateway.fetch(URL_CHAT, chat({ stream: true }, { 'x-mock-fault': 'malformed' }))
    ).text();
    const data = text
      .split('\n\n')
      .filter((event) => event.startsWith('data: ') && event !== 'data: [DONE]')
      .map((event) => event.slice(6));
    const broken = data.filter((payload) => {
      try {
        JSON.parse(payload);
        return false;
      } catch {
        return true;
      }
    });
    expect(broken).toHaveLength(1);
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('sends data: {"error":...} after some text, then [DONE] without a finish_reason (error-event)', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const text = await (
      await gateway.fetch(URL_CHAT, chat({ stream: true }, { 'x-mock-fault': 'error-event' }))
    ).text();
    const events = text.split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const errorEvent = events.at(-2) as string;
    const parsed = JSON.parse(errorEvent.slice(6));
    expect(parsed.error.message).toMatch(/\(request id: \w+\)$/);
    expect(text).toContain('"content":"You"');
    expect(text).not.toContain('"finish_reason":"stop"');
  });

  it('answers 200 with an error body for a non-streamed request under error-event', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const response = await gateway.fetch(URL_CHAT, chat({}, { 'x-mock-fault': 'error-event' }));
    expect(response.status).toBe(200);
    expect((await response.json()).error.type).toBe('upstream_error');
  });

  it('never answers under timeout until the request is aborted', async () => {
    vi.useFakeTimers();
    try {
      const gateway = createGateway({ tokenDelayMs: 0 });
      const controller = new AbortController();
      const pending = gateway.fetch(URL_CHAT, {
        ...chat({}, { 'x-mock-fault': 'timeout' }),
        signal: controller.signal,
      });
      let settled = false;
      pending.then(
        () => {
          settled = true;
        },
        () => {
          settled = true;
        },
      );
      await vi.advanceTimersByTimeAsync(600_000);
      expect(settled).toBe(false);
      controller.abort();
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('uses slowTokenDelayMs between tokens under slow', async () => {
    vi.useFakeTimers();
    try {
      const gateway = createGateway({ tokenDelayMs: 0, slowTokenDelayMs: 10_000 });
      const response = await gateway.fetch(
        URL_CHAT,
        chat({ stream: true }, { 'x-mock-fault': 'slow' }),
      );
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      await reader.read();
      await reader.read();
      let arrived = false;
      const next = reader.read().then(() => {
        arrived = true;
      });
      await vi.advanceTimersByTimeAsync(9_999);
      expect(arrived).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await next;
      expect(arrived).toBe(true);
      await reader.cancel();
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers file URLs that 404 under image-404', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const body = await (
      await gateway.fetch(
        URL_CHAT,
        chat(
          { model: 'gpt-4o-image', messages: [{ role: 'user', content: 'a cat' }] },
          { 'x-mock-fault': 'image-404' },
        ),
      )
    ).json();
    const url = /!\[[^\]]*\]\(([^)]+)\)/.exec(body.choices[0].message.content)?.[1] as string;
    expect((await gateway.fetch(url)).status).toBe(404);
  });
});

describe('gateway basics', () => {
  it('rejects requests without the right bearer key with 401 when created with apiKey', async () => {
    const gateway = createGateway({ tokenDelayMs: 0, apiKey: 'sk-test' });
    const missing = await gateway.fetch('http://mock.test/v1/models');
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.code).toBe('invalid_api_key');
    const wrong = await gateway.fetch('http://mock.test/v1/models', {
      headers: { authorization: 'Bearer sk-nope' },
    });
    expect(wrong.status).toBe(401);
    const right = await gateway.fetch('http://mock.test/v1/models', {
      headers: { authorization: 'Bearer sk-test' },
    });
    expect(right.status).toBe(200);
  });

  it('answers unknown paths with 404 Invalid URL', async () => {
    const gateway = createGateway();
    const response = await gateway.fetch('http://mock.test/v1/nothing', {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toMatch(
      /^Invalid URL \(POST \/v1\/nothing\) \(request id: \w+\)$/,
    );
  });

  it('answers CORS preflights and adds CORS headers to answers', async () => {
    const gateway = createGateway();
    const preflight = await gateway.fetch('http://mock.test/v1/chat/completions', {
      method: 'OPTIONS',
      headers: { 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'authorization,content-type',
    );
    const privateNetwork = await gateway.fetch('http://mock.test/v1/models', {
      method: 'OPTIONS',
      headers: { 'access-control-request-private-network': 'true' },
    });
    expect(privateNetwork.headers.get('access-control-allow-private-network')).toBe('true');
    const models = await gateway.fetch('http://mock.test/v1/models');
    expect(models.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('lists models of every capability with supported_endpoint_types', async () => {
    const gateway = createGateway();
    const body = await (await gateway.fetch('http://mock.test/v1/models')).json();
    expect(body.object).toBe('list');
    const ids: string[] = body.data.map((model: { id: string }) => model.id);
    for (const id of [
      'gpt-4o',
      'deepseek-reasoner',
      'dall-e-3',
      'gpt-image-1',
      'tts-1',
      'whisper-1',
      'text-embedding-3-small',
      'mj_imagine',
    ]) {
      expect(ids).toContain(id);
    }
    expect(body.data[0]).toMatchObject({
      object: 'model',
      owned_by: expect.any(String),
      supported_endpoint_types: expect.any(Array),
    });
    const one = await gateway.fetch('http://mock.test/v1/models/gpt-4o');
    expect((await one.json()).id).toBe('gpt-4o');
    expect((await gateway.fetch('http://mock.test/v1/models/nope')).status).toBe(404);
  });

  it('works as a detached fetch function, as clients take it', async () => {
    const { fetch } = createGateway();
    expect((await fetch('http://mock.test/v1/models')).status).toBe(200);
  });

  it('waits latencyMs before answering', async () => {
    vi.useFakeTimers();
    try {
      const gateway = createGateway({ latencyMs: 500 });
      let answered = false;
      const pending = gateway.fetch('http://mock.test/v1/models').then((response) => {
        answered = true;
        return response;
      });
      await vi.advanceTimersByTimeAsync(499);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('forgets requests and counted faults on reset', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    await gateway.fetch(URL_CHAT, chat({}, { 'x-mock-fault': '429:1' }));
    gateway.reset();
    expect(gateway.requests).toHaveLength(0);
    expect((await gateway.fetch(URL_CHAT, chat({}, { 'x-mock-fault': '429:1' }))).status).toBe(429);
  });
});
