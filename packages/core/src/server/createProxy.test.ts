import { describe, expect, it } from 'vitest';
import { createProxy } from './createProxy.js';

type Call = { url: string; init: RequestInit & { duplex?: string } };

/** A fake upstream fetch that records each call and answers with `respond`. */
function recorder(respond: () => Response = () => Response.json({ ok: true })) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    return respond();
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

function headersOf(call: Call | undefined): Headers {
  return new Headers(call?.init.headers);
}

describe('createProxy', () => {
  it('forwards a /v1/ request to the gateway with the method, query and body', async () => {
    const upstream = recorder();
    const proxy = createProxy({ baseURL: 'https://gw.test', apiKey: 'sk-server', ...upstream });
    const response = await proxy(
      new Request('http://app.test/v1/chat/completions?x=1', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"model":"gpt-4o-mini"}',
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(upstream.calls).toHaveLength(1);
    const call = upstream.calls[0]!;
    expect(call.url).toBe('https://gw.test/v1/chat/completions?x=1');
    expect(call.init.method).toBe('POST');
    expect(await new Response(call.init.body).text()).toBe('{"model":"gpt-4o-mini"}');
    expect(call.init.duplex).toBe('half');
    expect(headersOf(call).get('content-type')).toBe('application/json');
  });

  it('adds the server key and drops caller credentials, hop-by-hop headers and encodings', async () => {
    const upstream = recorder();
    const proxy = createProxy({ baseURL: 'https://gw.test', apiKey: 'sk-server', ...upstream });
    await proxy(
      new Request('http://app.test/v1/models', {
        headers: {
          authorization: 'Bearer sk-caller',
          cookie: 'session=1',
          'mj-api-secret': 'caller-secret',
          connection: 'keep-alive, x-hop',
          'keep-alive': 'timeout=5',
          'x-hop': '1',
          te: 'trailers',
          trailer: 'x-sum',
          upgrade: 'websocket',
          'proxy-authorization': 'Basic abc',
          'accept-encoding': 'zstd',
          'x-request-tag': 'kept',
          accept: 'application/json',
        },
      }),
    );
    const sent = headersOf(upstream.calls[0]);
    expect(sent.get('authorization')).toBe('Bearer sk-server');
    expect(sent.get('x-request-tag')).toBe('kept');
    expect(sent.get('accept')).toBe('application/json');
    for (const name of [
      'cookie',
      'mj-api-secret',
      'connection',
      'keep-alive',
      'x-hop',
      'te',
      'trailer',
      'upgrade',
      'proxy-authorization',
      'accept-encoding',
      'host',
      'content-length',
    ]) {
      expect(sent.has(name), name).toBe(false);
    }
  });

  it('adds the configured headers, but never lets them replace the key', async () => {
    const upstream = recorder();
    const proxy = createProxy({
      baseURL: 'https://gw.test',
      apiKey: 'sk-server',
      headers: { 'x-tenant': 'acme', authorization: 'Bearer other' },
      ...upstream,
    });
    await proxy(new Request('http://app.test/v1/models', { headers: { 'x-tenant': 'caller' } }));
    const sent = headersOf(upstream.calls[0]);
    expect(sent.get('x-tenant')).toBe('acme');
    expect(sent.get('authorization')).toBe('Bearer sk-server');
  });

  it('tolerates a trailing slash or /v1 on the base URL and keeps a base path', async () => {
    for (const baseURL of ['https://gw.test/', 'https://gw.test/v1', 'https://gw.test/v1/']) {
      const upstream = recorder();
      await createProxy({ baseURL, apiKey: 'k', ...upstream })(
        new Request('http://app.test/v1/models'),
      );
      expect(upstream.calls[0]?.url).toBe('https://gw.test/v1/models');
    }
    const upstream = recorder();
    await createProxy({ baseURL: 'https://gw.test/relay', apiKey: 'k', ...upstream })(
      new Request('http://app.test/mj/task/1/fetch'),
    );
    expect(upstream.calls[0]?.url).toBe('https://gw.test/relay/mj/task/1/fetch');
  });

  it('forwards the MidJourney paths and their mode prefixes by default', async () => {
    const upstream = recorder();
    const proxy = createProxy({ baseURL: 'https://gw.test', apiKey: 'k', ...upstream });
    for (const path of [
      '/mj/submit/imagine',
      '/mj-fast/mj/submit/imagine',
      '/mj-relax/mj/task/1/fetch',
      '/mj-turbo/mj/submit/action',
    ]) {
      const response = await proxy(new Request(`http://app.test${path}`, { method: 'POST' }));
      expect(response.status, path).toBe(200);
    }
    expect(upstream.calls.map((call) => new URL(call.url).pathname)).toEqual([
      '/mj/submit/imagine',
      '/mj-fast/mj/submit/imagine',
      '/mj-relax/mj/task/1/fetch',
      '/mj-turbo/mj/submit/action',
    ]);
  });

  it('answers 404 in the OpenAI error shape for paths outside the allow-list', async () => {
    const upstream = recorder();
    const proxy = createProxy({ baseURL: 'https://gw.test', apiKey: 'k', ...upstream });
    for (const path of ['/', '/admin', '/v2/models', '/v1x/models', '/mj-slow/mj/x', '/api/v1/x']) {
      const response = await proxy(new Request(`http://app.test${path}`));
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect((await response.json()).error).toEqual({
        message: `${path} is not forwarded by this proxy`,
        type: 'invalid_request_error',
        param: null,
        code: 'not_found',
      });
    }
    expect(upstream.calls).toHaveLength(0);
  });

  it('refuses paths that leave the allow-list through dot segments or encoded separators', async () => {
    const upstream = recorder();
    const proxy = createProxy({ baseURL: 'https://gw.test', apiKey: 'k', ...upstream });
    for (const path of ['/v1/../admin', '/v1/%2e%2e/admin', '/v1/..%2Fadmin', '/v1/x%5c..%5cy']) {
      expect((await proxy(new Request(`http://app.test${path}`))).status, path).toBe(404);
    }
    expect(upstream.calls).toHaveLength(0);
  });

  it('forwards exactly the allow-list when one is given', async () => {
    const upstream = recorder();
    const proxy = createProxy({
      baseURL: 'https://gw.test',
      apiKey: 'k',
      allow: ['/v1/chat/', '/v1/models'],
      ...upstream,
    });
    const status = async (path: string) =>
      (await proxy(new Request(`http://app.test${path}`))).status;
    expect(await status('/v1/chat/completions')).toBe(200);
    expect(await status('/v1/models')).toBe(200);
    expect(await status('/v1/models/gpt-4o')).toBe(200);
    expect(await status('/v1/modelsx')).toBe(404);
    expect(await status('/v1/embeddings')).toBe(404);
    expect(await status('/mj/submit/imagine')).toBe(404);
  });

  it('strips the mount path before matching and forwarding', async () => {
    const upstream = recorder();
    const proxy = createProxy({
      baseURL: 'https://gw.test',
      apiKey: 'k',
      basePath: '/api/aitre/',
      ...upstream,
    });
    expect((await proxy(new Request('http://app.test/api/aitre/v1/models?a=b'))).status).toBe(200);
    expect(upstream.calls[0]?.url).toBe('https://gw.test/v1/models?a=b');
    expect((await proxy(new Request('http://app.test/v1/models'))).status).toBe(404);
    expect((await proxy(new Request('http://app.test/api/aitrex/v1/models'))).status).toBe(404);
    expect(upstream.calls).toHaveLength(1);
  });

  it('marks event streams as not to be buffered or transformed', async () => {
    const upstream = recorder(
      () =>
        new Response('data: {}\n\n', {
          headers: { 'content-type': 'text/event-stream; charset=utf-8' },
        }),
    );
    const proxy = createProxy({ baseURL: 'https://gw.test', apiKey: 'k', ...upstream });
    const response = await proxy(new Request('http://app.test/v1/chat/completions'));
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(await response.text()).toBe('data: {}\n\n');
  });

  it('leaves other responses cacheable as the gateway says', async () => {
    const upstream = recorder(() =>
      Response.json([], { headers: { 'cache-control': 'max-age=60' } }),
    );
    const proxy = createProxy({ baseURL: 'https://gw.test', apiKey: 'k', ...upstream });
    const response = await proxy(new Request('http://app.test/v1/models'));
    expect(response.headers.get('cache-control')).toBe('max-age=60');
    expect(response.headers.has('x-accel-buffering')).toBe(false);
  });

  it('passes status, headers (minus encodings fetch undid) and, with no idle limit, the body itself', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"error":{}}'));
        controller.close();
      },
    });
    const upstream = recorder(
      () =>
        new Response(body, {
          status: 429,
          statusText: 'Too Many Requests',
          headers: {
            'retry-after-ms': '1500',
            'content-encoding': 'gzip',
            'content-length': '999',
            'content-type': 'application/json',
          },
        }),
    );
    const proxy = createProxy({
      baseURL: 'https://gw.test',
      apiKey: 'k',
      idleTimeoutMs: 0,
      ...upstream,
    });
    const response = await proxy(new Request('http://app.test/v1/chat/completions'));
    expect(response.status).toBe(429);
    expect(response.statusText).toBe('Too Many Requests');
    expect(response.headers.get('retry-after-ms')).toBe('1500');
    expect(response.headers.has('content-encoding')).toBe(false);
    expect(response.headers.has('content-length')).toBe(false);
    expect(response.body).toBe(body);
  });

  it('hands the request body to fetch as a stream, without reading it', async () => {
    const upstream = recorder();
    const proxy = createProxy({ baseURL: 'https://gw.test', apiKey: 'k', ...upstream });
    const request = new Request('http://app.test/v1/audio/transcriptions', {
      method: 'POST',
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array([1, 2, 3]));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    await proxy(request);
    const sent = upstream.calls[0]!.init;
    expect(sent.body).toBeInstanceOf(ReadableStream);
    expect(sent.duplex).toBe('half');
    expect(new Uint8Array(await new Response(sent.body).arrayBuffer())).toEqual(
      new Uint8Array([1, 2, 3]),
    );
  });

  it('sends no body for GET and HEAD', async () => {
    const upstream = recorder();
    const proxy = createProxy({ baseURL: 'https://gw.test', apiKey: 'k', ...upstream });
    await proxy(new Request('http://app.test/v1/models'));
    await proxy(new Request('http://app.test/v1/models', { method: 'HEAD' }));
    expect(upstream.calls.map((call) => call.init.body)).toEqual([undefined, undefined]);
  });

  it('aborts the upstream request when the incoming request is aborted', async () => {
    const upstream = recorder();
    const proxy = createProxy({ baseURL: 'https://gw.test', apiKey: 'k', ...upstream });
    const controller = new AbortController();
    await proxy(new Request('http://app.test/v1/models', { signal: controller.signal }));
    const signal = upstream.calls[0]!.init.signal!;
    expect(signal.aborted).toBe(false);
    controller.abort();
    expect(signal.aborted).toBe(true);
  });

  it('answers 502 in the OpenAI error shape when the gateway cannot be reached', async () => {
    const proxy = createProxy({
      baseURL: 'https://gw.test',
      apiKey: 'k',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const response = await proxy(new Request('http://app.test/v1/models'));
    expect(response.status).toBe(502);
    expect((await response.json()).error).toEqual({
      message: 'the gateway could not be reached',
      type: 'upstream_error',
      param: null,
      code: 'bad_gateway',
    });
  });

  it('answers 499 instead of 502 when the caller aborted', async () => {
    const controller = new AbortController();
    const proxy = createProxy({
      baseURL: 'https://gw.test',
      apiKey: 'k',
      fetch: async () => {
        controller.abort();
        throw new DOMException('aborted', 'AbortError');
      },
    });
    const response = await proxy(
      new Request('http://app.test/v1/models', { signal: controller.signal }),
    );
    expect(response.status).toBe(499);
    expect((await response.json()).error.code).toBe('client_closed_request');
  });
});
