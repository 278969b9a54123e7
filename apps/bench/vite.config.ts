import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built by `pnpm bench` (scripts/bench/render.ts), not by `pnpm build`: the workspace packages
// come from their TypeScript sources, like apps/demo.
const uiStyles = fileURLToPath(new URL('../../packages/ui/src/styles.css', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    conditions: ['source', 'module', 'browser', 'development|production'],
    alias: [
      { find: /^@aitre\/ui\/styles\.css$/, replacement: uiStyles },
      // The production build without <Profiler> timings: the profiling build is the same code
      // with onRender kept, so commits can be counted at production speed.
      { find: /^react-dom\/client$/, replacement: 'react-dom/profiling' },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4096,
  },
});
