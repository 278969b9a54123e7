import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from './index.js';
import { type ServedGateway, serve } from './node.js';
import type { MockGateway } from './types.js';

let served: ServedGateway;
let client: OpenAI;

beforeAll(async () => {
  served = await serve(createGateway({ tokenDelayMs: 0, retryAfterMs: 10, apiKey: 'sk-mock' }), {
    port: 0,
  });
  client = new OpenAI({ baseURL: `${served.url}/v1`, apiKey: 'sk-mock', maxRetries: 0 });
});

afterAll(async () => {
  await served.close();
});

describe('the official openai SDK against serve()', () => {
  it('listens on a loopback URL', () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('creates a chat completion', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hello SDK' }],
    });
    expect(completion.choices[0]?.message.content).toContain('Hello SDK');
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('streams a chat completion with usage', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'Stream to the SDK' }],
    });
    let text = '';
    let finish: string | null | undefined;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(text).toContain('Stream to the SDK');
    expect(finish).toBe('stop');
    expect(usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('accumulates a streamed tool call with the SDK stream helper', async () => {
    const runner = client.chat.completions.stream({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Call lookup_order for order 7' }],
      tools: [
        {
          type: 'function',
          function: {
            name: 'lookup_order',
            parameters: {
              type: 'object',
              properties: { id: { type: 'integer' } },
              required: ['id'],
            },
          },
        },
      ],
    });
    const completion = await runner.finalChatCompletion();
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' && call.function.name).toBe('lookup_order');
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('accumulates reasoning and content with the SDK stream helper', async () => {
    const runner = client.chat.completions.stream({
      model: 'deepseek-reasoner',
      messages: [{ role: 'user', content: 'Think it over' }],
    });
    const completion = await runner.finalChatCompletion();
    expect(completion.choices[0]?.message.content).toContain('Think it over');
  });

  it('surfaces a mid-stream error event as an APIError', async () => {
    const stream = await client.chat.completions.create(
      {
        model: 'gpt-4o-mini',
        stream: true,
        messages: [{ role: 'user', content: 'Break please, mid-way' }],
      },
      { headers: { 'x-mock-fault': 'error-event' } },
    );
    await expect(
      (async () => {
        for await (const _chunk of stream) {
          // consume
        }
      })(),
    ).rejects.toBeInstanceOf(OpenAI.APIError);
  });

  it('sees a dropped connection as a failure of the stream', async () => {
    const stream = await client.chat.completions.create(
      {
        model: 'gpt-4o-mini',
        stream: true,
        messages: [{ role: 'user', content: 'Drop the line after a while' }],
      },
      { headers: { 'x-mock-fault': 'drop' } },
    );
    await expect(
      (async () => {
        for await (const _chunk of stream) {
          // consume
        }
      })(),
    ).rejects.toThrow();
  });

  it('retries a counted 429 and then succeeds', async () => {
    const retrying = new OpenAI({ baseURL: `${served.url}/v1`, apiKey: 'sk-mock', maxRetries: 1 });
    const completion = await retrying.chat.completions.create(
      { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'retry me' }] },
      { headers: { 'x-mock-fault': '429:1' } },
    );
    expect(completion.choices[0]?.finish_reason).toBe('stop');
  });

  it('rejects a wrong key with AuthenticationError', async () => {
    const wrong = new OpenAI({ baseURL: `${served.url}/v1`, apiKey: 'sk-wrong', maxRetries: 0 });
    await expect(wrong.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('creates a legacy completion, streamed and not', async () => {
    const completion = await client.completions.create({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Say hi',
    });
    expect(completion.choices[0]?.text.length).toBeGreaterThan(0);
    const stream = await client.completions.create({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Say hi',
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.text ?? '';
    expect(text).toBe(completion.choices[0]?.text);
  });

  it('creates embeddings as floats and as base64 (the SDK default)', async () => {
    const floats = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: 'hello',
      encoding_format: 'float',
    });
    const decoded = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: 'hello',
    });
    expect(floats.data[0]?.embedding).toHaveLength(1536);
    expect(decoded.data[0]?.embedding).toEqual(floats.data[0]?.embedding);
  });

  it('generates images as URL and as b64_json', async () => {
    const byUrl = await client.images.generate({
      model: 'dall-e-3',
      prompt: 'a red fox',
      size: '1024x1024',
    });
    const url = byUrl.data?.[0]?.url as string;
    expect(url.startsWith(served.url)).toBe(true);
    const file = await fetch(url);
    expect(file.headers.get('content-type')).toBe('image/png');
    const b64 = await client.images.generate({
      model: 'gpt-image-1',
      prompt: 'a red fox',
      quality: 'low',
    });
    expect(b64.data?.[0]?.b64_json?.startsWith('iVBORw0KGgo')).toBe(true);
  });

  it('streams a gpt-image-1 generation', async () => {
    const stream = await client.images.generate({
      model: 'gpt-image-1',
      prompt: 'a kite',
      stream: true,
      partial_images: 1,
    });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types).toEqual(['image_generation.partial_image', 'image_generation.completed']);
  });

  it('creates speech audio', async () => {
    const response = await client.audio.speech.create({
      model: 'tts-1',
      voice: 'alloy',
      input: 'Hello from the SDK',
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('RIFF');
  });

  it('transcribes and translates an uploaded file', async () => {
    const speech = await client.audio.speech.create({
      model: 'tts-1',
      voice: 'alloy',
      input: 'Some words to hear',
      response_format: 'wav',
    });
    const file = new File([await speech.arrayBuffer()], 'speech.wav', { type: 'audio/wav' });
    const transcription = await client.audio.transcriptions.create({ model: 'whisper-1', file });
    expect(transcription.text.length).toBeGreaterThan(0);
    const verbose = await client.audio.transcriptions.create({
      model: 'whisper-1',
      file,
      response_format: 'verbose_json',
      timestamp_granularities: ['word'],
    });
    expect(verbose.words?.length).toBeGreaterThan(0);
    const srt = await client.audio.transcriptions.create({
      model: 'whisper-1',
      file,
      response_format: 'srt',
    });
    expect(srt).toMatch(/^1\n00:00:00,000 --> /);
    const translation = await client.audio.translations.create({ model: 'whisper-1', file });
    expect(translation.text.length).toBeGreaterThan(0);
  });

  it('times out under the timeout fault, as no headers ever come', async () => {
    const impatient = new OpenAI({
      baseURL: `${served.url}/v1`,
      apiKey: 'sk-mock',
      maxRetries: 0,
      timeout: 100,
    });
    await expect(
      impatient.chat.completions.create(
        { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'wait' }] },
        { headers: { 'x-mock-fault': 'timeout' } },
      ),
    ).rejects.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });

  it('lists models', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toContain('gpt-4o');
    expect(ids).toContain('mj_imagine');
  });
});

describe('serve()', () => {
  it('aborts the request signal the gateway sees when the client goes away mid-stream', async () => {
    const gateway = createGateway({ tokenDelayMs: 20 });
    let seen: AbortSignal | undefined;
    const spy: MockGateway = {
      fetch(input, init) {
        seen = init?.signal ?? undefined;
        return gateway.fetch(input, init);
      },
      get requests() {
        return gateway.requests;
      },
      reset: () => gateway.reset(),
    };
    const server = await serve(spy);
    try {
      const controller = new AbortController();
      const response = await fetch(`${server.url}/v1/chat/completions`, {
        method: 'POST',
        body: JSON.stringify({
          model: 'gpt-4o',
          stream: true,
          messages: [{ role: 'user', content: 'go on' }],
        }),
        signal: controller.signal,
      });
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      await reader.read();
      expect(seen?.aborted).toBe(false);
      controller.abort();
      for (let i = 0; i < 200 && !seen?.aborted; i++)
        await new Promise((resolve) => setTimeout(resolve, 5));
      expect(seen?.aborted).toBe(true);
    } finally {
      await server.close();
    }
  });
});
