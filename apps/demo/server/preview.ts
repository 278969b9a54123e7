// `pnpm preview`: builds the demo if dist/ is missing, then serves it with the gateway.
import { parseArgs } from 'node:util';
import { ensureBuilt } from './ensureBuilt.js';
import { startPreviewServer } from './previewServer.js';

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, host: { type: 'string' } },
});
const port = Number(values.port ?? process.env.PORT ?? 0);
if (!Number.isInteger(port) || port < 0) {
  process.stderr.write('preview: --port must be a port number\n');
  process.exit(2);
}

await ensureBuilt();
const server = await startPreviewServer({ port, host: values.host ?? '127.0.0.1' });
const { config } = server.gateway;
const via = config.mode === 'proxy' ? `proxy to ${config.baseURL}` : 'mock gateway';
process.stdout.write(`AITRE demo (${via}) at ${server.url}/\n`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
