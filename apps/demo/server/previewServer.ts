import { once } from 'node:events';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { createDemoGateway, type DemoGateway } from './demoGateway.js';
import { DIST_DIR } from './ensureBuilt.js';
import { gatewayMiddleware } from './gatewayMiddleware.js';

/** Options of {@link startPreviewServer}. */
export interface PreviewServerOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** The built page (default apps/demo/dist). */
  distDir?: string;
  /** The same-origin gateway (default: mock, or the proxy when the environment says so). */
  gateway?: DemoGateway;
}

/** A running preview server. */
export interface PreviewServer {
  /** Base URL, e.g. `http://127.0.0.1:4173`. */
  url: string;
  /** The gateway it serves. */
  gateway: DemoGateway;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Serves the built demo plus its gateway on node:http. */
export async function startPreviewServer(
  options: PreviewServerOptions = {},
): Promise<PreviewServer> {
  const root = options.distDir ?? DIST_DIR;
  const host = options.host ?? '127.0.0.1';
  const gateway = options.gateway ?? createDemoGateway();
  const api = gatewayMiddleware(gateway);

  const server = createServer((req, res) => {
    api(req, res, () => {
      void serveStatic(root, req.method ?? 'GET', req.url ?? '/').then(
        ({ status, type, body, immutable }) => {
          res.writeHead(status, {
            'content-type': type,
            'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
            'x-content-type-options': 'nosniff',
          });
          res.end(req.method === 'HEAD' ? undefined : body);
        },
      );
    });
  });
  server.listen(options.port ?? 0, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    gateway,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

interface StaticAnswer {
  status: number;
  type: string;
  body: Buffer | string;
  immutable: boolean;
}

/** A file of the build, or index.html for page routes (a single-page app). */
async function serveStatic(root: string, method: string, url: string): Promise<StaticAnswer> {
  if (method !== 'GET' && method !== 'HEAD') {
    return { status: 405, type: 'text/plain', body: 'method not allowed', immutable: false };
  }
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return { status: 400, type: 'text/plain', body: 'bad request', immutable: false };
  }
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
    return { status: 404, type: 'text/plain', body: 'not found', immutable: false };
  }
  const found = await stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
  if (found) {
    return {
      status: 200,
      type: TYPES[extname(file)] ?? 'application/octet-stream',
      body: await readFile(file),
      immutable: path.startsWith('/assets/'),
    };
  }
  // Missing assets are real 404s; anything else is a page route.
  if (extname(path) !== '') {
    return { status: 404, type: 'text/plain', body: 'not found', immutable: false };
  }
  return {
    status: 200,
    type: TYPES['.html'] as string,
    body: await readFile(join(root, 'index.html')),
    immutable: false,
  };
}
