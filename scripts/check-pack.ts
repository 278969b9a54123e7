// What ships works: packs every package the way `pnpm publish` would, installs the tarballs
// into an app outside the workspace, and uses them there as a user's app would: plain Node
// (no `source` condition, no tsx) imports every entry point, streams a chat from the mock
// gateway, proxies a request, renders <Chat /> on the server and serves the mock on loopback;
// then `tsc` type-checks the app against the shipped .d.ts files with NodeNext and Bundler
// resolution, libraries included (skipLibCheck off). Also fails when a tarball carries tests,
// stories or test helpers. Run after `pnpm build`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = ['core', 'react', 'ui', 'mock-gateway'];
/** What an app brings itself: peers and the types it compiles with, from the workspace. */
const FROM_WORKSPACE = [
  ['react', 'node_modules/react'],
  ['react-dom', 'node_modules/react-dom'],
  ['@types/react', 'node_modules/@types/react'],
  ['@types/react-dom', 'node_modules/@types/react-dom'],
  ['@types/node', 'node_modules/@types/node'],
  // @aitre/ui's one dependency; pnpm keeps it under the package that asked for it.
  ['@radix-ui/react-dialog', 'packages/ui/node_modules/@radix-ui/react-dialog'],
];
/** Files that must never ship. */
const NOT_SHIPPED = /(\.test\.|\.stories\.|\.bench\.|(^|\/)test-utils\/)/;

// Runs in the app with plain `node`: every import goes through the packed exports maps.
const SMOKE = `
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { ApiError, createChatClient, createClient } from '@aitre/core';
import { createProxy } from '@aitre/core/server';
import { createGateway } from '@aitre/mock-gateway';
import { serve } from '@aitre/mock-gateway/node';
import { AitreProvider, useChat } from '@aitre/react';
import { Chat } from '@aitre/ui';

const gateway = createGateway({ tokenDelayMs: 0 });
const client = createChatClient({ baseURL: 'http://127.0.0.1', fetch: gateway.fetch, maxRetries: 0 });
const stream = await client.chat.completions.create({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Hello' }],
  stream: true,
});
let text = '';
for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
const final = await stream.finalMessage();
assert.ok(text.length > 0, 'the chat streamed text');
assert.equal(final.content, text);
assert.equal(final.finishReason, 'stop');

const full = createClient({ baseURL: 'http://127.0.0.1', fetch: gateway.fetch, maxRetries: 0 });
const { vectors } = await full.embeddings.create({ model: 'text-embedding-3-small', input: ['a', 'b'] });
assert.equal(vectors.length, 2);
await assert.rejects(
  full.chat.completions.create(
    { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] },
    { headers: { 'x-mock-fault': '500' } },
  ),
  (error) => ApiError.isInstance(error) && error.status === 500 && error.message.length > 0,
);

const proxy = createProxy({
  baseURL: 'http://127.0.0.1',
  apiKey: 'sk-test',
  fetch: gateway.fetch,
  imageOrigins: ['http://127.0.0.1'],
});
const proxied = await proxy(new Request('http://127.0.0.1/v1/models'));
assert.equal(proxied.status, 200);
assert.ok((await proxied.json()).data.length > 0, 'the proxy forwards the models list');
// An image the gateway serves by URL comes through the proxy's image route.
const { data: [generated] } = await full.images.generate({ model: 'dall-e-3', prompt: 'a fox', response_format: 'url' });
assert.ok(generated.url.startsWith('http://127.0.0.1/'), generated.url);
const image = await proxy(
  new Request('http://127.0.0.1/image?url=' + encodeURIComponent(generated.url) + '&download=1'),
);
assert.equal(image.status, 200);
assert.equal(image.headers.get('content-type'), 'image/png');
assert.match(image.headers.get('content-disposition') ?? '', /^attachment/);
const png = new Uint8Array(await image.arrayBuffer());
assert.deepEqual([...png.slice(1, 4)], [0x50, 0x4e, 0x47], 'the PNG itself came through');

let hook;
function Probe() {
  hook = useChat({ model: 'gpt-4o-mini' });
  return null;
}
const html = renderToString(
  createElement(
    AitreProvider,
    { client },
    createElement(Chat, { defaultModel: 'gpt-4o-mini' }),
    createElement(Probe),
  ),
);
assert.match(html, /class="[^"]*aitre-/, 'Chat renders on the server');
assert.equal(hook.status, 'idle');

const css = fileURLToPath(import.meta.resolve('@aitre/ui/styles.css'));
assert.ok(existsSync(css), 'the stylesheet ships');
assert.match(readFileSync(css, 'utf8'), /:where\\(\\.aitre-root\\)/);

const served = await serve(gateway, { port: 0, host: '127.0.0.1' });
try {
  const models = await fetch(served.url + '/v1/models');
  assert.equal(models.status, 200);
} finally {
  await served.close();
}
`;

// Type-checked, never run: one use of each package's main paths, as an app writes them.
const APP = `
import { createChatClient, createClient, type ChatCompletionChunk, RateLimitError, withImages } from '@aitre/core';
import { createProxy, nodeAdapter } from '@aitre/core/server';
import { createGateway } from '@aitre/mock-gateway';
import { serve } from '@aitre/mock-gateway/node';
import { AitreProvider, useChat, useImageGen, useMidjourneyTask } from '@aitre/react';
import { Chat, ImageStudio, MidjourneyStudio } from '@aitre/ui';

const client = createChatClient({ baseURL: '/api/aitre' });
export const images = withImages(client);
export const full = createClient({ baseURL: 'http://127.0.0.1:8787', fetch: createGateway().fetch });
export const handler = createProxy({
  baseURL: 'https://gateway.example',
  apiKey: 'sk-test',
  imageOrigins: ['https://cdn.gateway.example', 'https://*.cdn.example'],
});
export const middleware = nodeAdapter(handler);
export const served = serve(createGateway(), { port: 0 });
export const isRateLimit = (error: unknown): boolean => RateLimitError.isInstance(error);
export const firstDelta = (chunk: ChatCompletionChunk): string => chunk.choices[0]?.delta.content ?? '';

function Custom() {
  const { messages, send, status } = useChat({ model: 'gpt-4o-mini' });
  const { generate } = useImageGen({ model: 'dall-e-3' });
  const { imagine, progress } = useMidjourneyTask();
  return (
    <div data-status={status} data-progress={progress}>
      {messages.map((m) => <p key={m.id}>{m.content}</p>)}
      <button type="button" onClick={() => void send('Hi')}>send</button>
      <button type="button" onClick={() => void generate({ prompt: 'a fox' })}>image</button>
      <button type="button" onClick={() => void imagine({ prompt: 'a fox' })}>imagine</button>
    </div>
  );
}

export const App = () => (
  <AitreProvider client={client} imageProxy="/api/aitre/image">
    <Chat defaultModel="gpt-4o-mini" />
    <ImageStudio />
    <MidjourneyStudio />
    <Custom />
  </AitreProvider>
);
`;

/** Packs, installs and uses every package; exits non-zero on any problem. */
function main(): void {
  const started = performance.now();
  const problems: string[] = [];
  const app = mkdtempSync(join(tmpdir(), 'aitre-pack-'));
  try {
    const tarballs = join(app, 'tarballs');
    mkdirSync(tarballs);
    for (const name of PACKAGES) {
      execFileSync('pnpm', ['pack', '--pack-destination', tarballs], {
        cwd: join(root, 'packages', name),
        stdio: 'ignore',
      });
    }
    for (const tarball of readdirSync(tarballs)) {
      const file = join(tarballs, tarball);
      const listed = execFileSync('tar', ['tzf', file], { encoding: 'utf8' }).split('\n');
      for (const path of listed) {
        if (NOT_SHIPPED.test(path)) problems.push(`${tarball} ships ${path}`);
      }
      // aitre-mock-gateway-0.1.0.tgz -> node_modules/@aitre/mock-gateway
      const name = tarball.replace(/^aitre-/, '').replace(/-\d+\.\d+\.\d+.*\.tgz$/, '');
      const into = join(app, 'node_modules', '@aitre', name);
      mkdirSync(into, { recursive: true });
      execFileSync('tar', ['xzf', file, '-C', into, '--strip-components=1']);
    }
    for (const [name, from] of FROM_WORKSPACE) {
      const link = join(app, 'node_modules', name as string);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(root, from as string), link, 'dir');
    }
    writeFileSync(join(app, 'package.json'), JSON.stringify({ type: 'module', private: true }));

    // 1. Runtime, in plain Node: nothing but the published files and the exports maps.
    writeFileSync(join(app, 'smoke.mjs'), SMOKE);
    try {
      execFileSync(process.execPath, ['smoke.mjs'], { cwd: app, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      problems.push(
        `plain Node use of the packed packages failed:\n${stdout ?? ''}${stderr ?? ''}`,
      );
    }

    // 2. Types, as an app compiles them.
    writeFileSync(join(app, 'app.tsx'), APP);
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    for (const [module, resolution] of [
      ['NodeNext', 'NodeNext'],
      ['ESNext', 'Bundler'],
    ]) {
      const config = `tsconfig.${resolution}.json`;
      writeFileSync(
        join(app, config),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            lib: ['ES2022', 'DOM', 'DOM.Iterable', 'DOM.AsyncIterable'],
            module,
            moduleResolution: resolution,
            jsx: 'react-jsx',
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: ['node'],
          },
          files: ['app.tsx'],
        }),
      );
      try {
        execFileSync(process.execPath, [tsc, '-p', config], { cwd: app, encoding: 'utf8' });
      } catch (error) {
        const { stdout } = error as { stdout?: string };
        problems.push(`tsc with ${resolution} resolution failed:\n${stdout ?? String(error)}`);
      }
    }
  } finally {
    rmSync(app, { recursive: true, force: true });
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`pack:check: ${problem}`);
    console.error(`pack:check: ${problems.length} problems (${seconds} s)`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `pack:check: ${PACKAGES.length} packed packages work in an app outside the workspace: plain Node, SSR, NodeNext and Bundler types (${seconds} s)`,
  );
}

main();
