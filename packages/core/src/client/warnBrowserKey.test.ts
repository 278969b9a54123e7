import { afterEach, describe, expect, it, vi } from 'vitest';

const globals = globalThis as Record<string, unknown>;

describe('warnBrowserKey', () => {
  afterEach(() => {
    delete globals.window;
    delete globals.document;
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('warns once when a key is passed in a browser during development', async () => {
    globals.window = {};
    globals.document = {};
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { createClient } = await import('./createClient.js');
    createClient({ baseURL: 'https://gw.example', apiKey: 'sk-1' });
    createClient({ baseURL: 'https://gw.example', apiKey: 'sk-2' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/createProxy/);
  });

  it('stays quiet on a server and without a key', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { createClient } = await import('./createClient.js');
    createClient({ baseURL: 'https://gw.example', apiKey: 'sk-1' });
    globals.window = {};
    globals.document = {};
    createClient({ baseURL: 'https://gw.example' });
    expect(warn).not.toHaveBeenCalled();
  });

  it('stays quiet in a production build', async () => {
    globals.window = {};
    globals.document = {};
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { createChatClient } = await import('./createChatClient.js');
    createChatClient({ baseURL: 'https://gw.example', apiKey: 'sk-1' });
    vi.unstubAllEnvs();
    expect(warn).not.toHaveBeenCalled();
  });
});
