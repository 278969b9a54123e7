import { type IncomingHttpHeaders, request, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { createGateway, type MockGateway } from '@aitre/mock-gateway';
import { serve } from '@aitre/mock-gateway/node';
import { describe, expect, it, vi } from 'vitest';
import { readSSE } from '../sse/readSSE.js';
import { deferred, listen, onCleanup, openEventStream } from '../test-utils/loopback.js';
import { createProxy, type ProxyOptions } from './createProxy.js';
import { nodeAdapter } from './nodeAdapter.js';

/** The mock gateway on node:http, recording the headers each request arrived with. */
async function gatewayServer() {
  const gateway = createGateway({ apiKey: 'sk-test', tokenDelayMs: 0 });
  const seen: Headers[] = [];
  const recording: MockGateway = {
    fetch: (input, init) => {
      seen.push(new Headers(input instanceof Request ? input.headers : init?.headers));
      return gateway.fetch(input, init);
    },
    get requests() {
      return gateway.requests;
    },
    reset: () => gateway.reset(),
  };
  const served = await serve(recording);
  onCleanup(served.close);
  return { url: served.url, seen, gateway };
}

type Seen = { method?: string; url?: string; headers: IncomingHttpHeaders; body: string };

/** An upstream that records each request (its body read in full) and answers with `respond`. */
async function recordingUpstream(
  respond: (res: ServerResponse) => void = (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  },
) {
  const seen: Seen[] = [];
  const { url } = await listen(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    seen.push({ method: req.method, url: req.url, headers: req.headers, body });
    respond(res);
  });
  return { url, seen };
}

/**
 * A request with exactly these headers and this path (fetch would add headers and normalise
 * the path); the whole answer.
 */
function send(
  base: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, path, method: init.method ?? 'GET', headers: init.headers, agent: false },
      async (res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of res) chunks.push(chunk as Buffer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

// nodeAdapter forwards a createProxy() handler with node:http unless it was given a fetch, so
// each behaviour is checked on both paths.
const PATHS = [
  { path: 'node:http', options: {} },
  { path: 'fetch', options: { fetch: (input, init) => fetch(input, init) } },
] satisfies { path: string; options: Partial<ProxyOptions> }[];

describe.each(PATHS)('nodeAdapter + createProxy ($path path)', ({ path, options }) => {
  /** The proxy on node:http through nodeAdapter. */
  async function proxyServer(proxyOptions: ProxyOptions): Promise<string> {
    const handle = nodeAdapter(createProxy({ ...proxyOptions, ...options }));
    return (await listen((req, res) => void handle(req, res))).url;
  }

  describe('in front of the mock gateway', () => {
    it('adds the server key, and the caller credentials never reach the gateway', async () => {
      const gateway = await gatewayServer();
      const proxy = await proxyServer({ baseURL: gateway.url, apiKey: 'sk-test' });
      const response = await fetch(`${proxy}/v1/models`, {
        headers: { authorization: 'Bearer sk-caller', cookie: 'session=secret' },
      });
      expect(response.status).toBe(200);
      expect((await response.json()).data.length).toBeGreaterThan(0);
      expect(gateway.seen).toHaveLength(1);
      expect(gateway.seen[0]?.get('authorization')).toBe('Bearer sk-test');
      expect(gateway.seen[0]?.has('cookie')).toBe(false);
    });

    it('answers 404 for a path outside the allow-list without asking the gateway', async () => {
      const gateway = await gatewayServer();
      const proxy = await proxyServer({ baseURL: gateway.url, apiKey: 'sk-test' });
      const response = await fetch(`${proxy}/files/secret.txt`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect((await response.json()).error).toEqual({
        message: '/files/secret.txt is not forwarded by this proxy',
        type: 'invalid_request_error',
        param: null,
        code: 'not_found',
      });
      expect(gateway.seen).toHaveLength(0);
    });

    it('streams a chat completion with headers that keep proxies from buffering it', async () => {
      const gateway = await gatewayServer();
      const proxy = await proxyServer({
        baseURL: gateway.url,
        apiKey: 'sk-test',
        basePath: '/api/aitre',
      });
      const response = await fetch(`${proxy}/api/aitre/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'gpt-4o-mini',
          stream: true,
          messages: [{ role: 'user', content: 'Hello' }],
        }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
      expect(response.headers.get('x-accel-buffering')).toBe('no');
      const data: string[] = [];
      for await (const event of readSSE(response.body!)) data.push(event.data);
      expect(data.at(-1)).toBe('[DONE]');
      const content = data
        .slice(0, -1)
        .map((chunk) => JSON.parse(chunk).choices[0]?.delta?.content ?? '')
        .join('');
      expect(content.length).toBeGreaterThan(0);
    });

    it('forwards a multipart upload to the gateway', async () => {
      const gateway = await gatewayServer();
      const proxy = await proxyServer({ baseURL: gateway.url, apiKey: 'sk-test' });
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(48_000)], { type: 'audio/wav' }), 'a.wav');
      form.append('model', 'whisper-1');
      const response = await fetch(`${proxy}/v1/audio/transcriptions`, {
        method: 'POST',
        body: form,
      });
      expect(response.status).toBe(200);
      expect(typeof (await response.json()).text).toBe('string');
      expect(gateway.seen[0]?.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    });
  });

  describe('in front of a scripted upstream', () => {
    it('delivers the first event before the upstream has sent the last one', async () => {
      const release = deferred();
      const upstream = await listen(async (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: first\n\n');
        await release.promise;
        res.end('data: last\n\n');
      });
      const proxy = await proxyServer({ baseURL: upstream.url, apiKey: 'k' });
      const response = await fetch(`${proxy}/v1/chat/completions`, { method: 'POST' });
      const events = readSSE(response.body!);
      // The upstream is still holding `last` back: this only resolves if nothing buffers.
      expect((await events.next()).value?.data).toBe('first');
      release.resolve();
      expect((await events.next()).value?.data).toBe('last');
      expect((await events.next()).done).toBe(true);
    });

    it('streams a request body through before the caller has finished sending it', async () => {
      const firstPartArrived = deferred();
      let received = '';
      const upstream = await listen(async (req, res) => {
        for await (const chunk of req) {
          received += String(chunk);
          if (received.includes('part-1')) firstPartArrived.resolve();
        }
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`got ${received.length} bytes`);
      });
      const proxy = await proxyServer({ baseURL: upstream.url, apiKey: 'k' });
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(encoder.encode('part-1;'));
          // Only continues once the upstream has seen part 1: a buffering proxy never gets here.
          await firstPartArrived.promise;
          controller.enqueue(encoder.encode('part-2'));
          controller.close();
        },
      });
      const response = await fetch(`${proxy}/v1/audio/transcriptions`, {
        method: 'POST',
        body,
        duplex: 'half',
      } as RequestInit);
      expect(await response.text()).toBe('got 13 bytes');
      expect(received).toBe('part-1;part-2');
    });

    it('forwards an upload with a length byte for byte', async () => {
      const upstream = await recordingUpstream();
      const proxy = await proxyServer({ baseURL: upstream.url, apiKey: 'k' });
      const body = 'x'.repeat(300_000);
      const response = await send(proxy, '/v1/files', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'content-length': String(body.length) },
        body,
      });
      expect(response.status).toBe(200);
      expect(upstream.seen[0]?.body).toBe(body);
    });

    it('forwards an upload sent with expect: 100-continue, as curl sends files', async () => {
      const upstream = await recordingUpstream();
      const proxy = await proxyServer({ baseURL: upstream.url, apiKey: 'k' });
      const { hostname, port } = new URL(proxy);
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const req = request({
          hostname,
          port,
          path: '/v1/files',
          method: 'POST',
          headers: { expect: '100-continue', 'content-length': '5' },
          agent: false,
        });
        req.on('continue', () => req.end('hello'));
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode);
        });
        req.on('error', reject);
      });
      expect(status).toBe(200);
      expect(upstream.seen[0]?.body).toBe('hello');
      expect(upstream.seen[0]?.headers.expect).toBeUndefined();
    });

    it('aborts the upstream request when the caller goes away mid-stream', async () => {
      const upstreamClosed = deferred();
      const upstream = await listen((_req, res) => {
        res.on('close', () => upstreamClosed.resolve());
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: first\n\n');
      });
      const proxy = await proxyServer({ baseURL: upstream.url, apiKey: 'k' });
      const { controller, events } = await openEventStream(`${proxy}/v1/chat/completions`);
      expect((await events.next()).value?.data).toBe('first');
      controller.abort();
      await expect(events.next()).rejects.toMatchObject({ name: 'AbortError' });
      // Resolves only if the abort travelled client -> proxy -> upstream.
      await upstreamClosed.promise;
    });

    it('aborts the upstream request when the caller goes away before the answer, status 499', async () => {
      const upstreamReached = deferred();
      const upstreamClosed = deferred();
      const upstream = await listen((_req, res) => {
        // Never answers: the proxy is still waiting for the head when the caller leaves.
        res.on('close', () => upstreamClosed.resolve());
        upstreamReached.resolve();
      });
      const handle = nodeAdapter(createProxy({ baseURL: upstream.url, apiKey: 'k', ...options }));
      const logged = deferred<number>();
      // What a request logger sees once the handler is done.
      const { url: proxy } = await listen((req, res) => {
        void handle(req, res).then(() => logged.resolve(res.statusCode));
      });
      const controller = new AbortController();
      const pending = fetch(`${proxy}/v1/chat/completions`, {
        method: 'POST',
        signal: controller.signal,
      });
      await upstreamReached.promise;
      controller.abort();
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
      await upstreamClosed.promise;
      expect(await logged.promise).toBe(499);
    });

    it('settles the handler once the answer is complete', async () => {
      const upstream = await recordingUpstream();
      const handle = nodeAdapter(createProxy({ baseURL: upstream.url, apiKey: 'k', ...options }));
      const settled = deferred<boolean>();
      const { url: proxy } = await listen((req, res) => {
        void handle(req, res).then(() => settled.resolve(res.writableEnded));
      });
      expect(String((await send(proxy, '/v1/models')).body)).toBe('{"ok":true}');
      expect(await settled.promise).toBe(true);
    });

    it('answers 502 in the OpenAI error shape when the gateway cannot be reached', async () => {
      const gone = await listen(() => {});
      await gone.close();
      const proxy = await proxyServer({ baseURL: gone.url, apiKey: 'k' });
      const response = await fetch(`${proxy}/v1/models`);
      expect(response.status).toBe(502);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect((await response.json()).error).toEqual({
        message: 'the gateway could not be reached',
        type: 'upstream_error',
        param: null,
        code: 'bad_gateway',
      });
    });

    it('answers 502 when an https gateway cannot be reached', async () => {
      const gone = await listen(() => {});
      await gone.close();
      const proxy = await proxyServer({
        baseURL: gone.url.replace('http:', 'https:'),
        apiKey: 'k',
      });
      const response = await send(proxy, '/v1/models');
      expect(response.status).toBe(502);
      expect(JSON.parse(String(response.body)).error.code).toBe('bad_gateway');
    });

    it('cuts the answer when the upstream connection breaks mid-stream', async () => {
      const upstream = await listen((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: first\n\n', () => setTimeout(() => res.destroy(), 20));
      });
      const proxy = await proxyServer({ baseURL: upstream.url, apiKey: 'k' });
      const response = await fetch(`${proxy}/v1/chat/completions`, { method: 'POST' });
      const events = readSSE(response.body!);
      expect((await events.next()).value?.data).toBe('first');
      // An incomplete stream must not look like a finished one.
      await expect(events.next()).rejects.toThrow();
    });

    it('drops caller credentials and hop-by-hop headers, and sets the key last', async () => {
      const upstream = await recordingUpstream();
      const proxy = await proxyServer({
        baseURL: upstream.url,
        apiKey: 'sk-server',
        headers: { 'X-Tenant': 'acme', authorization: 'Bearer other' },
      });
      const response = await send(proxy, '/v1/embeddings?limit=2', {
        method: 'POST',
        body: '{"input":"hi"}',
        headers: {
          'transfer-encoding': 'chunked',
          authorization: 'Bearer sk-caller',
          cookie: 'session=1',
          'mj-api-secret': 'caller-secret',
          connection: 'keep-alive, x-hop',
          'keep-alive': 'timeout=5',
          'x-hop': '1',
          te: 'trailers',
          trailer: 'x-sum',
          'proxy-authorization': 'Basic abc',
          'x-tenant': 'caller',
          'x-request-tag': 'kept',
          accept: 'application/json',
        },
      });
      expect(response.status).toBe(200);
      const seen = upstream.seen[0]!;
      expect(seen.url).toBe('/v1/embeddings?limit=2');
      expect(seen.body).toBe('{"input":"hi"}');
      expect(seen.headers.authorization).toBe('Bearer sk-server');
      expect(seen.headers['x-tenant']).toBe('acme');
      expect(seen.headers['x-request-tag']).toBe('kept');
      expect(seen.headers.accept).toBe('application/json');
      expect(seen.headers.host).toBe(new URL(upstream.url).host);
      for (const name of [
        'cookie',
        'mj-api-secret',
        'x-hop',
        'te',
        'trailer',
        'proxy-authorization',
      ]) {
        expect(seen.headers[name], name).toBeUndefined();
      }
      expect(seen.headers['keep-alive']).toBeUndefined();
    });

    it('answers 500 without asking upstream when a configured header cannot be sent', async () => {
      const upstream = await recordingUpstream();
      const proxy = await proxyServer({
        baseURL: upstream.url,
        apiKey: 'k',
        headers: { 'x-tenant': 'line\nbreak' },
      });
      expect((await send(proxy, '/v1/models')).status).toBe(500);
      expect(upstream.seen).toHaveLength(0);
    });

    it('sends no body for GET and HEAD', async () => {
      const upstream = await recordingUpstream();
      const proxy = await proxyServer({ baseURL: upstream.url, apiKey: 'k' });
      expect((await send(proxy, '/v1/models')).status).toBe(200);
      expect((await send(proxy, '/v1/models', { method: 'HEAD' })).status).toBe(200);
      for (const seen of upstream.seen) {
        expect(seen.body).toBe('');
        expect(seen.headers['content-length']).toBeUndefined();
        expect(seen.headers['transfer-encoding']).toBeUndefined();
      }
      expect(upstream.seen.map((seen) => seen.method)).toEqual(['GET', 'HEAD']);
    });

    it('refuses dot segments, encoded separators and foreign hosts without asking upstream', async () => {
      const upstream = await recordingUpstream();
      const proxy = await proxyServer({ baseURL: upstream.url, apiKey: 'k' });
      for (const raw of [
        '/v1/../admin',
        '/v1/%2e%2e/admin',
        '/v1/..%2Fadmin',
        '/v1/x%5c..%5cy',
        '/v1/%2E%2E/%2E%2E/etc',
        '//evil.test/v1/models',
      ]) {
        const response = await send(proxy, raw);
        expect(response.status, raw).toBe(404);
        expect(JSON.parse(String(response.body)).error.code, raw).toBe('not_found');
      }
      expect(upstream.seen).toHaveLength(0);
    });

    it('strips the mount path of an Express sub-app and keeps the base URL path', async () => {
      const upstream = await recordingUpstream();
      const handle = nodeAdapter(
        createProxy({
          baseURL: `${upstream.url}/relay/v1`,
          apiKey: 'k',
          basePath: '/api/aitre',
          ...options,
        }),
      );
      const { url } = await listen((req, res) => {
        // What Express does for app.use('/api/aitre', ...): url loses the mount path.
        const express = Object.assign(req, { originalUrl: req.url, url: '/v1/models' });
        void handle(express, res);
      });
      expect((await send(url, '/api/aitre/mj/task/1/fetch?x=1')).status).toBe(200);
      expect((await send(url, '/mj/task/1/fetch')).status).toBe(404);
      expect(upstream.seen.map((seen) => seen.url)).toEqual(['/relay/mj/task/1/fetch?x=1']);
    });

    it('keeps several set-cookie headers apart, and status and other headers as they are', async () => {
      const upstream = await recordingUpstream((res) => {
        res.writeHead(429, {
          'content-type': 'application/json',
          'retry-after-ms': '1500',
          'cache-control': 'max-age=60',
          'set-cookie': ['a=1; Path=/', 'b=2, with comma; Path=/'],
        });
        res.end('{"error":{}}');
      });
      const proxy = await proxyServer({ baseURL: upstream.url, apiKey: 'k' });
      const response = await send(proxy, '/v1/chat/completions', { method: 'POST', body: '{}' });
      expect(response.status).toBe(429);
      expect(response.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2, with comma; Path=/']);
      expect(response.headers['retry-after-ms']).toBe('1500');
      expect(response.headers['cache-control']).toBe('max-age=60');
      expect(response.headers['x-accel-buffering']).toBeUndefined();
      expect(String(response.body)).toBe('{"error":{}}');
    });

    it('marks event streams as not to be buffered or transformed', async () => {
      const upstream = await recordingUpstream((res) => {
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'max-age=60',
        });
        res.end('data: {}\n\n');
      });
      const proxy = await proxyServer({ baseURL: upstream.url, apiKey: 'k' });
      const response = await send(proxy, '/v1/chat/completions', { method: 'POST', body: '{}' });
      expect(response.headers['cache-control']).toBe('no-cache, no-transform');
      expect(response.headers['x-accel-buffering']).toBe('no');
      expect(String(response.body)).toBe('data: {}\n\n');
    });

    if (path === 'node:http') {
      it('passes encoded bodies through untouched, with the caller’s accept-encoding', async () => {
        const gzipped = gzipSync('{"object":"list","data":[]}');
        const upstream = await recordingUpstream((res) => {
          res.writeHead(200, {
            'content-type': 'application/json',
            'content-encoding': 'gzip',
            'content-length': String(gzipped.length),
          });
          res.end(gzipped);
        });
        const proxy = await proxyServer({ baseURL: upstream.url, apiKey: 'k' });
        const response = await send(proxy, '/v1/models', {
          headers: { 'accept-encoding': 'gzip' },
        });
        expect(upstream.seen[0]?.headers['accept-encoding']).toBe('gzip');
        expect(response.headers['content-encoding']).toBe('gzip');
        expect(response.headers['content-length']).toBe(String(gzipped.length));
        expect(response.body).toEqual(gzipped);
      });

      it('forwards without fetch', async () => {
        const upstream = await recordingUpstream();
        const proxy = await proxyServer({ baseURL: upstream.url, apiKey: 'k' });
        await send(proxy, '/v1/models');
        // fetch adds these to every request it sends.
        expect(upstream.seen[0]?.headers['sec-fetch-mode']).toBeUndefined();
        expect(upstream.seen[0]?.headers['accept-language']).toBeUndefined();
      });
    } else {
      it('delivers a compressed upstream answer decoded, without a stale content-encoding', async () => {
        const upstream = await recordingUpstream((res) => {
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
          res.end(gzipSync('{"object":"list","data":[]}'));
        });
        const proxy = await proxyServer({ baseURL: upstream.url, apiKey: 'k' });
        const response = await send(proxy, '/v1/models', {
          headers: { 'accept-encoding': 'zstd' },
        });
        expect(upstream.seen[0]?.headers['accept-encoding']).not.toContain('zstd');
        expect(response.headers['content-encoding']).toBeUndefined();
        expect(JSON.parse(String(response.body))).toEqual({ object: 'list', data: [] });
      });

      it('forwards with the given fetch', async () => {
        const upstream = await recordingUpstream();
        const proxy = await proxyServer({ baseURL: upstream.url, apiKey: 'k' });
        await send(proxy, '/v1/models');
        expect(upstream.seen[0]?.headers['sec-fetch-mode']).toBe('cors');
      });
    }
  });
});

describe('nodeAdapter with other handlers', () => {
  it('passes the full URL of an Express sub-app to the handler', async () => {
    const seen: string[] = [];
    const handle = nodeAdapter(async (request) => {
      seen.push(new URL(request.url).pathname);
      return new Response('ok');
    });
    const { url } = await listen((req, res) => {
      // What Express does for app.use('/api/aitre', ...): url loses the mount path.
      const express = Object.assign(req, { originalUrl: req.url, url: '/v1/models' });
      void handle(express, res);
    });
    expect(await (await fetch(`${url}/api/aitre/v1/models`)).text()).toBe('ok');
    expect(seen).toEqual(['/api/aitre/v1/models']);
  });

  it('answers 500 when the handler throws', async () => {
    const handle = nodeAdapter(async () => {
      throw new Error('boom');
    });
    const { url } = await listen((req, res) => void handle(req, res));
    expect((await fetch(`${url}/v1/models`)).status).toBe(500);
  });

  it('serves a createProxy() handler wrapped in another function through fetch', async () => {
    const upstream = await recordingUpstream();
    const proxy = createProxy({ baseURL: upstream.url, apiKey: 'k' });
    const handle = nodeAdapter((request) => proxy(request));
    const { url } = await listen((req, res) => void handle(req, res));
    expect((await send(url, '/v1/models')).status).toBe(200);
    expect(upstream.seen[0]?.headers['sec-fetch-mode']).toBe('cors');
  });

  it('forwards a createProxy() handler through fetch where node:http is not to be had', async () => {
    const upstream = await recordingUpstream();
    const lookup = vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined);
    try {
      const handle = nodeAdapter(createProxy({ baseURL: upstream.url, apiKey: 'k' }));
      const { url } = await listen((req, res) => void handle(req, res));
      expect((await send(url, '/v1/models')).status).toBe(200);
      expect(lookup).toHaveBeenCalledWith('node:http');
    } finally {
      lookup.mockRestore();
    }
    expect(upstream.seen[0]?.headers['sec-fetch-mode']).toBe('cors');
  });
});
