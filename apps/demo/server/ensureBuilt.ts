import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The demo package folder. */
export const APP_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Where `vite build` writes the static page. */
export const DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));

/** Builds the page with Vite unless dist/index.html exists (or `force`). */
export async function ensureBuilt(options: { force?: boolean } = {}): Promise<void> {
  if (!options.force && existsSync(`${DIST_DIR}/index.html`)) return;
  const { build } = await import('vite');
  await build({ root: APP_DIR, logLevel: 'warn' });
}
