import type { Plugin } from 'vite';
import { createDemoGateway, type DemoGatewayOptions } from './demoGateway.js';
import { gatewayMiddleware } from './gatewayMiddleware.js';

/**
 * Mounts the demo gateway (the mock, or the proxy when AITRE_BASE_URL and AITRE_API_KEY are
 * set) on the Vite dev and preview servers, so the page talks to its own origin.
 */
export function mockGatewayPlugin(options?: DemoGatewayOptions): Plugin {
  return {
    name: 'aitre-mock-gateway',
    configureServer(server) {
      const gateway = createDemoGateway(options);
      const { config } = gateway;
      server.config.logger.info(
        `  ➜  Gateway: ${config.mode === 'proxy' ? `proxy to ${config.baseURL}` : 'built-in mock'}`,
      );
      // Registered before Vite's own middlewares so /v1/* never reaches the SPA fallback.
      server.middlewares.use(gatewayMiddleware(gateway));
    },
    configurePreviewServer(server) {
      server.middlewares.use(gatewayMiddleware(createDemoGateway(options)));
    },
  };
}
