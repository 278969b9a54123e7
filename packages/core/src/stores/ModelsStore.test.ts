import { createGateway } from '@aitre/mock-gateway';
import { describe, expect, it } from 'vitest';
import { createClient } from '../client/index.js';
import { modelsStoreFor } from './ModelsStore.js';

function setup() {
  const gateway = createGateway();
  const client = createClient({ baseURL: 'http://127.0.0.1:8787', fetch: gateway.fetch });
  const listings = () => gateway.requests.filter((r) => r.path.endsWith('/v1/models')).length;
  return { client, listings };
}

describe('ModelsStore', () => {
  it('loads and groups the model list once per client', async () => {
    const { client, listings } = setup();
    const store = modelsStoreFor(client);
    expect(modelsStoreFor(client)).toBe(store);
    const [a, b] = await Promise.all([store.load(), modelsStoreFor(client).load()]);
    expect(a).toBe(b);
    expect(listings()).toBe(1);
    const { status, models, groups } = store.getSnapshot();
    expect(status).toBe('success');
    expect(models.length).toBeGreaterThan(0);
    expect(groups.chat.length).toBeGreaterThan(0);
    const grouped = Object.values(groups).reduce((n, list) => n + list.length, 0);
    expect(grouped).toBe(models.length);
    await store.load();
    expect(listings()).toBe(1);
    await store.load({ force: true });
    expect(listings()).toBe(2);
  });

  it('keeps separate caches for separate clients', () => {
    expect(modelsStoreFor(setup().client)).not.toBe(modelsStoreFor(setup().client));
  });
});
