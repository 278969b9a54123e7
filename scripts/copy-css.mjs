// Copies the one stylesheet of @aitre/ui into dist, where its `exports` map points.
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync('dist', { recursive: true });
copyFileSync('src/styles.css', 'dist/styles.css');
