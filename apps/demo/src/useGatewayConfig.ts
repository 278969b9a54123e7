import { useEffect, useState } from 'react';

/** The gateway the demo server talks to, as served on /__aitre/config (never the key). */
export type GatewayConfig =
  | { mode: 'mock' }
  | { mode: 'proxy'; baseURL: string; imageProxy?: string };

/** Loads the server's gateway description once; undefined until it arrives. */
export function useGatewayConfig(): GatewayConfig | undefined {
  const [config, setConfig] = useState<GatewayConfig>();
  useEffect(() => {
    const controller = new AbortController();
    fetch('/__aitre/config', { signal: controller.signal })
      .then((response) => response.json() as Promise<GatewayConfig>)
      .then(setConfig, () => {
        // Without the endpoint (a plain static host) the page can only be using the mock.
        if (!controller.signal.aborted) setConfig({ mode: 'mock' });
      });
    return () => controller.abort();
  }, []);
  return config;
}
