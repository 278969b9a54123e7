import type { StorybookConfig } from '@storybook/react-vite';
import { defaultClientConditions } from 'vite';

// Storybook reads its configuration from a default export.
const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../packages/ui/src/**/*.stories.tsx'],
  core: { disableTelemetry: true },
  // Workspace packages resolve to their sources (the `source` export condition): no build first.
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    resolve: {
      ...viteConfig.resolve,
      conditions: ['source', ...defaultClientConditions],
    },
  }),
};

export default config;
