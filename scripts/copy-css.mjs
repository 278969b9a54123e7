// Builds the one stylesheet of @aitre/ui: src/styles.css with every relative `@import` inlined
// (component folders keep their own CSS files), written to dist/styles.css where `exports` points.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const importLine = /^@import\s+["'](\.[^"']+)["'];?\s*$/gm;

function inline(file, seen = new Set()) {
  if (seen.has(file)) throw new Error(`CSS import cycle at ${file}`);
  seen.add(file);
  const css = readFileSync(file, 'utf8');
  return css.replace(importLine, (_, rel) => inline(join(dirname(file), rel), seen));
}

mkdirSync('dist', { recursive: true });
writeFileSync('dist/styles.css', inline('src/styles.css'));
