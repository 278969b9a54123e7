import { createProxy, type ProxyHandler } from '@aitre/core/server';
import { createGateway, type GatewayOptions } from '@aitre/mock-gateway';

/** What the settings panel may know about the gateway: never the key. */
export type DemoConfig = { mode: 'mock' } | { mode: 'proxy'; baseURL: string; imageProxy: string };

/** Where the proxy serves images from the listed origins (see `createProxy({ imageOrigins })`). */
export const IMAGE_PATH = '/image';

/** Options of {@link createDemoGateway}; both `baseURL` and `apiKey` select the proxy. */
export interface DemoGatewayOptions {
  /** Real gateway root; with `apiKey`, requests are proxied there. */
  baseURL?: string | undefined;
  /** Real gateway key, added server-side by the proxy. */
  apiKey?: string | undefined;
  /**
   * Origins the proxy may fetch images from, besides the gateway's own (env
   * `AITRE_IMAGE_ORIGINS`, comma-separated, e.g. a CDN the gateway's image URLs point to).
   */
  imageOrigins?: readonly string[] | undefined;
  /** Options of the mock gateway used when no real one is configured. */
  mock?: GatewayOptions;
}

/** The demo's same-origin gateway: a web-standard handler plus what it serves. */
export interface DemoGateway {
  /** Public description, served as JSON on {@link CONFIG_PATH}. */
  config: DemoConfig;
  /** Whether a request path belongs to the gateway (or to the config endpoint). */
  matches(path: string): boolean;
  /** Answers a matching request. */
  handle(request: Request): Promise<Response>;
  /**
   * In proxy mode, the `createProxy()` handler behind `handle`, so a Node server can mount it
   * with `nodeAdapter` directly and forward over node:http instead of fetch.
   */
  proxy?: ProxyHandler;
}

/** The JSON endpoint the page reads its gateway description from. */
export const CONFIG_PATH = '/__aitre/config';

// The gateway API, the MidJourney relay (plain and with a speed prefix) and the mock's files.
const GATEWAY_PATH = /^\/(?:v1|mj|mj-(?:fast|relax|turbo)\/mj|files)(?:\/|$)/;

/**
 * The mock gateway, or a proxy to the real one when `AITRE_BASE_URL` and `AITRE_API_KEY` are
 * set (or passed): the key stays in this process and is never part of any answer.
 */
export function createDemoGateway(
  options: DemoGatewayOptions = {
    baseURL: process.env.AITRE_BASE_URL,
    apiKey: process.env.AITRE_API_KEY,
    imageOrigins: process.env.AITRE_IMAGE_ORIGINS?.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    mock: mockOptionsFromEnv(),
  },
): DemoGateway {
  const { baseURL, apiKey } = options;
  let config: DemoConfig;
  let upstream: ProxyHandler;
  let proxy: ProxyHandler | undefined;
  let imagePath = false;
  if (baseURL && apiKey) {
    config = { mode: 'proxy', baseURL: publicURL(baseURL), imageProxy: IMAGE_PATH };
    // The gateway's own file URLs and any listed CDN: their images reach the page through here.
    const imageOrigins = [...new Set([originOf(baseURL), ...(options.imageOrigins ?? [])])];
    proxy = createProxy({ baseURL, apiKey, imageOrigins: imageOrigins.filter(Boolean) });
    upstream = proxy;
    imagePath = true;
  } else {
    config = { mode: 'mock' };
    const gateway = createGateway(options.mock);
    upstream = (request) => gateway.fetch(request);
  }
  const configBody = JSON.stringify(config);
  return {
    config,
    ...(proxy && { proxy }),
    matches: (path) =>
      path === CONFIG_PATH || GATEWAY_PATH.test(path) || (imagePath && path === IMAGE_PATH),
    handle: (request) => {
      if (new URL(request.url).pathname === CONFIG_PATH) {
        return Promise.resolve(
          new Response(configBody, {
            headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
          }),
        );
      }
      return upstream(request);
    },
  };
}

/** The origin of a URL, or '' when it does not parse. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/** The gateway URL without credentials, query or fragment, for display. */
function publicURL(baseURL: string): string {
  try {
    const url = new URL(baseURL);
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  } catch {
    return '(invalid AITRE_BASE_URL)';
  }
}

/** Mock pacing from the environment (`AITRE_MOCK_MJ_STEP_MS`), e.g. for quicker demos. */
function mockOptionsFromEnv(): GatewayOptions {
  const step = Number(process.env.AITRE_MOCK_MJ_STEP_MS);
  return Number.isFinite(step) && step > 0 ? { mj: { stepMs: step } } : {};
}
