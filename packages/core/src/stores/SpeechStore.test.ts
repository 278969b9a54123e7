import { createGateway } from '@aitre/mock-gateway';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../client/index.js';
import { SpeechStore } from './SpeechStore.js';

function setup() {
  const gateway = createGateway();
  let requests = 0;
  const client = createClient({
    baseURL: 'http://127.0.0.1:8787',
    fetch: (input, init) => {
      requests += 1;
      return gateway.fetch(input, init);
    },
  });
  return { client, requests: () => requests };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('SpeechStore', () => {
  it('synthesizes audio into a blob and an object URL, revoked when replaced and disposed', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const { client } = setup();
    const store = new SpeechStore(client, { model: 'tts-1', voice: 'alloy' });
    const url = await store.speak('Hello there');
    const snapshot = store.getSnapshot();
    expect(snapshot.status).toBe('success');
    expect(snapshot.audioUrl).toBe(url);
    expect(url).toMatch(/^blob:/);
    expect(snapshot.blob?.size).toBeGreaterThan(0);
    expect(snapshot.blob?.type).toMatch(/^audio\//);
    const second = await store.speak('Hello again');
    expect(revoke).toHaveBeenCalledWith(url);
    store.dispose();
    expect(revoke).toHaveBeenCalledWith(second);
    expect(store.getSnapshot()).toMatchObject({ status: 'idle', audioUrl: undefined });
  });

  it('rejects input over 4096 characters and empty input before any request', async () => {
    const { client, requests } = setup();
    const store = new SpeechStore(client);
    await store.speak('x'.repeat(4097));
    expect(store.getSnapshot().error).toMatchObject({
      kind: 'validation',
      code: 'tts_input_too_long',
    });
    await store.speak('   ');
    expect(store.getSnapshot().error).toMatchObject({ code: 'input_empty' });
    expect(store.getSnapshot().status).toBe('error');
    expect(requests()).toBe(0);
  });
});
