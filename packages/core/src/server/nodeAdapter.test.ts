/// <reference types="node" />
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createGateway, type MockGateway } from '@aitre/mock-gateway';
import { serve } from '@aitre/mock-gateway/node';
import { afterEach, describe, expect, it } from 'vitest';
import { readSSE } from '../sse/readSSE.js';
import { createProxy, type ProxyOptions } from './createProxy.js';
import { nodeAdapter } from './nodeAdapter.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

/** Listens on 127.0.0.1, port 0; closed after the test. */
async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** The proxy on node:http through nodeAdapter. */
async function proxyServer(options: ProxyOptions): Promise<string> {
  const handle = nodeAdapter(createProxy(options));
  return (await listen((req, res) => void handle(req, res))).url;
}

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
  closers.push(served.close);
  return { url: served.url, seen, gateway };
}

/** A promise with its resolve function, for steps the test releases by hand. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('nodeAdapter + createProxy in front of the mock gateway', () => {
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
    expect((await response.json()).error.code).toBe('not_found');
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

describe('nodeAdapter + createProxy in front of a scripted upstream', () => {
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

  it('aborts the upstream request when the caller goes away mid-stream', async () => {
    const upstreamClosed = deferred();
    const upstream = await listen((_req, res) => {
      res.on('close', () => upstreamClosed.resolve());
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: first\n\n');
    });
    const proxy = await proxyServer({ baseURL: upstream.url, apiKey: 'k' });
    const controller = new AbortController();
    const response = await fetch(`${proxy}/v1/chat/completions`, {
      method: 'POST',
      signal: controller.signal,
    });
    const events = readSSE(response.body!, controller.signal);
    expect((await events.next()).value?.data).toBe('first');
    controller.abort();
    await expect(events.next()).rejects.toMatchObject({ name: 'AbortError' });
    // Resolves only if the abort travelled client -> proxy -> upstream.
    await upstreamClosed.promise;
  });

  it('delivers a compressed upstream answer decoded, without a stale content-encoding', async () => {
    const upstream = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync('{"object":"list","data":[]}'));
    });
    const proxy = await proxyServer({ baseURL: upstream.url, apiKey: 'k' });
    const response = await fetch(`${proxy}/v1/models`);
    expect(response.headers.has('content-encoding')).toBe(false);
    expect(await response.json()).toEqual({ object: 'list', data: [] });
  });

  it('answers 502 when the gateway cannot be reached', async () => {
    const gone = await listen(() => {});
    const closeGone = closers.pop()!;
    await closeGone();
    const proxy = await proxyServer({ baseURL: gone.url, apiKey: 'k' });
    const response = await fetch(`${proxy}/v1/models`);
    expect(response.status).toBe(502);
    expect((await response.json()).error.code).toBe('bad_gateway');
  });

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
});
