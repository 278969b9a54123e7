import { createGateway } from '@aitre/mock-gateway';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { RateLimitError } from '../errors.js';
import { type ChatClient, createChatClient } from './createChatClient.js';
import type { AitreClient } from './createClient.js';

const API_KEY = 'sk-chat-only';
const user = (content: string) => [{ role: 'user' as const, content }];

function chatClient(maxRetries?: number): ChatClient {
  const gateway = createGateway({ apiKey: API_KEY, tokenDelayMs: 0, retryAfterMs: 5 });
  return createChatClient({
    baseURL: 'http://mock.gateway/v1/',
    apiKey: API_KEY,
    fetch: gateway.fetch,
    ...(maxRetries === undefined ? {} : { maxRetries }),
  });
}

describe('createChatClient', () => {
  it('has only the chat and model areas, and a full client can stand in for it', () => {
    const client = chatClient();
    expect(Object.keys(client).sort()).toEqual(['baseURL', 'chat', 'models']);
    expect(client.baseURL).toBe('http://mock.gateway');
    expectTypeOf<AitreClient>().toExtend<ChatClient>();
  });

  it('streams a chat answer and aggregates it', async () => {
    const stream = await chatClient().chat.completions.create({
      model: 'gpt-4o-mini',
      stream: true,
      messages: user('Hello there'),
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    const message = await stream.finalMessage();
    expect(text).not.toBe('');
    expect(message.content).toBe(text);
    expect(message.incomplete).toBe(false);
  });

  it('answers a non-streaming chat call and lists models', async () => {
    const client = chatClient();
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: user('Hi'),
    });
    expect(completion.choices[0]?.message.content).toEqual(expect.any(String));
    const models = await client.models.list();
    expect(models.map((model) => model.id)).toContain('gpt-4o-mini');
  });

  it('retries a 429 like createClient and types the final failure', async () => {
    const client = chatClient(1);
    const ok = await client.chat.completions.create(
      { model: 'gpt-4o-mini', messages: user('Hi') },
      { headers: { 'x-mock-fault': '429:1' } },
    );
    expect(ok.choices).toHaveLength(1);
    const failure = await client.chat.completions
      .create(
        { model: 'gpt-4o-mini', messages: user('Hi') },
        { headers: { 'x-mock-fault': '429' } },
      )
      .catch((error: unknown) => error);
    expect(RateLimitError.isInstance(failure)).toBe(true);
  });
});
