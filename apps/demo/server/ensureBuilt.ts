import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The demo package folder. */
export const APP_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Where `vite build` writes the static page. */
export const DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));

/**
 * Builds the page with Vite into `outDir` (default dist/). The config is imported natively, so
 * under `tsx --conditions=source` the workspace packages need no build first.
 */
export async function buildDemo(options: { outDir?: string; quiet?: boolean } = {}): Promise<void> {
  const { build } = await import('vite');
  await build({
    root: APP_DIR,
    configLoader: 'native',
    logLevel: options.quiet ? 'warn' : 'info',
    ...(options.outDir !== undefined && { build: { outDir: options.outDir } }),
  });
}

/** Builds the page unless dist/index.html exists. */
export async function ensureBuilt(): Promise<void> {
  if (!existsSync(`${DIST_DIR}/index.html`)) await buildDemo({ quiet: true });
}
