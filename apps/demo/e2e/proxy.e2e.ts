import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { createGateway } from '@aitre/mock-gateway';
import { type ServedGateway, serve } from '@aitre/mock-gateway/node';
import { buildDemo } from '../server/ensureBuilt.js';
import { textOf, useDemo } from './harness.js';

const KEY = 'sk-e2e-proxy-5f0c8d2a9b7e4c31';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

describe('proxy to a real gateway', () => {
  let upstream: ServedGateway | undefined;
  let distDir = '';

  const demo = useDemo(async () => {
    // The key is in the environment while building, as on a server that builds and serves.
    process.env.AITRE_BASE_URL = 'http://127.0.0.1:9';
    process.env.AITRE_API_KEY = KEY;
    distDir = await mkdtemp(join(tmpdir(), 'aitre-demo-proxy-'));
    const [served] = await Promise.all([
      serve(createGateway({ apiKey: KEY, tokenDelayMs: 5 })),
      buildDemo({ outDir: distDir, quiet: true }),
    ]);
    upstream = served;
    return { gateway: { baseURL: served.url, apiKey: KEY }, distDir };
  });

  after(async () => {
    await upstream?.close();
    if (distDir) await rm(distDir, { recursive: true, force: true });
  });

  it('answers through the proxy while the page sends no credentials', async () => {
    assert.ok(upstream);
    const unauthorised = await fetch(`${upstream.url}/v1/models`);
    assert.equal(unauthorised.status, 401, 'the upstream gateway really requires the key');

    const page = await demo.open('/#chat');
    const sent: Array<{ url: string; authorization: string | undefined }> = [];
    page.on('request', (request) => {
      void request.allHeaders().then((headers) => {
        sent.push({ url: request.url(), authorization: headers.authorization });
      });
    });
    await page.reload();
    const input = page.getByRole('textbox', { name: 'Message' });
    await input.fill('Hello through the proxy');
    await input.press('Enter');
    const answer = page.locator('[data-slot="chat-message"][data-role="assistant"]');
    await answer.and(page.locator('[data-status="done"]')).waitFor();
    assert.ok((await textOf(answer.locator('[data-slot="markdown"]'))).length > 10);

    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('region', { name: 'Settings' });
    await settings.getByText('Real gateway through the server-side proxy').waitFor();
    assert.equal(await settings.getByTestId('gateway-url').textContent(), upstream.url);

    assert.ok(sent.some((request) => request.url.endsWith('/v1/chat/completions')));
    assert.ok(sent.some((request) => request.url.endsWith('/v1/models')));
    assert.deepEqual(
      sent.filter((request) => request.authorization !== undefined),
      [],
      'no request from the page carries an Authorization header',
    );
    const stored = await page.evaluate(() =>
      JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie]),
    );
    assert.ok(!stored.includes(KEY), 'the key is not in storage or cookies');
    assert.ok(!(await page.content()).includes(KEY));
  });

  it('fetches the images of the gateway through the proxy, same-origin, to save and edit them', async () => {
    assert.ok(upstream);
    const page = await demo.open('/#images');
    const routed: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/image') routed.push(url.searchParams.get('url') ?? '');
    });
    const panel = page.getByRole('tabpanel', { name: 'Images' });
    await panel.getByLabel('Model', { exact: true }).selectOption('dall-e-3');
    await panel.getByLabel('Prompt', { exact: true }).fill('A lighthouse at dusk');
    await panel.getByRole('button', { name: 'Generate', exact: true }).click();
    const card = panel.locator('[data-slot="image-card"]').first();
    await card.waitFor({ timeout: 20_000 });
    // The result lives on the gateway's origin, not the page's: it came through /image and is
    // now the page's own bytes, saved and edited like a base64 answer.
    await page.waitForFunction(() =>
      document
        .querySelector('[data-slot="image-card"] img')
        ?.getAttribute('src')
        ?.startsWith('blob:'),
    );
    assert.equal(routed.length, 1);
    const source = routed[0] ?? '';
    assert.ok(source.startsWith(`${upstream.url}/`), source);
    const src = await card.locator('img').getAttribute('src');
    assert.equal(await card.getByRole('link', { name: 'Download' }).getAttribute('href'), src);
    await card.getByRole('button', { name: 'Use as edit source' }).waitFor();
    const href = `/image?url=${encodeURIComponent(source)}&download=1`;
    const saved = await page.evaluate(async (url) => {
      const response = await fetch(url);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        disposition: response.headers.get('content-disposition'),
        png: bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47,
      };
    }, href);
    assert.equal(saved.status, 200);
    assert.equal(saved.type, 'image/png');
    assert.match(saved.disposition ?? '', /^attachment/);
    assert.ok(saved.png, 'the PNG itself came through');
    // An origin the proxy was not told about is refused before any request.
    const refused = await page.evaluate(
      (url) => fetch(url).then((response) => response.status),
      `/image?url=${encodeURIComponent('http://127.0.0.2:9/x.png')}`,
    );
    assert.equal(refused, 403);
  });

  it('serves no file that contains the key', async () => {
    const files = await listFiles(distDir);
    assert.ok(files.some((file) => file.endsWith('.js')));
    for (const path of ['', ...files, '__aitre/config']) {
      const response = await fetch(`${demo.server.url}/${path}`);
      assert.equal(response.status, 200, path);
      const body = await response.text();
      assert.ok(!body.includes(KEY), `the key is in /${path}`);
      assert.ok(!body.includes(KEY.slice(3)), `part of the key is in /${path}`);
    }
  });
});
