import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

// Tests run on the sources of every workspace package: no build step needed first.
const alias = [
  { find: /^@aitre\/core\/server$/, replacement: src('core/src/server/index.ts') },
  { find: /^@aitre\/core$/, replacement: src('core/src/index.ts') },
  { find: /^@aitre\/mock-gateway\/node$/, replacement: src('mock-gateway/src/node.ts') },
  { find: /^@aitre\/mock-gateway$/, replacement: src('mock-gateway/src/index.ts') },
  { find: /^@aitre\/react$/, replacement: src('react/src/index.ts') },
  { find: /^@aitre\/ui$/, replacement: src('ui/src/index.ts') },
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'core', environment: 'node', include: ['packages/core/src/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'mock-gateway',
          environment: 'node',
          include: ['packages/mock-gateway/src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'react',
          environment: 'jsdom',
          include: ['packages/react/src/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['packages/ui/src/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
