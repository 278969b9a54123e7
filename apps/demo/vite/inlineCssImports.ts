import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const IMPORT_LINE = /^@import\s+["'](\.[^"']+)["'];?\s*$/gm;

/**
 * Inlines relative `@import` lines of the stylesheets matched by `filter`, in place, as the
 * @aitre/ui build does for dist/styles.css: its source appends component stylesheets with
 * `@import` after the rules, which CSS itself (and so Vite) would ignore.
 */
export function inlineCssImports(filter: RegExp): Plugin {
  return {
    name: 'aitre-inline-css-imports',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!filter.test(file)) return undefined;
      const inline = (css: string, from: string, seen: Set<string>): string =>
        css.replace(IMPORT_LINE, (_, rel: string) => {
          const path = join(dirname(from), rel);
          if (seen.has(path)) throw new Error(`CSS import cycle at ${path}`);
          this.addWatchFile(path);
          return inline(readFileSync(path, 'utf8'), path, new Set(seen).add(path));
        });
      return { code: inline(code, file, new Set([file])), map: null };
    },
  };
}
