import { createGateway } from '@aitre/mock-gateway';
import { describe, expect, it } from 'vitest';
import {
  withAudio,
  withCompletions,
  withEmbeddings,
  withImages,
  withMidjourney,
} from './clientAreas.js';
import { createChatClient } from './createChatClient.js';
import { createClient } from './createClient.js';

const chatClient = () => {
  const gateway = createGateway({ tokenDelayMs: 0 });
  return createChatClient({ baseURL: 'http://127.0.0.1', fetch: gateway.fetch });
};

describe('adding areas to a chat client', () => {
  it('adds each area once, on the client itself, working against the gateway', async () => {
    const client = chatClient();
    expect(Object.keys(client).sort()).toEqual(['baseURL', 'chat', 'models']);

    const withVectors = withEmbeddings(client);
    expect(withVectors).toBe(client);
    const area = withVectors.embeddings;
    expect(withEmbeddings(client).embeddings).toBe(area);
    const result = await withVectors.embeddings.create({
      model: 'text-embedding-3-small',
      input: ['你好', 'hello'],
      dimensions: 8,
    });
    expect(result.vectors).toHaveLength(2);
    expect(result.vectors[0]).toBeInstanceOf(Float32Array);
    expect(result.vectors[0]).toHaveLength(8);

    const completion = await withCompletions(client).completions.create({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Say hi',
    });
    expect(completion.choices[0]?.text.length).toBeGreaterThan(0);

    const submitted = await withMidjourney(client).midjourney.imagine({ prompt: 'a red fox' });
    expect(submitted.taskId).toMatch(/\S/);

    const speech = await withAudio(client).audio.speech({
      model: 'tts-1',
      voice: 'alloy',
      input: 'hello',
    });
    expect((await speech.arrayBuffer()).byteLength).toBeGreaterThan(44);

    const images = await withImages(client).images.generate({
      model: 'dall-e-3',
      prompt: 'a red fox',
    });
    expect(images.data).toHaveLength(1);
    expect(Object.keys(client).sort()).toEqual([
      'audio',
      'baseURL',
      'chat',
      'completions',
      'embeddings',
      'images',
      'midjourney',
      'models',
    ]);
  });

  it('keeps the areas a full client already has', () => {
    const client = createClient({ baseURL: 'http://127.0.0.1' });
    const images = client.images;
    expect(withImages(client).images).toBe(images);
  });

  it('works on a spread copy of a client, and names the fix for one made by hand', () => {
    const client = chatClient();
    const copy = { ...client };
    expect(withImages(copy).images).toBeDefined();
    expect('images' in client).toBe(false);
    const byHand = { baseURL: client.baseURL, chat: client.chat, models: client.models };
    expect(() => withImages(byHand)).toThrow(/no `images` API.*createChatClient\(\)/);
    expect('images' in byHand).toBe(false);
  });
});
