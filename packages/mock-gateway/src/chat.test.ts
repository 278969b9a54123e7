import { describe, expect, it, vi } from 'vitest';
import { createGateway } from './index.js';

const URL_CHAT = 'http://mock.test/v1/chat/completions';

function post(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

/** Splits an SSE body into its raw events (blank-line separated). */
function events(text: string): string[] {
  return text.split('\n\n').filter((event) => event !== '');
}

function dataOf(text: string): unknown[] {
  return events(text)
    .filter((event) => event.startsWith('data: ') && event !== 'data: [DONE]')
    .map((event) => JSON.parse(event.slice(6)));
}

interface Chunk {
  id: string;
  object: string;
  created: number;
  model: string;
  choices: {
    index: number;
    delta: { role?: string; content?: string; reasoning_content?: string; tool_calls?: unknown[] };
    finish_reason: string | null;
  }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
}

describe('POST /v1/chat/completions', () => {
  it('answers a non-streamed completion with the OpenAI shape and usage', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const response = await gateway.fetch(
      URL_CHAT,
      post({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello there' }] }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = await response.json();
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant' }, finish_reason: 'stop' }],
    });
    expect(body.id).toMatch(/^chatcmpl-/);
    expect(body.choices[0].message.content).toContain('Hello there');
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  it('answers the same prompt with the same text every time', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const ask = async () =>
      (
        await (
          await gateway.fetch(
            URL_CHAT,
            post({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Why?' }] }),
          )
        ).json()
      ).choices[0].message.content;
    expect(await ask()).toBe(await ask());
  });

  it('streams word by word with SSE framing, a keep-alive comment, role first, stop on the last content chunk and [DONE]', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const response = await gateway.fetch(
      URL_CHAT,
      post({
        model: 'gpt-4o',
        stream: true,
        messages: [{ role: 'user', content: 'Tell me a story' }],
      }),
    );
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const text = await response.text();
    const raw = events(text);
    expect(raw).toContain(': keep-alive');
    expect(raw.at(-1)).toBe('data: [DONE]');
    for (const event of raw) {
      expect(event === ': keep-alive' || event.startsWith('data: ')).toBe(true);
    }
    const chunks = dataOf(text) as Chunk[];
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    const ids = new Set(chunks.map((chunk) => chunk.id));
    expect(ids.size).toBe(1);
    expect(
      chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.model === 'gpt-4o'),
    ).toBe(true);
    expect(chunks.every((chunk) => typeof chunk.created === 'number')).toBe(true);
    const contents = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '');
    expect(contents.filter(Boolean).length).toBeGreaterThan(10);
    const last = chunks.at(-1);
    expect(last?.choices[0]?.finish_reason).toBe('stop');
    expect(last?.choices[0]?.delta.content).toBeTruthy();
    expect(chunks.slice(0, -1).every((chunk) => chunk.choices[0]?.finish_reason === null)).toBe(
      true,
    );
    expect(contents.join('')).toContain('Tell me a story');
    expect(chunks.some((chunk) => 'usage' in chunk)).toBe(false);
  });

  it('mock-echo streams the last user message back verbatim, word by word', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const hostile = '<img src=x onerror="alert(1)">  [a](javascript:alert(1))\n\u200bend 中文';
    const response = await gateway.fetch(
      URL_CHAT,
      post({
        model: 'mock-echo',
        stream: true,
        messages: [
          { role: 'user', content: 'an earlier question' },
          { role: 'assistant', content: 'an earlier answer' },
          { role: 'user', content: [{ type: 'text', text: hostile }] },
        ],
      }),
    );
    const parts = (dataOf(await response.text()) as Chunk[])
      .map((chunk) => chunk.choices[0]?.delta.content)
      .filter((content) => content !== undefined);
    expect(parts.join('')).toBe(hostile);
    expect(parts.length).toBeGreaterThan(5);
  });

  it('streams the same text it answers without streaming', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const messages = [{ role: 'user', content: 'Compare streaming and not' }];
    const plain = await (await gateway.fetch(URL_CHAT, post({ model: 'gpt-4o', messages }))).json();
    const streamed = dataOf(
      await (
        await gateway.fetch(URL_CHAT, post({ model: 'gpt-4o', messages, stream: true }))
      ).text(),
    ) as Chunk[];
    expect(streamed.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(
      plain.choices[0].message.content,
    );
  });

  it('sends a final usage chunk with empty choices when include_usage is set', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const text = await (
      await gateway.fetch(
        URL_CHAT,
        post({
          model: 'gpt-4o',
          stream: true,
          stream_options: { include_usage: true },
          messages: [{ role: 'user', content: 'Count my tokens' }],
        }),
      )
    ).text();
    const chunks = dataOf(text) as Chunk[];
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage?.completion_tokens).toBeGreaterThan(0);
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
  });

  it('waits tokenDelayMs before each streamed token', async () => {
    vi.useFakeTimers();
    try {
      const gateway = createGateway({ tokenDelayMs: 1000 });
      const response = await gateway.fetch(
        URL_CHAT,
        post({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'pace' }] }),
      );
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      await reader.read();
      await reader.read();
      let arrived = false;
      const next = reader.read().then((result) => {
        arrived = true;
        return result;
      });
      await vi.advanceTimersByTimeAsync(999);
      expect(arrived).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(arrived).toBe(true);
      expect(new TextDecoder().decode((await next).value)).toContain('"content":"You"');
      await reader.cancel();
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers with markdown (heading, list, code fence, table) when the prompt asks for it', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const body = await (
      await gateway.fetch(
        URL_CHAT,
        post({
          model: 'gpt-4o',
          messages: [{ role: 'user', content: 'Show me some code in markdown' }],
        }),
      )
    ).json();
    const content: string = body.choices[0].message.content;
    expect(content).toMatch(/^## /m);
    expect(content).toMatch(/^- \*\*/m);
    expect(content).toContain('```ts');
    expect(content).toMatch(/^\| --- \| --- \|$/m);
  });

  it('acknowledges attached images', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const body = await (
      await gateway.fetch(
        URL_CHAT,
        post({
          model: 'gpt-4o',
          messages: [
            {
              role: 'user',
              content: [
                { type: 'text', text: 'What is this?' },
                { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
              ],
            },
          ],
        }),
      )
    ).json();
    expect(body.choices[0].message.content).toMatch(/^I see 1 image\./);
  });

  it('truncates at max_tokens with finish_reason length', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const body = await (
      await gateway.fetch(
        URL_CHAT,
        post({
          model: 'gpt-4o',
          max_tokens: 3,
          messages: [{ role: 'user', content: 'A long answer please' }],
        }),
      )
    ).json();
    expect(body.choices[0].finish_reason).toBe('length');
    expect(body.usage.completion_tokens).toBe(3);
  });

  it('streams reasoning_content before the content for reasoning models', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    for (const model of ['deepseek-reasoner', 'deepseek-r1', 'o3-mini', 'qwen3-thinking']) {
      const chunks = dataOf(
        await (
          await gateway.fetch(
            URL_CHAT,
            post({ model, stream: true, messages: [{ role: 'user', content: 'Think first' }] }),
          )
        ).text(),
      ) as Chunk[];
      const kinds = chunks
        .map((chunk) => chunk.choices[0]?.delta)
        .map((delta) => (delta?.reasoning_content ? 'r' : delta?.content ? 'c' : ''))
        .filter(Boolean)
        .join('');
      expect(kinds).toMatch(/^r+c+$/);
    }
  });

  it('returns reasoning_content beside the content without streaming', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const body = await (
      await gateway.fetch(
        URL_CHAT,
        post({ model: 'o4-mini', messages: [{ role: 'user', content: 'Hmm' }] }),
      )
    ).json();
    expect(body.choices[0].message.reasoning_content).toContain('Hmm');
    expect(body.usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0);
  });

  it('streams gpt-4o-image progress lines, then a markdown image the gateway serves as a PNG', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const chunks = dataOf(
      await (
        await gateway.fetch(
          URL_CHAT,
          post({
            model: 'gpt-4o-image',
            stream: true,
            messages: [{ role: 'user', content: '画一只猫' }],
          }),
        )
      ).text(),
    ) as Chunk[];
    const content = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(content).toContain('> 排队中.');
    expect(content).toContain('> 生成中..');
    expect(content).toContain('> 进度 14%.');
    expect(content).toContain('> 生成完成 ✅');
    const image = /!\[(gen_\w+)\]\((http:\/\/mock\.test\/files\/[\w.]+\.png)\)/.exec(content);
    expect(image).not.toBeNull();
    expect(content).toContain(`[下载⏬](${image?.[2]})`);
    const png = await gateway.fetch(image?.[2] as string);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect(Array.from(bytes.subarray(1, 4), (b) => String.fromCharCode(b)).join('')).toBe('PNG');
  });

  it('answers gpt-4o-all with text and no image when the prompt has a banned word', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const body = await (
      await gateway.fetch(
        URL_CHAT,
        post({ model: 'gpt-4o-all', messages: [{ role: 'user', content: 'a forbidden picture' }] }),
      )
    ).json();
    expect(body.choices[0].message.content).toContain("wasn't able to generate");
    expect(body.choices[0].message.content).not.toContain('![');
  });

  it('calls a tool the prompt names, streaming its arguments', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const tools = [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          parameters: {
            type: 'object',
            properties: { city: { type: 'string' }, days: { type: 'integer' } },
          },
        },
      },
    ];
    const messages = [{ role: 'user', content: 'Use get_weather for Paris' }];
    const plain = await (
      await gateway.fetch(URL_CHAT, post({ model: 'gpt-4o', tools, messages }))
    ).json();
    expect(plain.choices[0].finish_reason).toBe('tool_calls');
    const call = plain.choices[0].message.tool_calls[0];
    expect(call.function.name).toBe('get_weather');
    expect(JSON.parse(call.function.arguments)).toMatchObject({ days: 42 });
    const chunks = dataOf(
      await (
        await gateway.fetch(URL_CHAT, post({ model: 'gpt-4o', tools, messages, stream: true }))
      ).text(),
    ) as Chunk[];
    const args = chunks
      .flatMap(
        (chunk) =>
          (chunk.choices[0]?.delta.tool_calls ?? []) as { function?: { arguments?: string } }[],
      )
      .map((toolCall) => toolCall.function?.arguments ?? '')
      .join('');
    expect(JSON.parse(args)).toMatchObject({ days: 42 });
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('streams every choice of n, each with its own index', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const chunks = dataOf(
      await (
        await gateway.fetch(
          URL_CHAT,
          post({
            model: 'gpt-4o',
            n: 2,
            stream: true,
            messages: [{ role: 'user', content: 'Two ways' }],
          }),
        )
      ).text(),
    ) as Chunk[];
    const text = (index: number) =>
      chunks
        .filter((chunk) => chunk.choices[0]?.index === index)
        .map((chunk) => chunk.choices[0]?.delta.content ?? '')
        .join('');
    expect(text(0)).toContain('Two ways');
    expect(text(1)).toBe(text(0));
  });

  it('answers JSON for response_format json_object and json_schema', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const messages = [{ role: 'user', content: 'Give me JSON' }];
    const object = await (
      await gateway.fetch(
        URL_CHAT,
        post({ model: 'gpt-4o', messages, response_format: { type: 'json_object' } }),
      )
    ).json();
    expect(JSON.parse(object.choices[0].message.content)).toMatchObject({
      answer: expect.any(String),
    });
    const schema = await (
      await gateway.fetch(
        URL_CHAT,
        post({
          model: 'gpt-4o',
          messages,
          response_format: {
            type: 'json_schema',
            json_schema: {
              name: 'pet',
              schema: {
                type: 'object',
                properties: { name: { type: 'string' }, legs: { type: 'integer' } },
              },
            },
          },
        }),
      )
    ).json();
    expect(JSON.parse(schema.choices[0].message.content)).toEqual({
      name: 'Give me JSON',
      legs: 42,
    });
  });

  it('answers from a tool result instead of calling the tool again', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const body = await (
      await gateway.fetch(
        URL_CHAT,
        post({
          model: 'gpt-4o',
          tools: [
            { type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } },
          ],
          messages: [
            { role: 'user', content: 'Use get_weather' },
            {
              role: 'assistant',
              content: null,
              tool_calls: [
                {
                  id: 'call_1',
                  type: 'function',
                  function: { name: 'get_weather', arguments: '{}' },
                },
              ],
            },
            { role: 'tool', tool_call_id: 'call_1', content: 'Sunny, 21 C' },
          ],
        }),
      )
    ).json();
    expect(body.choices[0].finish_reason).toBe('stop');
    expect(body.choices[0].message.content).toContain('Sunny, 21 C');
  });

  it('rejects a missing model or messages with 400 naming the field', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const noModel = await gateway.fetch(
      URL_CHAT,
      post({ messages: [{ role: 'user', content: 'x' }] }),
    );
    expect(noModel.status).toBe(400);
    expect((await noModel.json()).error).toMatchObject({ param: 'model', code: 'invalid_request' });
    const noMessages = await gateway.fetch(URL_CHAT, post({ model: 'gpt-4o' }));
    expect(noMessages.status).toBe(400);
    const error = (await noMessages.json()).error;
    expect(error.param).toBe('messages');
    expect(error.message).toMatch(/^field messages is required \(request id: \w+\)$/);
  });

  it('rejects a malformed JSON body with 400', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const response = await gateway.fetch(URL_CHAT, { method: 'POST', body: '{"model":' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/^invalid JSON body/);
  });

  it('errors the body stream with an AbortError when the request is aborted mid-stream', async () => {
    const gateway = createGateway({ tokenDelayMs: 5 });
    const controller = new AbortController();
    const response = await gateway.fetch(URL_CHAT, {
      ...post({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'long' }] }),
      signal: controller.signal,
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('POST /v1/completions', () => {
  const URL_COMPLETIONS = 'http://mock.test/v1/completions';

  it('answers text_completion with max_tokens defaulting to 16', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const body = await (
      await gateway.fetch(
        URL_COMPLETIONS,
        post({ model: 'gpt-3.5-turbo-instruct', prompt: 'Once upon a time' }),
      )
    ).json();
    expect(body).toMatchObject({
      object: 'text_completion',
      choices: [{ index: 0, finish_reason: 'length' }],
    });
    expect(body.id).toMatch(/^cmpl-/);
    expect(body.usage.completion_tokens).toBe(16);
  });

  it('streams partial text chunks ending with a finish_reason and [DONE]', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const text = await (
      await gateway.fetch(
        URL_COMPLETIONS,
        post({ model: 'gpt-3.5-turbo-instruct', prompt: 'Hi', max_tokens: 200, stream: true }),
      )
    ).text();
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    const chunks = dataOf(text) as {
      object: string;
      choices: { text: string; finish_reason: string | null }[];
    }[];
    expect(chunks.every((chunk) => chunk.object === 'text_completion')).toBe(true);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.map((chunk) => chunk.choices[0]?.text).join('')).toContain('Hi');
  });

  it('answers one choice per prompt of an array, with echo prepending the prompt', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const body = await (
      await gateway.fetch(
        URL_COMPLETIONS,
        post({
          model: 'gpt-3.5-turbo-instruct',
          prompt: ['First', 'Second'],
          echo: true,
          max_tokens: 4,
        }),
      )
    ).json();
    expect(body.choices.map((choice: { index: number }) => choice.index)).toEqual([0, 1]);
    expect(body.choices[1].text.startsWith('Second')).toBe(true);
  });

  it('rejects an empty prompt with 400 naming prompt', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const response = await gateway.fetch(
      URL_COMPLETIONS,
      post({ model: 'gpt-3.5-turbo-instruct', prompt: '' }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.param).toBe('prompt');
  });
});
