// `pnpm dev`: the Vite dev server on 127.0.0.1 with the gateway mounted. Run with
// `tsx --conditions=source`: the config is imported natively (not bundled by Vite) so the server
// side uses the workspace packages' sources, like the page does.
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { APP_DIR } from './ensureBuilt.js';

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, host: { type: 'string' } },
});
const port = values.port ?? process.env.PORT;
const server = await createServer({
  root: APP_DIR,
  configLoader: 'native',
  server: {
    host: values.host ?? '127.0.0.1',
    ...(port !== undefined && { port: Number(port), strictPort: true }),
  },
});
await server.listen();
server.printUrls();
