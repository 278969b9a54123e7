import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGateway } from '@aitre/mock-gateway';
import { serve } from '@aitre/mock-gateway/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamToSlowReader } from '../test-utils/streamToSlowReader.js';
import { createProxy, type ProxyOptions } from './createProxy.js';
import { nodeAdapter } from './nodeAdapter.js';

const KEY = 'sk-load-test';
const STREAMS = 200;

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** Mounts createProxy on node:http, in front of `upstream`. */
async function startProxy(upstream: string, extra: Partial<ProxyOptions> = {}) {
  const handle = nodeAdapter(createProxy({ baseURL: upstream, apiKey: KEY, ...extra }));
  const server = createServer((req, res) => void handle(req, res));
  return { server, url: await listen(server) };
}

/** The text, finish reason and event count of a chat completion stream. */
function readChat(body: string) {
  let content = '';
  let finish: string | null = null;
  let events = 0;
  let done = false;
  for (const line of body.split('\n')) {
    if (!line.startsWith('data: ')) continue;
    const data = line.slice(6);
    if (data === '[DONE]') {
      done = true;
      continue;
    }
    events++;
    const chunk = JSON.parse(data) as {
      choices: Array<{ delta?: { content?: string }; finish_reason?: string | null }>;
    };
    content += chunk.choices[0]?.delta?.content ?? '';
    finish = chunk.choices[0]?.finish_reason ?? finish;
  }
  return { content, finish, events, done };
}

async function chat(base: string, question: string, key?: string) {
  const response = await fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({
      model: 'gpt-4o-mini',
      stream: true,
      messages: [{ role: 'user', content: question }],
    }),
  });
  expect(response.status).toBe(200);
  return readChat(await response.text());
}

// nodeAdapter forwards a createProxy() handler with node:http unless it was given a fetch.
const PATHS = [
  { path: 'node:http', options: {} },
  { path: 'fetch', options: { fetch: (input, init) => fetch(input, init) } },
] satisfies { path: string; options: Partial<ProxyOptions> }[];

describe.each(PATHS)('createProxy under load ($path path)', ({ options }) => {
  let gateway: Awaited<ReturnType<typeof serve>>;
  let proxy: Awaited<ReturnType<typeof startProxy>>;

  beforeAll(async () => {
    gateway = await serve(createGateway({ apiKey: KEY, tokenDelayMs: 2 }));
    proxy = await startProxy(gateway.url, options);
  });

  afterAll(async () => {
    await close(proxy.server);
    await gateway.close();
  });

  it(`streams ${STREAMS} concurrent chats intact, equal to the direct answers`, async () => {
    const questions = Array.from({ length: STREAMS }, (_, i) => `Question number ${i}`);
    const direct = await Promise.all(questions.map((q) => chat(gateway.url, q, KEY)));
    // Through the proxy the browser sends no key: the proxy adds it.
    const proxied = await Promise.all(questions.map((q) => chat(proxy.url, q)));
    for (const [i, answer] of proxied.entries()) {
      expect(answer.done).toBe(true);
      expect(answer.finish).toBe('stop');
      expect(answer.events).toBeGreaterThan(5);
      expect(answer.content).toBe(direct[i]?.content);
    }
    expect(new Set(proxied.map((a) => a.content)).size).toBe(STREAMS);
  }, 60_000);

  it('holds a bounded amount of a 50 MB stream read slowly, never the whole response', async () => {
    // Socket and stream buffers on both sides of the proxy (a few MB on loopback).
    expect(await peakInFlight(options)).toBeLessThan(TOTAL / 4);
  }, 120_000);
});

const TOTAL = 50 * 1024 * 1024;

/** The peak bytes in flight of a 50 MB stream read slowly through the proxy, all of it read. */
async function peakInFlight(options: Partial<ProxyOptions>) {
  const result = await streamToSlowReader(async (upstream) => {
    const proxy = await startProxy(upstream, options);
    return { url: proxy.url, close: () => close(proxy.server) };
  }, TOTAL);
  expect(result.read).toBe(result.sent);
  expect(result.read).toBeGreaterThanOrEqual(TOTAL);
  return result.peak;
}

it('would see a proxy that buffers the response (the measure can fail)', async () => {
  const buffering: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    return new Response(await response.arrayBuffer(), response);
  };
  expect(await peakInFlight({ fetch: buffering })).toBeGreaterThanOrEqual(TOTAL);
}, 120_000);
