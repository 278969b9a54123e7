/// <reference types="node" />
import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { listen } from '../test-utils/loopback.js';
import { createProxy, type ProxyOptions } from './createProxy.js';
import { nodeAdapter } from './nodeAdapter.js';

const API_KEY = 'sk-image-test-secret';
// Not valid UTF-8 and larger than one chunk: any re-encoding or truncation shows.
const PNG = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7 + (i >> 8)) % 256));

/**
 * An image host as CDNs are: no CORS headers. It records each request's path and headers;
 * `/cat.png` is an image, `/gone` a 404, `/page.html` HTML, `/chain/<n>` redirects n times
 * before the image, `/to?url=` redirects to any URL.
 */
async function imageHost() {
  const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
  const server = await listen((req, res) => {
    const path = req.url ?? '/';
    seen.push({ path, headers: req.headers });
    const pathname = path.split('?')[0];
    const chain = /^\/chain\/(\d+)$/.exec(path);
    if (pathname === '/cat.png' || pathname === '/files/%E7%8C%AB%20photo.webp') {
      const type = pathname === '/cat.png' ? 'image/png' : 'image/webp';
      res.writeHead(200, { 'content-type': type, 'content-length': PNG.length });
      res.end(PNG);
    } else if (path === '/gone') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('expired');
    } else if (path === '/page.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><script>steal()</script></html>');
    } else if (chain) {
      const left = Number(chain[1]);
      res.writeHead(302, { location: left > 1 ? `/chain/${left - 1}` : '/cat.png' });
      res.end();
    } else if (path.startsWith('/to?url=')) {
      res.writeHead(307, { location: decodeURIComponent(path.slice('/to?url='.length)) });
      res.end();
    } else {
      res.writeHead(500);
      res.end();
    }
  });
  return { url: server.url, seen };
}

// nodeAdapter forwards a createProxy() handler with node:http unless it was given a fetch: the
// image route must answer the same on both paths.
const PATHS = [
  { path: 'node:http', options: {} },
  { path: 'fetch', options: { fetch: (input, init) => fetch(input, init) } },
] satisfies { path: string; options: Partial<ProxyOptions> }[];

describe.each(PATHS)('createProxy image route ($path path)', ({ options }) => {
  /**
   * A gateway, two allowed image hosts (`host`, `second`), a host not allowed (`other`), and the
   * proxy mounted at /api/aitre.
   */
  async function setup(proxyOptions: Partial<ProxyOptions> = {}) {
    const gateway = await imageHost();
    const host = await imageHost();
    const second = await imageHost();
    const other = await imageHost();
    const handle = nodeAdapter(
      createProxy({
        baseURL: gateway.url,
        apiKey: API_KEY,
        basePath: '/api/aitre',
        headers: { 'x-gateway-secret': API_KEY },
        imageOrigins: [host.url, second.url],
        ...proxyOptions,
        ...options,
      }),
    );
    const proxy = await listen((req, res) => void handle(req, res));
    const image = (url: string, query = '', init?: RequestInit) =>
      fetch(`${proxy.url}/api/aitre/image?url=${encodeURIComponent(url)}${query}`, init);
    return { gateway, host, second, other, proxy, image };
  }

  const errorOf = async (response: Response) => (await response.json()).error;

  it('streams an allowed image with its exact bytes and type, for an <img src> on the page', async () => {
    const { host, image } = await setup();
    const response = await image(`${host.url}/cat.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-length')).toBe(String(PNG.length));
    expect(response.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('adds an attachment disposition named after the last path segment with download=1', async () => {
    const { host, image } = await setup();
    const cat = await image(`${host.url}/cat.png`, '&download=1');
    expect(cat.headers.get('content-disposition')).toBe('attachment; filename="cat.png"');
    expect(Buffer.from(await cat.arrayBuffer()).equals(PNG)).toBe(true);
    // Characters that would need quoting become `_`; the extension follows the type.
    const photo = await image(`${host.url}/files/%E7%8C%AB%20photo.webp?sig=1`, '&download=1');
    expect(photo.headers.get('content-disposition')).toBe('attachment; filename="photo.webp"');
    await photo.arrayBuffer();
  });

  it('answers 403 naming the origin for a host not in imageOrigins, and never contacts it', async () => {
    const { other, image } = await setup();
    const response = await image(`${other.url}/cat.png`);
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toEqual({
      message: `images from ${other.url} are not allowed by this proxy (imageOrigins)`,
      type: 'invalid_request_error',
      param: null,
      code: 'image_origin_not_allowed',
    });
    expect(other.seen).toEqual([]);
  });

  it('follows a redirect to another allowed origin, and up to three redirects', async () => {
    const { host, second, other, image } = await setup();
    const moved = await image(`${host.url}/to?url=${encodeURIComponent(`${second.url}/cat.png`)}`);
    expect(moved.status).toBe(200);
    expect(Buffer.from(await moved.arrayBuffer()).equals(PNG)).toBe(true);
    expect(second.seen.map((request) => request.path)).toEqual(['/cat.png']);
    expect(second.seen[0]?.headers.accept).toBe('image/*');
    const chained = await image(`${host.url}/chain/3`);
    expect(chained.status).toBe(200);
    expect(Buffer.from(await chained.arrayBuffer()).equals(PNG)).toBe(true);
    expect(other.seen).toEqual([]);
  });

  it('answers 403 for a redirect to an origin not allowed, without requesting it', async () => {
    const { host, other, image } = await setup();
    const response = await image(
      `${host.url}/to?url=${encodeURIComponent(`${other.url}/cat.png`)}`,
    );
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('image_origin_not_allowed');
    expect(other.seen).toEqual([]);
  });

  it('answers 502 after a fourth redirect', async () => {
    const { host, image } = await setup();
    const response = await image(`${host.url}/chain/4`);
    expect(response.status).toBe(502);
    expect((await errorOf(response)).code).toBe('too_many_redirects');
    expect(host.seen.map((request) => request.path)).toEqual([
      '/chain/4',
      '/chain/3',
      '/chain/2',
      '/chain/1',
    ]);
  });

  it('answers 404 image_not_found when the host says the image is gone', async () => {
    const { host, image } = await setup();
    const response = await image(`${host.url}/gone`);
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toMatchObject({ code: 'image_not_found', param: null });
  });

  it('answers 502 not_an_image for an HTML answer and forwards none of it', async () => {
    const { host, image } = await setup();
    const response = await image(`${host.url}/page.html`, '&download=1');
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBeNull();
    const text = await response.text();
    expect(text).not.toContain('script');
    expect(JSON.parse(text).error.code).toBe('not_an_image');
  });

  it('sends the image host no cookie, no authorization and never the API key, only accept: image/*', async () => {
    const { host, image } = await setup();
    const response = await image(`${host.url}/cat.png`, '', {
      headers: { cookie: 'session=s3cret', authorization: 'Bearer caller-token', 'x-custom': '1' },
    });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const [request] = host.seen;
    expect(request?.headers.accept).toBe('image/*');
    expect(request?.headers.cookie).toBeUndefined();
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers['x-custom']).toBeUndefined();
    expect(JSON.stringify(request?.headers)).not.toContain(API_KEY);
    expect(JSON.stringify(request?.headers)).not.toContain('s3cret');
  });

  it('answers HEAD with the image headers and no body', async () => {
    const { host, image } = await setup();
    const response = await image(`${host.url}/cat.png`, '', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-length')).toBe(String(PNG.length));
    expect(await response.text()).toBe('');
  });

  it('answers 400 invalid_image_url for a missing, relative or non-http url', async () => {
    const { proxy, host, image } = await setup();
    const missing = await fetch(`${proxy.url}/api/aitre/image`);
    expect(missing.status).toBe(400);
    expect(await errorOf(missing)).toMatchObject({
      code: 'invalid_image_url',
      type: 'invalid_request_error',
    });
    for (const url of [
      '/cat.png',
      'not a url',
      'file:///etc/passwd',
      'data:image/png;base64,AA==',
    ]) {
      const response = await image(url);
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('invalid_image_url');
    }
    expect(host.seen).toEqual([]);
  });

  it('answers 404 on the image route without imageOrigins, as for any path not forwarded', async () => {
    const { host, gateway, image } = await setup({ imageOrigins: undefined });
    const response = await image(`${host.url}/cat.png`);
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('not_found');
    expect(host.seen).toEqual([]);
    expect(gateway.seen).toEqual([]);
  });

  it('answers 504 when the image host sends no headers within timeoutMs', async () => {
    const silent = await listen(() => {});
    const { image } = await setup({ imageOrigins: [silent.url], timeoutMs: 50 });
    const response = await image(`${silent.url}/cat.png`);
    expect(response.status).toBe(504);
    expect((await errorOf(response)).code).toBe('upstream_timeout');
  });
});
