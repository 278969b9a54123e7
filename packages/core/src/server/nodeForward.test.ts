import { type IncomingMessage, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { listen } from '../test-utils/loopback.js';
import { isReadableRequest, nodeForward } from './nodeForward.js';
import { resolveProxyRules } from './proxyRules.js';

const rules = (baseURL: string) => resolveProxyRules({ baseURL, apiKey: 'sk-real' });

/** Sends one request and reads the whole answer. */
function send(
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string },
) {
  return new Promise<{ status: number; headers: IncomingMessage['headers']; body: string }>(
    (resolve, reject) => {
      const req = request(url, { method: init.method, headers: init.headers }, (res) => {
        let body = '';
        res.setEncoding('latin1');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end(init.body);
    },
  );
}

describe('nodeForward', () => {
  it('stays off gateways that fetch would treat differently: credentials, a query, not http', () => {
    expect(nodeForward(rules('https://user:pw@gw.example'))).toBeUndefined();
    expect(nodeForward(rules('https://gw.example/?tenant=1'))).toBeUndefined();
    expect(nodeForward(rules('ftp://gw.example'))).toBeUndefined();
    expect(nodeForward(rules('http://127.0.0.1:9'))).toBeTypeOf('function');
  });

  it('tells a node:http request stream from a look-alike object', async () => {
    let verdict: boolean | undefined;
    const { url } = await listen((req, res) => {
      verdict = isReadableRequest(req);
      res.end();
    });
    await send(url, { method: 'GET' });
    expect(verdict).toBe(true);
    expect(isReadableRequest({ headers: {}, async *[Symbol.asyncIterator]() {} })).toBe(false);
  });

  it('passes bytes, encodings and lengths through untouched, with the key set upstream', async () => {
    const gzipped = '\x1f\x8b\x08\x00fake-gzip-bytes';
    let upstreamSaw: IncomingMessage['headers'] = {};
    let upstreamBody = '';
    const { url: upstream } = await listen((req, res) => {
      upstreamSaw = req.headers;
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        upstreamBody += chunk;
      });
      req.on('end', () => {
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'content-length': Buffer.byteLength(gzipped, 'latin1'),
        });
        res.end(Buffer.from(gzipped, 'latin1'));
      });
    });
    const forward = nodeForward(rules(upstream));
    if (!forward) throw new Error('no node:http path on this Node');
    const { url: proxy } = await listen((req, res) => {
      // As nodeAdapter does: only a real node:http request stream takes this path.
      if (isReadableRequest(req)) void forward(req, res, new URL(`http://127.0.0.1${req.url}`));
    });

    const answer = await send(`${proxy}/v1/embeddings`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer sk-browser',
        cookie: 'session=1',
        'accept-encoding': 'gzip',
        'content-type': 'application/json',
      },
      body: '{"input":"hi"}',
    });

    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers['content-length']).toBe(String(gzipped.length));
    expect(answer.body).toBe(gzipped);
    expect(upstreamBody).toBe('{"input":"hi"}');
    expect(upstreamSaw.authorization).toBe('Bearer sk-real');
    expect(upstreamSaw.cookie).toBeUndefined();
    expect(upstreamSaw['accept-encoding']).toBe('gzip');
  });

  it('answers 404 for a path outside the allow-list without asking the gateway', async () => {
    let asked = 0;
    const { url: upstream } = await listen((_req, res) => {
      asked++;
      res.end();
    });
    const forward = nodeForward(rules(upstream));
    if (!forward) throw new Error('no node:http path on this Node');
    const { url: proxy } = await listen((req, res) => {
      // As nodeAdapter does: only a real node:http request stream takes this path.
      if (isReadableRequest(req)) void forward(req, res, new URL(`http://127.0.0.1${req.url}`));
    });

    const answer = await send(`${proxy}/admin`, { method: 'GET' });

    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body).error.code).toBe('not_found');
    expect(asked).toBe(0);
  });
});
