/// <reference types="node" />
import { once } from 'node:events';
import { type IncomingMessage, request } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { readSSE } from '../sse/readSSE.js';
import { deferred, listen, openEventStream } from '../test-utils/loopback.js';
import { createProxy, type ProxyOptions } from './createProxy.js';
import { nodeAdapter } from './nodeAdapter.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

setFlagsFromString('--expose-gc');
/** A full garbage collection, as happens at any time under load. */
const collectGarbage = runInNewContext('gc') as () => void;

/** An upstream that accepts each request and then says nothing; `closed` resolves when it is dropped. */
async function silentUpstream() {
  const closed = deferred();
  const { url } = await listen((req) => {
    req.socket.on('close', () => closed.resolve());
  });
  return { url, closed: closed.promise };
}

/** An upstream that sends the head of an event stream and one event, then goes silent. */
async function stallingUpstream() {
  const closed = deferred();
  const { url } = await listen((req, res) => {
    req.socket.on('close', () => closed.resolve());
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('data: first\n\n');
  });
  return { url, closed: closed.promise };
}

/**
 * A POST upload to the proxy left open for the test to write to. `answered` resolves with the
 * proxy's answer once the connection closes (it is dropped after an answer to an unfinished
 * upload); the caller is destroyed then.
 */
function openUpload(proxyUrl: string) {
  const { hostname, port } = new URL(proxyUrl);
  const caller = request({
    hostname,
    port,
    method: 'POST',
    path: '/v1/audio/transcriptions',
    headers: { 'content-type': 'application/octet-stream' },
    agent: false,
  });
  // Writing after the proxy dropped the connection fails: expected here.
  caller.on('error', () => {});
  const answered = once(caller, 'response').then(async ([response]: IncomingMessage[]) => {
    let text = '';
    response?.on('data', (chunk: Buffer) => {
      text += chunk;
    });
    if (response) await once(response, 'close');
    caller.destroy();
    return {
      status: response?.statusCode,
      headers: response?.headers ?? {},
      body: JSON.parse(text),
    };
  });
  return { caller, answered };
}

// nodeAdapter forwards a createProxy() handler with node:http unless it was given a fetch: the
// limits must hold the same way on both paths.
const PATHS = [
  { path: 'node:http', options: {} },
  { path: 'fetch', options: { fetch: (input, init) => fetch(input, init) } },
] satisfies { path: string; options: Partial<ProxyOptions> }[];

describe.each(PATHS)('createProxy timeouts ($path path)', ({ options }) => {
  /** The proxy on node:http; `settled` resolves with the status a logger would see. */
  async function proxyServer(proxyOptions: Partial<ProxyOptions> & { baseURL: string }) {
    const handle = nodeAdapter(createProxy({ apiKey: 'k', ...proxyOptions, ...options }));
    const settled = deferred<number>();
    const { url } = await listen((req, res) => {
      void handle(req, res).then(() => settled.resolve(res.statusCode));
    });
    return { url, settled: settled.promise };
  }

  it('answers 504 in the OpenAI error shape when the gateway sends no headers in time', async () => {
    const upstream = await silentUpstream();
    const proxy = await proxyServer({ baseURL: upstream.url, timeoutMs: 50 });
    const response = await fetch(`${proxy.url}/v1/chat/completions`, { method: 'POST' });
    expect(response.status).toBe(504);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await response.json()).error).toEqual({
      message: 'the gateway did not answer within 50 ms',
      type: 'upstream_error',
      param: null,
      code: 'upstream_timeout',
    });
    // The upstream request was dropped, and the handler is done with it.
    await upstream.closed;
    expect(await proxy.settled).toBe(504);
  });

  it('cuts the answer off when the gateway goes silent mid-stream, after what did arrive', async () => {
    const upstream = await stallingUpstream();
    const proxy = await proxyServer({ baseURL: upstream.url, idleTimeoutMs: 50 });
    const response = await fetch(`${proxy.url}/v1/chat/completions`, { method: 'POST' });
    expect(response.status).toBe(200);
    const events = readSSE(response.body!);
    expect((await events.next()).value?.data).toBe('first');
    // An incomplete stream must not look like a finished one.
    await expect(events.next()).rejects.toThrow();
    // The upstream connection was closed, not kept for the next request.
    await upstream.closed;
    await proxy.settled;
  });

  it('passes a slow but steady stream through whole: the idle limit is per silence', async () => {
    const chunks = Array.from({ length: 15 }, (_, i) => `data: ${i}\n\n`);
    const { url: upstream } = await listen(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const chunk of chunks) {
        res.write(chunk);
        await sleep(20);
      }
      res.end('data: [DONE]\n\n');
    });
    // Fifteen pauses of 20 ms add up to more than either limit.
    const proxy = await proxyServer({ baseURL: upstream, timeoutMs: 200, idleTimeoutMs: 200 });
    const response = await fetch(`${proxy.url}/v1/chat/completions`, { method: 'POST' });
    expect(await response.text()).toBe(`${chunks.join('')}data: [DONE]\n\n`);
  });

  it('keeps waiting for headers while the caller is still uploading', async () => {
    const { url: upstream } = await listen(async (req, res) => {
      let received = 0;
      for await (const chunk of req) received += (chunk as Buffer).length;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`got ${received} bytes`);
    });
    const proxy = await proxyServer({ baseURL: upstream, timeoutMs: 150 });
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        // Eight parts 40 ms apart: the upload takes longer than the limit, every gap is shorter.
        for (let i = 0; i < 8; i++) {
          controller.enqueue(new Uint8Array(10));
          await sleep(40);
        }
        controller.close();
      },
    });
    const response = await fetch(`${proxy.url}/v1/audio/transcriptions`, {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('got 80 bytes');
  });

  it('answers 408, not 504, when the caller stalls mid-upload, and drops the upstream request', async () => {
    const closed = deferred();
    const received = deferred<number>();
    const { url: upstream } = await listen((req) => {
      let length = 0;
      req.on('data', (chunk: Buffer) => {
        length += chunk.length;
        received.resolve(length);
      });
      req.socket.on('close', () => closed.resolve());
    });
    const proxy = await proxyServer({ baseURL: upstream, timeoutMs: 100 });
    const { caller, answered } = openUpload(proxy.url);
    // Part of the upload, then silence, with the request still open.
    caller.write(new Uint8Array(64));
    const answer = await answered;
    expect(await received.promise).toBe(64);
    expect(answer.status).toBe(408);
    expect(answer.headers.connection).toBe('close');
    expect(answer.body.error).toEqual({
      message: 'the request body stalled for 100 ms',
      type: 'invalid_request_error',
      param: null,
      code: 'request_timeout',
    });
    await closed.promise;
    expect(await proxy.settled).toBe(408);
  });

  it('answers 504 when the gateway stops taking the upload while the caller still sends', async () => {
    // Reads nothing and answers nothing: the upload backs up into the proxy.
    const upstream = await silentUpstream();
    const proxy = await proxyServer({ baseURL: upstream.url, timeoutMs: 150 });
    const { caller, answered } = openUpload(proxy.url);
    // Writes as fast as the proxy takes it, far more than the sockets between can hold.
    const part = new Uint8Array(64 * 1024);
    let sending = true;
    void (async () => {
      for (let sent = 0; sending && sent < 64 * 1024 * 1024; sent += part.length) {
        if (!caller.write(part)) await once(caller, 'drain');
      }
    })().catch(() => {});
    const answer = await answered;
    sending = false;
    expect(answer.status).toBe(504);
    expect(answer.body.error.code).toBe('upstream_timeout');
    // The upstream request is dropped (the gateway, reading nothing, never sees it go).
    expect(await proxy.settled).toBe(504);
  });

  it('does not take a caller that stops reading for a silent gateway', async () => {
    const size = 16 * 1024 * 1024;
    const { url: upstream } = await listen(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 1);
      for (let sent = 0; sent < size; sent += chunk.length) {
        if (!res.write(chunk)) await once(res, 'drain');
      }
      res.end();
    });
    const proxy = await proxyServer({ baseURL: upstream, idleTimeoutMs: 200 });
    const { hostname, port } = new URL(proxy.url);
    const received = await new Promise<number>((resolve, reject) => {
      const req = request({ hostname, port, path: '/v1/files/f/content', agent: false }, (res) => {
        // Far more than the socket buffers hold: the proxy has to hold the gateway back.
        res.pause();
        let length = 0;
        res.on('data', (chunk: Buffer) => {
          length += chunk.length;
        });
        res.on('end', () => resolve(length));
        res.on('error', reject);
        // Four times the idle limit.
        setTimeout(() => res.resume(), 800);
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toBe(size);
  });

  for (const off of [0, Number.POSITIVE_INFINITY]) {
    it(`waits for headers as long as the caller does with timeoutMs ${off}`, async () => {
      const upstream = await silentUpstream();
      const proxy = await proxyServer({ baseURL: upstream.url, timeoutMs: off });
      const controller = new AbortController();
      const pending = fetch(`${proxy.url}/v1/models`, { signal: controller.signal });
      setTimeout(() => controller.abort(), 150);
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
      // The caller left first: 499, not the proxy's 504.
      expect(await proxy.settled).toBe(499);
      await upstream.closed;
    });
  }

  for (const idleTimeoutMs of [0, 60_000]) {
    it(`passes the caller's abort upstream after a garbage collection (idleTimeoutMs ${idleTimeoutMs})`, async () => {
      const upstream = await stallingUpstream();
      const proxy = await proxyServer({ baseURL: upstream.url, idleTimeoutMs });
      const { controller, events } = await openEventStream(`${proxy.url}/v1/chat/completions`);
      expect((await events.next()).value?.data).toBe('first');
      // Nothing the proxy needs to carry the abort may be collectable by now.
      collectGarbage();
      await sleep(10);
      collectGarbage();
      controller.abort();
      await expect(events.next()).rejects.toMatchObject({ name: 'AbortError' });
      await upstream.closed;
      await proxy.settled;
    });
  }

  it('lets a stream stay silent as long as the caller waits with idleTimeoutMs 0', async () => {
    const upstream = await stallingUpstream();
    const proxy = await proxyServer({ baseURL: upstream.url, timeoutMs: 50, idleTimeoutMs: 0 });
    const { controller, events } = await openEventStream(`${proxy.url}/v1/chat/completions`);
    expect((await events.next()).value?.data).toBe('first');
    setTimeout(() => controller.abort(), 150);
    // Ended by the caller's abort, not cut off by the proxy.
    await expect(events.next()).rejects.toMatchObject({ name: 'AbortError' });
    await upstream.closed;
  });
});

describe.each(PATHS)('createProxy timers ($path path)', ({ options }) => {
  it('clears every timer it set after an answer, a caller abort and gateway failures', async () => {
    const { url: upstream } = await listen((req, res) => {
      if (req.url === '/v1/models') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"data":[]}');
        return;
      }
      if (req.url === '/v1/refused') {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: first\n\n');
      if (req.url === '/v1/broken') setTimeout(() => res.destroy(), 20);
    });
    // A limit no other timer here uses, and far longer than the test: the proxy's own timers
    // are the ones set with it, and none of them fires before the end.
    const limit = 61_234;
    const armed: unknown[] = [];
    const cleared = new Set<unknown>();
    const realSet = globalThis.setTimeout;
    const realClear = globalThis.clearTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((callback: () => void, ms?: number) => {
      const timer = realSet(callback, ms);
      if (ms === limit) armed.push(timer);
      return timer;
    }) as typeof setTimeout);
    vi.spyOn(globalThis, 'clearTimeout').mockImplementation((timer) => {
      cleared.add(timer);
      realClear(timer);
    });
    try {
      const handle = nodeAdapter(
        createProxy({
          baseURL: upstream,
          apiKey: 'k',
          timeoutMs: limit,
          idleTimeoutMs: limit,
          ...options,
        }),
      );
      const settled: Promise<void>[] = [];
      const { url: proxy } = await listen((req, res) => {
        settled.push(handle(req, res));
      });

      expect(await (await fetch(`${proxy}/v1/models`)).json()).toEqual({ data: [] });
      const { controller, events } = await openEventStream(`${proxy}/v1/chat/completions`);
      expect((await events.next()).value?.data).toBe('first');
      controller.abort();
      await expect(events.next()).rejects.toMatchObject({ name: 'AbortError' });
      const broken = await fetch(`${proxy}/v1/broken`, { method: 'POST' });
      await expect(broken.text()).rejects.toThrow();
      expect((await fetch(`${proxy}/v1/refused`)).status).toBe(502);
      expect(settled).toHaveLength(4);
      await Promise.all(settled);

      // Headers and body for three requests, headers only for the refused one.
      expect(armed).toHaveLength(7);
      expect(armed.filter((timer) => !cleared.has(timer))).toEqual([]);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('createProxy timeouts (handler with a custom fetch)', () => {
  it('answers 504 even when the fetch ignores the abort', async () => {
    let signal: AbortSignal | undefined;
    const proxy = createProxy({
      baseURL: 'https://gw.test',
      apiKey: 'k',
      timeoutMs: 50,
      fetch: (_input, init) => {
        signal = init?.signal ?? undefined;
        return new Promise<Response>(() => {});
      },
    });
    const response = await proxy(new Request('http://app.test/v1/models'));
    expect(response.status).toBe(504);
    expect((await response.json()).error.code).toBe('upstream_timeout');
    expect(signal?.aborted).toBe(true);
  });

  it('cuts the body off and cancels the gateway’s when it goes silent', async () => {
    const cancelled = deferred<unknown>();
    let signal: AbortSignal | undefined;
    const proxy = createProxy({
      baseURL: 'https://gw.test',
      apiKey: 'k',
      idleTimeoutMs: 50,
      fetch: async (_input, init) => {
        signal = init?.signal ?? undefined;
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('data: first\n\n'));
          },
          cancel: (reason) => cancelled.resolve(reason),
        });
        return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
      },
    });
    const response = await proxy(new Request('http://app.test/v1/chat/completions'));
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: first\n\n');
    await expect(reader.read()).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(await cancelled.promise).toMatchObject({ name: 'TimeoutError' });
    expect(signal?.aborted).toBe(true);
  });
});
