import { describe, expect, it } from 'vitest';
import { ApiError, ConnectionError } from '../errors.js';
import { createClient } from './createClient.js';

// Hand-written answers for shapes the mock gateway does not produce.
function scripted(answers: (() => Response)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), init: init ?? {} });
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
    if (!answer) throw new TypeError('no answer');
    return answer();
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
const text =
  (body: string, status: number, type = 'text/plain') =>
  () =>
    new Response(body, { status, headers: { 'content-type': type } });
const ok = json({
  object: 'list',
  data: [{ id: 'm1', object: 'model', created: 0, owned_by: 'x' }],
});
const fail = async (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('Transport', () => {
  it('sends the key, the extra headers and JSON to <root>/v1/... even when baseURL ends in /v1', async () => {
    const { fetch, calls } = scripted([
      json({ id: 'x', object: 'chat.completion', created: 0, model: 'm', choices: [] }),
    ]);
    const client = createClient({
      baseURL: 'https://gw.example/v1/',
      apiKey: 'sk-1',
      fetch,
      headers: { 'x-app': 'demo' },
    });
    await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
    });
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(calls[0]!.url).toBe('https://gw.example/v1/chat/completions');
    expect(headers).toMatchObject({
      Authorization: 'Bearer sk-1',
      'x-app': 'demo',
      'Content-Type': 'application/json',
    });
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
    });
  });

  it('leaves the multipart Content-Type to the runtime and repeats array fields', async () => {
    const { fetch, calls } = scripted([json({ text: 'hi' })]);
    const client = createClient({ baseURL: 'https://gw.example', fetch });
    const file = new File([new Uint8Array(4)], 'a.wav', { type: 'audio/wav' });
    await client.audio.transcriptions({
      file,
      model: 'whisper-1',
      response_format: 'verbose_json',
      timestamp_granularities: ['word', 'segment'],
    });
    const init = calls[0]!.init;
    expect((init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
    const form = init.body as FormData;
    expect(form.getAll('timestamp_granularities[]')).toEqual(['word', 'segment']);
    expect((form.get('file') as File).name).toBe('a.wav');
  });

  it('sends one edit image as `image`, several as repeated `image[]`, plus the mask', async () => {
    const { fetch, calls } = scripted([json({ created: 1, data: [{ b64_json: 'QUJD' }] })]);
    const client = createClient({ baseURL: 'https://gw.example', fetch });
    const png = new Blob([new Uint8Array(8)], { type: 'image/png' });
    await client.images.edit({
      model: 'gpt-image-1',
      prompt: 'hat',
      image: png,
      mask: png,
      quality: 'high',
      n: 2,
    });
    await client.images.edit({ model: 'gpt-image-1', prompt: 'mix', image: [png, png, png] });
    const one = calls[0]!.init.body as FormData;
    const many = calls[1]!.init.body as FormData;
    expect(one.getAll('image')).toHaveLength(1);
    expect(one.get('mask')).toBeInstanceOf(Blob);
    expect([one.get('prompt'), one.get('quality'), one.get('n')]).toEqual(['hat', 'high', '2']);
    expect(many.getAll('image')).toHaveLength(0);
    expect(many.getAll('image[]')).toHaveLength(3);
  });

  it('names a recorder blob after its MIME type', async () => {
    const { fetch, calls } = scripted([text('hello', 200)]);
    const client = createClient({ baseURL: 'https://gw.example', fetch });
    const blob = new Blob([new Uint8Array(4)], { type: 'audio/webm;codecs=opus' });
    expect(
      await client.audio.transcriptions({
        file: blob,
        model: 'whisper-1',
        response_format: 'text',
      }),
    ).toBe('hello');
    expect(((calls[0]!.init.body as FormData).get('file') as File).name).toBe('audio.webm');
  });

  it('retries a {message} 502 and then succeeds', async () => {
    const { fetch, calls } = scripted([json({ message: 'bad gateway' }, 502), ok]);
    const models = await createClient({ baseURL: 'https://gw.example', fetch }).models.list({
      maxRetries: 1,
    });
    expect(models).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it('turns a plain-text 503 into an upstream ApiError', async () => {
    const { fetch } = scripted([text('Service Unavailable', 503)]);
    const error = await fail(
      createClient({ baseURL: 'https://gw.example', fetch, maxRetries: 0 }).models.list(),
    );
    expect(error).toMatchObject({ status: 503, message: 'Service Unavailable', kind: 'upstream' });
  });

  it('does not retry quota errors even on 429', async () => {
    const { fetch, calls } = scripted([
      json(
        {
          error: {
            message: '当前分组上游负载已饱和，请稍后再试',
            type: 'insufficient_quota',
            code: 'insufficient_user_quota',
          },
        },
        429,
      ),
      ok,
    ]);
    const error = await fail(createClient({ baseURL: 'https://gw.example', fetch }).models.list());
    expect(error).toMatchObject({ kind: 'quota', retryable: false });
    expect(calls).toHaveLength(1);
  });

  it('honours x-should-retry in both directions', async () => {
    const no = scripted([
      json({ error: { message: 'boom' } }, 500, { 'x-should-retry': 'false' }),
      ok,
    ]);
    await fail(createClient({ baseURL: 'https://gw.example', fetch: no.fetch }).models.list());
    expect(no.calls).toHaveLength(1);
    const yes = scripted([
      json({ error: { message: 'conflict-ish' } }, 400, {
        'x-should-retry': 'true',
        'retry-after-ms': '1',
      }),
      ok,
    ]);
    await createClient({ baseURL: 'https://gw.example', fetch: yes.fetch }).models.list();
    expect(yes.calls).toHaveLength(2);
  });

  it('reads a 200 {error} body as an error', async () => {
    const { fetch } = scripted([
      json({ error: { message: '无可用渠道 (request id: abc)', code: '' } }),
    ]);
    const error = await fail(createClient({ baseURL: 'https://gw.example', fetch }).models.list());
    expect(ApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'no_channel', requestId: 'abc', message: '无可用渠道' });
  });

  it('throws the JSON error a gateway answers to a streamed request', async () => {
    const { fetch } = scripted([
      json({ error: { message: 'model is required', code: 'invalid_request' } }),
    ]);
    const client = createClient({ baseURL: 'https://gw.example', fetch });
    const error = await fail(
      client.chat.completions.create({
        model: 'm',
        messages: [{ role: 'user', content: 'x' }],
        stream: true,
      }),
    );
    expect(error).toMatchObject({ code: 'invalid_request', kind: 'invalid_request' });
  });

  it('refuses an HTML page where JSON was expected', async () => {
    const { fetch } = scripted([text('<!doctype html><html></html>', 200, 'text/html')]);
    const error = await fail(createClient({ baseURL: 'https://gw.example', fetch }).models.list());
    expect(error).toMatchObject({ code: 'invalid_response', retryable: false });
  });

  it('retries connection errors and reports the last one', async () => {
    const { fetch, calls } = scripted([]);
    const error = await fail(
      createClient({ baseURL: 'https://gw.example', fetch }).models.list({ maxRetries: 1 }),
    );
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('splits <think> out of a non-streamed answer and maps `reasoning`', async () => {
    const { fetch } = scripted([
      json({
        id: 'x',
        object: 'chat.completion',
        created: 0,
        model: 'm',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: '<think>hmm</think>\n\nYes.' },
            finish_reason: 'stop',
          },
          {
            index: 1,
            message: { role: 'assistant', content: 'No.', reasoning: 'r' },
            finish_reason: 'stop',
          },
        ],
      }),
    ]);
    const completion = await createClient({
      baseURL: 'https://gw.example',
      fetch,
    }).chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(completion.choices[0]?.message).toMatchObject({
      content: 'Yes.',
      reasoning_content: 'hmm',
    });
    expect(completion.choices[1]?.message).toMatchObject({
      content: 'No.',
      reasoning_content: 'r',
    });
  });

  it('normalises gpt-image answers from resellers', async () => {
    const { fetch, calls } = scripted([
      json({
        created: 1,
        data: [{ url: '', b64_json: 'data:image/png;base64,QUJD', revised_prompt: '' }],
      }),
    ]);
    const result = await createClient({ baseURL: 'https://gw.example', fetch }).images.generate({
      model: 'flux-pro',
      prompt: 'fox',
      size: '1344x768',
      extra: { aspect_ratio: '16:9', seed: 3 },
    });
    expect(result.data).toEqual([{ b64_json: 'QUJD' }]);
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({
      model: 'flux-pro',
      prompt: 'fox',
      size: '1344x768',
      aspect_ratio: '16:9',
      seed: 3,
    });
  });

  it('decodes base64 embeddings only when the value is a string', async () => {
    const bytes = new Uint8Array(new Float32Array([0.5, -1]).buffer);
    const base64 = btoa(String.fromCharCode(...bytes));
    const { fetch, calls } = scripted([
      json({
        object: 'list',
        model: 'e',
        data: [
          { object: 'embedding', index: 1, embedding: [3, 4] },
          { object: 'embedding', index: 0, embedding: base64 },
        ],
        usage: { prompt_tokens: 2, total_tokens: 2 },
      }),
    ]);
    const result = await createClient({ baseURL: 'https://gw.example', fetch }).embeddings.create({
      model: 'e',
      input: ['a', 'b'],
      encoding_format: 'base64',
    });
    expect(result.vectors.map((v) => Array.from(v))).toEqual([
      [0.5, -1],
      [3, 4],
    ]);
    expect(JSON.parse(String(calls[0]!.init.body)).encoding_format).toBe('base64');
  });

  it('asks for float embeddings by default', async () => {
    const { fetch, calls } = scripted([
      json({ object: 'list', model: 'e', data: [], usage: { prompt_tokens: 0, total_tokens: 0 } }),
    ]);
    await createClient({ baseURL: 'https://gw.example', fetch }).embeddings.create({
      model: 'e',
      input: 'a',
    });
    expect(JSON.parse(String(calls[0]!.init.body)).encoding_format).toBe('float');
  });
});
