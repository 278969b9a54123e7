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

  describe('with fetchImage', () => {
    // URL answers served by the gateway itself, fetched the way an app's image route would.
    function urlSetup() {
      const gateway = createGateway({ fileUrls: 'gateway' });
      const client = createClient({ baseURL: 'http://127.0.0.1:8787', fetch: gateway.fetch });
      const fetched: string[] = [];
      const fetchImage = async (url: string, signal: AbortSignal) => {
        fetched.push(url);
        const response = await gateway.fetch(url, { signal });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.blob();
      };
      return { client, fetched, fetchImage };
    }

    it('turns URL answers into blobs and object URLs, keeping the gateway URL', async () => {
      const { client, fetched, fetchImage } = urlSetup();
      const store = new ImageStore(client, { model: 'dall-e-3', fetchImage });
      const generation = await store.generate({ prompt: 'a red fox', response_format: 'url' });
      const source = generation?.images[0]?.url ?? '';
      expect(source).toMatch(/^http:\/\/127\.0\.0\.1:8787\//);
      await vi.waitFor(() => expect(store.getSnapshot().images[0]?.blob).toBeDefined());
      const [image] = store.getSnapshot().images;
      expect(image).toMatchObject({ objectUrl: true, sourceUrl: source });
      expect(image?.url).toMatch(/^blob:/);
      expect(image?.blob?.type).toBe('image/png');
      expect(store.getSnapshot().history[0]?.images[0]).toBe(image);
      expect(fetched).toEqual([source]);
      store.dispose();
    });

    it('leaves the URL as it came when the fetch fails', async () => {
      const { client } = urlSetup();
      const fetchImage = vi.fn(async () => {
        throw new Error('blocked');
      });
      const store = new ImageStore(client, { model: 'dall-e-3', fetchImage });
      const generation = await store.generate({ prompt: 'a red fox', response_format: 'url' });
      await vi.waitFor(() => expect(fetchImage).toHaveBeenCalledTimes(1));
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(store.getSnapshot().images).toEqual(generation?.images);
      expect(store.getSnapshot().images[0]?.blob).toBeUndefined();
      store.dispose();
    });

    it('drops a fetch that lands after the generation was cleared, revoking its URL', async () => {
      const { client, fetchImage } = urlSetup();
      const revoke = vi.spyOn(URL, 'revokeObjectURL');
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let seen: AbortSignal | undefined;
      const slow = async (url: string, signal: AbortSignal) => {
        seen = signal;
        await gate;
        return fetchImage(url, new AbortController().signal);
      };
      const store = new ImageStore(client, { model: 'dall-e-3', fetchImage: slow });
      await store.generate({ prompt: 'a red fox', response_format: 'url' });
      store.clear();
      expect(seen?.aborted).toBe(true);
      release();
      await vi.waitFor(() => expect(revoke).toHaveBeenCalled());
      expect(store.getSnapshot().history).toEqual([]);
      store.dispose();
    });

    it('does not fetch images that came as bytes', async () => {
      const { client } = setup();
      const fetchImage = vi.fn(async () => new Blob());
      const store = new ImageStore(client, { model: 'gpt-image-1', fetchImage });
      await store.generate({ prompt: 'a red fox' });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(fetchImage).not.toHaveBeenCalled();
      store.dispose();
    });
  });
});
