import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { mockGatewayPlugin } from './server/mockGatewayPlugin.js';

// The workspace packages are used from their TypeScript sources (the `source` export
// condition), in dev and in the production build, so nothing needs building first.
const uiStyles = fileURLToPath(new URL('../../packages/ui/src/styles.css', import.meta.url));

export default defineConfig({
  plugins: [react(), mockGatewayPlugin()],
  resolve: {
    conditions: ['source', 'module', 'browser', 'development|production'],
    // The stylesheet export has no `source` condition: point it at the source file.
    alias: [{ find: /^@aitre\/ui\/styles\.css$/, replacement: uiStyles }],
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
