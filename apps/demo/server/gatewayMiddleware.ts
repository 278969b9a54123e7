import type { IncomingMessage, ServerResponse } from 'node:http';
import { nodeAdapter } from '@aitre/core/server';
import { CONFIG_PATH, type DemoGateway } from './demoGateway.js';

/** A connect-style middleware (Vite's servers, or node:http with a fallback as `next`). */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Serves the demo gateway's paths on node:http (bodies streamed both ways), passing on the rest. */
export function gatewayMiddleware(gateway: DemoGateway): Middleware {
  const serve = nodeAdapter(gateway.handle);
  // Given the createProxy() handler itself, nodeAdapter forwards over node:http, not fetch.
  const forward = gateway.proxy && nodeAdapter(gateway.proxy);
  return (req, res, next) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!gateway.matches(path)) next();
    else if (forward && path !== CONFIG_PATH) void forward(req, res);
    else void serve(req, res);
  };
}
