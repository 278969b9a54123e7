// `pnpm build`: the static page in dist/ (run with `tsx --conditions=source`, see buildDemo).
import { buildDemo } from './ensureBuilt.js';

await buildDemo({ quiet: process.argv.includes('--quiet') });
