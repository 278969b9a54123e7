import { createGateway } from '@aitre/mock-gateway';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../client/index.js';
import { ImageStore } from './ImageStore.js';

function setup() {
  const gateway = createGateway({ fileUrls: 'data' });
  const client = createClient({ baseURL: 'http://127.0.0.1:8787', fetch: gateway.fetch });
  return { gateway, client };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ImageStore', () => {
  it('turns b64 results into object URLs and keeps a history', async () => {
    const { client } = setup();
    const store = new ImageStore(client, { model: 'gpt-image-1' });
    const pending = store.generate({ prompt: 'a red fox', n: 2 });
    expect(store.getSnapshot().status).toBe('generating');
    const generation = await pending;
    const snapshot = store.getSnapshot();
    expect(snapshot.status).toBe('success');
    expect(snapshot.images).toHaveLength(2);
    for (const image of snapshot.images) {
      expect(image.url).toMatch(/^blob:/);
      expect(image.objectUrl).toBe(true);
    }
    expect(snapshot.history).toEqual([generation]);
    expect(generation).toMatchObject({
      kind: 'generate',
      prompt: 'a red fox',
      model: 'gpt-image-1',
    });
    store.dispose();
  });

  it('keeps the bytes of b64 results as a Blob of the output format', async () => {
    const { client } = setup();
    const store = new ImageStore(client, { model: 'gpt-image-1' });
    const generation = await store.generate({ prompt: 'a red fox', output_format: 'webp' });
    const blob = generation?.images[0]?.blob;
    expect(blob?.type).toBe('image/webp');
    expect(blob?.size).toBeGreaterThan(0);
    store.dispose();
  });

  it('revokes object URLs when a generation is replaced, cleared or disposed', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const { client } = setup();
    const store = new ImageStore(client, { model: 'gpt-image-1', historyLimit: 1 });
    await store.generate({ prompt: 'first' });
    const first = store.getSnapshot().images[0]?.url;
    await store.generate({ prompt: 'second' });
    expect(revoke).toHaveBeenCalledWith(first);
    const second = store.getSnapshot().images[0]?.url;
    expect(second).not.toBe(first);
    store.clear();
    expect(revoke).toHaveBeenCalledWith(second);
    expect(store.getSnapshot()).toMatchObject({ images: [], history: [], status: 'idle' });
    await store.generate({ prompt: 'third' });
    const third = store.getSnapshot().images[0]?.url;
    store.dispose();
    expect(revoke).toHaveBeenCalledWith(third);
    expect(revoke).toHaveBeenCalledTimes(3);
  });

  it('keeps URLs of older generations while they stay in the history', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const { client } = setup();
    const store = new ImageStore(client, { model: 'gpt-image-1', historyLimit: 3 });
    await store.generate({ prompt: 'one' });
    await store.generate({ prompt: 'two' });
    expect(store.getSnapshot().history.map((g) => g.prompt)).toEqual(['two', 'one']);
    expect(revoke).not.toHaveBeenCalled();
    const older = store.getSnapshot().history[1];
    store.remove(older!.id);
    expect(revoke).toHaveBeenCalledWith(older?.images[0]?.url);
    store.dispose();
  });

  it('edits an image into a new generation of kind edit', async () => {
    const { client } = setup();
    const store = new ImageStore(client, { model: 'gpt-image-1' });
    const source = new File([new Uint8Array(64)], 'photo.png', { type: 'image/png' });
    const generation = await store.edit({ image: source, prompt: 'add a hat' });
    expect(store.getSnapshot().error).toBeUndefined();
    expect(generation).toMatchObject({ kind: 'edit', prompt: 'add a hat' });
    expect(store.getSnapshot().images.length).toBeGreaterThan(0);
    store.dispose();
  });

  it('reports validation errors before any request', async () => {
    const gateway = createGateway();
    let requests = 0;
    const client = createClient({
      baseURL: 'http://127.0.0.1:8787',
      fetch: (input, init) => {
        requests += 1;
        return gateway.fetch(input, init);
      },
    });
    const store = new ImageStore(client, { model: 'dall-e-3' });
    await store.generate({ prompt: '' });
    expect(store.getSnapshot().error).toMatchObject({ kind: 'validation', code: 'prompt_empty' });
    await store.generate({ prompt: 'two foxes', n: 2 });
    expect(store.getSnapshot().error).toMatchObject({ kind: 'validation', code: 'dalle3_n' });
    expect(store.getSnapshot().status).toBe('error');
    expect(requests).toBe(0);
  });

  it('cancel aborts the request and keeps the previous images', async () => {
    const { client } = setup();
    const store = new ImageStore(client, { model: 'gpt-image-1' });
    await store.generate({ prompt: 'kept' });
    const kept = store.getSnapshot().images;
    const pending = store.generate({ prompt: 'dropped' });
    store.cancel();
    expect(await pending).toBeUndefined();
    expect(store.getSnapshot()).toMatchObject({ status: 'success', images: kept });
    store.dispose();
  });
});
