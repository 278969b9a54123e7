import { createGateway, type MockGateway } from '@aitre/mock-gateway';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AbortError,
  ApiError,
  AuthError,
  ConnectionError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from '../errors.js';
import { type AitreClient, createClient } from './createClient.js';
import type { ClientOptions } from './typesCommon.js';

// core's typecheck runs without Node types, so the Node-only entry is loaded by a specifier
// tsc does not follow (vitest still resolves it through its alias).
const NODE_ENTRY = '@aitre/mock-gateway/node';
type Serve = (
  gateway: MockGateway,
  options: { port: number; host: string },
) => Promise<{ url: string; close(): Promise<void> }>;

const API_KEY = 'sk-contract';
const user = (content: string) => [{ role: 'user' as const, content }];
const fault = (spec: string) => ({ headers: { 'x-mock-fault': spec } });

function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe.each(['in-memory fetch', 'HTTP on 127.0.0.1'] as const)(
  'client against the mock gateway (%s)',
  (mode) => {
    let gateway: MockGateway;
    let baseURL = 'http://mock.gateway';
    let close: (() => Promise<void>) | undefined;
    let client: AitreClient;
    const make = (options: Partial<ClientOptions> = {}) =>
      createClient({
        baseURL,
        apiKey: API_KEY,
        ...(mode === 'in-memory fetch' ? { fetch: gateway.fetch } : {}),
        ...options,
      });

    beforeAll(async () => {
      // A small token delay lets the client read each frame before a dropped socket discards
      // the data it had not read yet (as any WHATWG stream does when it errors).
      gateway = createGateway({
        apiKey: API_KEY,
        tokenDelayMs: 2,
        slowTokenDelayMs: 200,
        retryAfterMs: 20,
      });
      if (mode === 'HTTP on 127.0.0.1') {
        const { serve } = (await import(/* @vite-ignore */ NODE_ENTRY)) as { serve: Serve };
        const served = await serve(gateway, { port: 0, host: '127.0.0.1' });
        baseURL = served.url;
        close = served.close;
      }
    });

    afterAll(async () => {
      await close?.();
    });

    beforeEach(() => {
      gateway.reset();
      client = make();
    });

    describe('chat', () => {
      it('answers a non-streamed completion', async () => {
        const completion = await client.chat.completions.create({
          model: 'gpt-4o-mini',
          messages: user('Hello'),
        });
        expect(completion.object).toBe('chat.completion');
        expect(completion.choices[0]?.message.content).toEqual(expect.any(String));
        expect(completion.choices[0]?.finish_reason).toBe('stop');
        expect(completion.usage?.total_tokens).toBeGreaterThan(0);
      });

      it('streams typed chunks and aggregates them into the final message', async () => {
        const stream = await client.chat.completions.create({
          model: 'gpt-4o-mini',
          messages: user('Hello'),
          stream: true,
          stream_options: { include_usage: true },
        });
        let text = '';
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
        const message = await stream.finalMessage();
        expect(message.content).toBe(text);
        expect(message.content.length).toBeGreaterThan(0);
        expect(message).toMatchObject({ finishReason: 'stop', incomplete: false });
        expect(message.usage?.total_tokens).toBeGreaterThan(0);
        expect(stream.usage).toEqual(message.usage);
      });

      it('separates reasoning from the answer for a reasoning model', async () => {
        const stream = await client.chat.completions.create({
          model: 'deepseek-reasoner',
          messages: user('Why?'),
          stream: true,
        });
        const message = await stream.finalMessage();
        expect(message.reasoning.length).toBeGreaterThan(0);
        expect(message.content.length).toBeGreaterThan(0);
      });

      it('retries a 429 after the announced retry-after, then succeeds', async () => {
        const completion = await client.chat.completions.create(
          { model: 'gpt-4o-mini', messages: user('Hi') },
          fault('429:1'),
        );
        expect(completion.choices[0]?.message.content).toBeTruthy();
        expect(gateway.requests.map((r) => r.status)).toEqual([429, 200]);
      });

      it('retries a 500, then succeeds', async () => {
        const stream = await client.chat.completions.create(
          { model: 'gpt-4o-mini', messages: user('Hi'), stream: true },
          fault('500:1'),
        );
        expect((await stream.finalMessage()).incomplete).toBe(false);
        expect(gateway.requests.map((r) => r.status)).toEqual([500, 200]);
      });

      it('never retries a chat image model on its own: each call is billed', async () => {
        for (const model of ['gpt-4o-image', 'gpt-4o-image-vip', 'gpt-4o-all', 'gpt-image-1-vip']) {
          gateway.reset();
          const error = await caught(
            client.chat.completions.create({ model, messages: user('画一只猫') }, fault('500:1')),
          );
          expect(ApiError.isInstance(error)).toBe(true);
          expect(gateway.requests.map((r) => r.status)).toEqual([500]);
        }
      });

      it('gives up on a persistent 503 after maxRetries with an upstream ApiError', async () => {
        const error = await caught(
          make({ maxRetries: 1 }).chat.completions.create(
            { model: 'gpt-4o-mini', messages: user('Hi') },
            fault('503'),
          ),
        );
        expect(ApiError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({ status: 503, kind: 'upstream', retryable: true });
        expect((error as ApiError).message).not.toMatch(/request id/);
        expect(gateway.requests).toHaveLength(2);
      });

      it('throws RateLimitError once retries are used up on 429', async () => {
        const error = await caught(
          client.chat.completions.create(
            { model: 'gpt-4o-mini', messages: user('Hi') },
            { ...fault('429'), maxRetries: 0 },
          ),
        );
        expect(RateLimitError.isInstance(error)).toBe(true);
        expect(gateway.requests).toHaveLength(1);
      });

      it('keeps the partial text when the connection drops mid-stream and throws ConnectionError', async () => {
        const stream = await client.chat.completions.create(
          { model: 'gpt-4o-mini', messages: user('Tell me a story'), stream: true },
          fault('drop'),
        );
        let seen = '';
        const error = await caught(
          (async () => {
            for await (const chunk of stream) seen += chunk.choices[0]?.delta.content ?? '';
          })(),
        );
        expect(ConnectionError.isInstance(error)).toBe(true);
        expect((error as ConnectionError).kind).toBe('network');
        expect(seen.length).toBeGreaterThan(0);
        expect(stream.snapshot()).toMatchObject({ content: seen, incomplete: true });
        // A stream is never retried after its first byte.
        expect(gateway.requests).toHaveLength(1);
      });

      it('throws on a malformed chunk and keeps what arrived', async () => {
        const stream = await client.chat.completions.create(
          { model: 'gpt-4o-mini', messages: user('Tell me a story'), stream: true },
          fault('malformed'),
        );
        const error = await caught(stream.finalMessage());
        expect(error).toMatchObject({ code: 'malformed_chunk', kind: 'upstream' });
        expect(stream.snapshot().content.length).toBeGreaterThan(0);
      });

      it('throws the error event sent mid-stream and keeps what arrived', async () => {
        const stream = await client.chat.completions.create(
          { model: 'gpt-4o-mini', messages: user('Tell me a story'), stream: true },
          fault('error-event'),
        );
        const error = await caught(stream.finalMessage());
        expect(ApiError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({ status: undefined, code: 'upstream_stream_error' });
        expect((error as ApiError).message).not.toMatch(/request id/);
        expect((error as ApiError).requestId).toBeTruthy();
        expect(stream.snapshot()).toMatchObject({ incomplete: true });
        expect(stream.snapshot().content.length).toBeGreaterThan(0);
      });

      it('retries a non-streamed answer whose body dropped', async () => {
        const completion = await client.chat.completions.create(
          { model: 'gpt-4o-mini', messages: user('Hi') },
          fault('drop:1'),
        );
        expect(completion.choices[0]?.message.content).toBeTruthy();
        expect(gateway.requests).toHaveLength(2);
      });

      it('reads a status-200 error body as an ApiError', async () => {
        const error = await caught(
          client.chat.completions.create(
            { model: 'gpt-4o-mini', messages: user('Hi') },
            { ...fault('error-event'), maxRetries: 0 },
          ),
        );
        expect(ApiError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({ code: 'upstream_error', kind: 'upstream' });
      });

      it('times out an attempt that gets no headers, retrying first', async () => {
        const error = await caught(
          make({ timeoutMs: 50, maxRetries: 1 }).chat.completions.create(
            { model: 'gpt-4o-mini', messages: user('Hi') },
            fault('timeout'),
          ),
        );
        expect(TimeoutError.isInstance(error)).toBe(true);
        expect(gateway.requests).toHaveLength(2);
      });

      it('aborts a request waiting for headers through the signal', async () => {
        const controller = new AbortController();
        const pending = client.chat.completions.create(
          { model: 'gpt-4o-mini', messages: user('Hi') },
          { ...fault('timeout'), signal: controller.signal },
        );
        setTimeout(() => controller.abort(), 20);
        expect(AbortError.isInstance(await caught(pending))).toBe(true);
      });

      it('aborts a running stream and keeps what arrived', async () => {
        const stream = await client.chat.completions.create(
          { model: 'gpt-4o-mini', messages: user('Tell me a story'), stream: true },
          fault('slow'),
        );
        const iterator = stream[Symbol.asyncIterator]();
        await iterator.next();
        stream.abort();
        expect(AbortError.isInstance(await caught(iterator.next()))).toBe(true);
        expect(AbortError.isInstance(await caught(stream.finalMessage()))).toBe(true);
        expect(stream.snapshot().incomplete).toBe(true);
      });

      it('fails a stalled stream with TimeoutError after the idle timeout, keeping what arrived', async () => {
        const stream = await client.chat.completions.create(
          { model: 'gpt-4o-mini', messages: user('Tell me a story'), stream: true },
          { ...fault('slow'), streamIdleTimeoutMs: 40 },
        );
        const error = await caught(stream.finalMessage());
        expect(TimeoutError.isInstance(error)).toBe(true);
        expect(stream.snapshot().incomplete).toBe(true);
      });

      it('stops a stream when the caller signal aborts', async () => {
        const controller = new AbortController();
        const stream = await client.chat.completions.create(
          { model: 'gpt-4o-mini', messages: user('Tell me a story'), stream: true },
          { ...fault('slow'), signal: controller.signal },
        );
        controller.abort();
        expect(AbortError.isInstance(await caught(stream.finalMessage()))).toBe(true);
      });

      it('aborts the sleep between retries', async () => {
        const controller = new AbortController();
        const pending = make({ maxRetries: 5 }).chat.completions.create(
          { model: 'gpt-4o-mini', messages: user('Hi') },
          { ...fault('500'), signal: controller.signal },
        );
        setTimeout(() => controller.abort(), 100);
        expect(AbortError.isInstance(await caught(pending))).toBe(true);
        expect(gateway.requests.length).toBeLessThan(6);
      });

      it('turns a bad key into AuthError without retrying', async () => {
        const error = await caught(
          make({ apiKey: 'sk-wrong' }).chat.completions.create({
            model: 'gpt-4o-mini',
            messages: user('Hi'),
          }),
        );
        expect(AuthError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({ status: 401, kind: 'auth', retryable: false });
        expect((error as AuthError).message).not.toMatch(/request id/);
        expect((error as AuthError).requestId).toBeTruthy();
        expect(gateway.requests).toHaveLength(1);
      });

      it('reads new-api refusals as final errors of their kind, without retrying', async () => {
        const client = make();
        const refused = async (spec: string) => {
          gateway.reset();
          const error = await caught(
            client.chat.completions.create(
              { model: 'gpt-4o-mini', messages: user('Hi') },
              fault(spec),
            ),
          );
          expect(gateway.requests).toHaveLength(1);
          return error;
        };
        expect(await refused('quota')).toMatchObject({
          status: 403,
          kind: 'quota',
          retryable: false,
        });
        expect(await refused('no-channel')).toMatchObject({
          status: 503,
          kind: 'no_channel',
          retryable: false,
          message: '当前分组 default 下对于模型 gpt-4o-mini 无可用渠道',
        });
        const auth = await refused('auth');
        expect(AuthError.isInstance(auth)).toBe(true);
        expect(auth).toMatchObject({ status: 401, kind: 'auth', retryable: false });
      });

      it('validates before sending anything', async () => {
        const error = await caught(
          client.chat.completions.create({ model: '', messages: user('Hi') }),
        );
        expect(ValidationError.isInstance(error)).toBe(true);
        expect(gateway.requests).toHaveLength(0);
      });

      it('tolerates a baseURL ending in /v1', async () => {
        const models = await make({ baseURL: `${baseURL}/v1/` }).models.list();
        expect(models.length).toBeGreaterThan(0);
      });
    });

    describe('completions', () => {
      it('answers a non-streamed completion', async () => {
        const completion = await client.completions.create({
          model: 'gpt-3.5-turbo-instruct',
          prompt: 'Once upon a time',
        });
        expect(completion.object).toBe('text_completion');
        expect(completion.choices[0]?.text).toEqual(expect.any(String));
      });

      it('streams text and aggregates it', async () => {
        const stream = await client.completions.create({
          model: 'gpt-3.5-turbo-instruct',
          prompt: 'Once upon a time',
          stream: true,
        });
        let text = '';
        for await (const chunk of stream) text += chunk.choices[0]?.text ?? '';
        const result = await stream.finalMessage();
        expect(result.text).toBe(text);
        expect(result.incomplete).toBe(false);
      });

      it('keeps partial text when the stream drops', async () => {
        const stream = await client.completions.create(
          {
            model: 'gpt-3.5-turbo-instruct',
            prompt: 'Once upon a time',
            max_tokens: 64,
            stream: true,
          },
          fault('drop'),
        );
        const error = await caught(stream.finalMessage());
        expect(ConnectionError.isInstance(error)).toBe(true);
        expect(stream.snapshot().text.length).toBeGreaterThan(0);
      });
    });

    describe('images', () => {
      it('generates with dall-e-3 and returns a revised prompt', async () => {
        const result = await client.images.generate({
          model: 'dall-e-3',
          prompt: 'a red fox in snow',
          size: '1024x1024',
        });
        expect(result.data).toHaveLength(1);
        const image = result.data[0]!;
        expect(image.url ?? image.b64_json).toBeTruthy();
        expect(image.b64_json ?? '').not.toMatch(/^data:/);
      });

      it('generates base64 with gpt-image-1', async () => {
        const result = await client.images.generate({
          model: 'gpt-image-1',
          prompt: 'a red fox',
          n: 2,
          size: '1024x1024',
        });
        expect(result.data).toHaveLength(2);
        expect(result.data[0]?.b64_json ?? result.data[0]?.url).toBeTruthy();
      });

      it('merges extra into the body for flux', async () => {
        const result = await client.images.generate({
          model: 'flux-schnell',
          prompt: 'a red fox',
          extra: { aspect_ratio: '16:9', seed: 7 },
        });
        expect(result.data.length).toBeGreaterThan(0);
      });

      it('does not retry a paid generation unless asked', async () => {
        const error = await caught(
          client.images.generate({ model: 'dall-e-3', prompt: 'a fox' }, fault('500:1')),
        );
        expect(ApiError.isInstance(error)).toBe(true);
        expect(gateway.requests).toHaveLength(1);
        gateway.reset();
        const result = await client.images.generate(
          { model: 'dall-e-3', prompt: 'a fox' },
          { ...fault('500:1'), maxRetries: 1 },
        );
        expect(result.data).toHaveLength(1);
        expect(gateway.requests).toHaveLength(2);
      });

      it('edits one image (as image) and several (as image[]) with a mask', async () => {
        const generated = await client.images.generate({
          model: 'gpt-image-1',
          prompt: 'a red fox',
          n: 1,
          size: '1024x1024',
          response_format: 'b64_json',
        });
        const png = await imageBlob(generated.data[0]!);
        const one = await client.images.edit({
          model: 'gpt-image-1',
          prompt: 'add a hat',
          image: png,
          mask: png,
        });
        expect(one.data).toHaveLength(1);
        const two = await client.images.edit({
          model: 'gpt-image-1',
          prompt: 'blend them',
          image: [png, png],
          n: 1,
        });
        expect(two.data).toHaveLength(1);
      });
    });

    describe('audio', () => {
      it('returns the speech Response with audio bytes', async () => {
        const response = await client.audio.speech({
          model: 'tts-1',
          voice: 'alloy',
          input: 'Hello there',
          response_format: 'wav',
        });
        expect(response.ok).toBe(true);
        expect(response.headers.get('content-type')).toMatch(/audio/);
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(44);
      });

      it('transcribes in every response format', async () => {
        const file = await speechFile(client);
        const json = await client.audio.transcriptions({ file, model: 'whisper-1' });
        expect(json.text.length).toBeGreaterThan(0);
        const verbose = await client.audio.transcriptions({
          file,
          model: 'whisper-1',
          response_format: 'verbose_json',
          timestamp_granularities: ['word', 'segment'],
        });
        expect(verbose.segments?.length).toBeGreaterThan(0);
        expect(verbose.words?.length).toBeGreaterThan(0);
        const text = await client.audio.transcriptions({
          file,
          model: 'whisper-1',
          response_format: 'text',
        });
        expect(typeof text).toBe('string');
        const srt = await client.audio.transcriptions({
          file,
          model: 'whisper-1',
          response_format: 'srt',
        });
        expect(srt).toMatch(/-->/);
        const vtt = await client.audio.transcriptions({
          file,
          model: 'whisper-1',
          response_format: 'vtt',
        });
        expect(vtt).toMatch(/^WEBVTT/);
      });

      it('translates', async () => {
        const file = await speechFile(client);
        const result = await client.audio.translations({ file, model: 'whisper-1' });
        expect(result.text.length).toBeGreaterThan(0);
      });

      it('rejects an unsupported file before uploading', async () => {
        const error = await caught(
          client.audio.transcriptions({
            file: new File(['x'], 'notes.txt', { type: 'text/plain' }),
            model: 'whisper-1',
          }),
        );
        expect(error).toMatchObject({ code: 'audio_type', field: 'file' });
        expect(gateway.requests).toHaveLength(0);
      });
    });

    describe('embeddings and models', () => {
      it('returns float vectors in input order', async () => {
        const result = await client.embeddings.create({
          model: 'text-embedding-3-small',
          input: ['one', 'two'],
        });
        expect(result.vectors).toHaveLength(2);
        expect(result.vectors[0]).toBeInstanceOf(Float32Array);
        expect(result.vectors[0]!.length).toBeGreaterThan(0);
        expect(result.usage.total_tokens).toBeGreaterThan(0);
      });

      it('decodes base64 vectors to the same values as floats', async () => {
        const floats = await client.embeddings.create({
          model: 'text-embedding-3-small',
          input: 'same text',
          dimensions: 8,
        });
        const packed = await client.embeddings.create({
          model: 'text-embedding-3-small',
          input: 'same text',
          dimensions: 8,
          encoding_format: 'base64',
        });
        expect(Array.from(packed.vectors[0]!)).toEqual(Array.from(floats.vectors[0]!));
      });

      it('lists models', async () => {
        const models = await client.models.list();
        expect(models.map((m) => m.id)).toContain('gpt-4o-mini');
      });
    });
  },
);

async function imageBlob(image: { url?: string; b64_json?: string }): Promise<Blob> {
  if (image.b64_json) {
    const binary = atob(image.b64_json);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new File([bytes], 'image.png', { type: 'image/png' });
  }
  throw new Error('expected base64 image data');
}

async function speechFile(client: AitreClient): Promise<File> {
  const response = await client.audio.speech({
    model: 'tts-1',
    voice: 'alloy',
    input: 'Thanks for listening to this short recording about the release.',
    response_format: 'wav',
  });
  return new File([await response.arrayBuffer()], 'speech.wav', { type: 'audio/wav' });
}
