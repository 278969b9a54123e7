import { describe, expect, it } from 'vitest';
import { createGateway } from './index.js';
import { drawPicture } from './picture.js';
import { readPngSize } from './png.js';

const URL_GENERATIONS = 'http://mock.test/v1/images/generations';
const URL_EDITS = 'http://mock.test/v1/images/edits';

function post(body: unknown): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

describe('POST /v1/images/generations', () => {
  it('answers dall-e-3 with a URL the gateway serves as a PNG of the asked size, plus revised_prompt', async () => {
    const gateway = createGateway();
    const response = await gateway.fetch(
      URL_GENERATIONS,
      post({ model: 'dall-e-3', prompt: 'a lighthouse', size: '1792x1024' }),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.created).toEqual(expect.any(Number));
    expect(body.data).toHaveLength(1);
    expect(body.data[0].url).toMatch(/^http:\/\/mock\.test\/files\/[\w.]+\.png$/);
    expect(body.data[0].revised_prompt).toContain('a lighthouse');
    const png = await gateway.fetch(body.data[0].url);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(readPngSize(new Uint8Array(await png.arrayBuffer()))).toEqual({
      width: 1792,
      height: 1024,
    });
  });

  it('answers gpt-image-1 with b64_json and usage, n images', async () => {
    const gateway = createGateway();
    const body = await (
      await gateway.fetch(
        URL_GENERATIONS,
        post({ model: 'gpt-image-1', prompt: 'a fox', n: 2, size: '1024x1536', quality: 'low' }),
      )
    ).json();
    expect(body.data).toHaveLength(2);
    expect(body.data[0].url).toBeUndefined();
    expect(readPngSize(fromBase64(body.data[0].b64_json))).toEqual({ width: 1024, height: 1536 });
    expect(body.data[0].b64_json).not.toBe(body.data[1].b64_json);
    expect(body).toMatchObject({ output_format: 'png', quality: 'low', size: '1024x1536' });
    expect(body.usage.total_tokens).toBe(body.usage.input_tokens + body.usage.output_tokens);
  });

  it('draws the same picture for the same prompt', async () => {
    const gateway = createGateway();
    const request = post({
      model: 'dall-e-2',
      prompt: 'stable',
      response_format: 'b64_json',
      size: '256x256',
    });
    const a = (await (await gateway.fetch(URL_GENERATIONS, request)).json()).data[0].b64_json;
    const b = (await (await gateway.fetch(URL_GENERATIONS, request)).json()).data[0].b64_json;
    expect(a).toBe(b);
  });

  it('rejects n and size the model does not support with 400 naming the field', async () => {
    const gateway = createGateway();
    const n = await gateway.fetch(URL_GENERATIONS, post({ model: 'dall-e-3', prompt: 'x', n: 2 }));
    expect(n.status).toBe(400);
    expect((await n.json()).error).toMatchObject({ param: 'n', code: 'invalid_request' });
    const size = await gateway.fetch(
      URL_GENERATIONS,
      post({ model: 'gpt-image-1', prompt: 'x', size: '1792x1024' }),
    );
    expect(size.status).toBe(400);
    expect((await size.json()).error.param).toBe('size');
    const prompt = await gateway.fetch(URL_GENERATIONS, post({ model: 'dall-e-3' }));
    expect((await prompt.json()).error.param).toBe('prompt');
  });

  it('rejects a prompt with a banned word as a content policy violation', async () => {
    const gateway = createGateway({ bannedWords: ['dragon'] });
    const response = await gateway.fetch(
      URL_GENERATIONS,
      post({ model: 'dall-e-3', prompt: 'a Dragon' }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('content_policy_violation');
  });

  it('accepts any WxH and an aspect_ratio for flux models', async () => {
    const gateway = createGateway();
    const body = await (
      await gateway.fetch(
        URL_GENERATIONS,
        post({
          model: 'flux-kontext-pro',
          prompt: 'wide',
          aspect_ratio: '16:9',
          seed: 7,
          response_format: 'b64_json',
        }),
      )
    ).json();
    const size = readPngSize(fromBase64(body.data[0].b64_json));
    expect(size && size.width > size.height).toBe(true);
  });

  it('inlines data URLs when created with fileUrls: data', async () => {
    const gateway = createGateway({ fileUrls: 'data' });
    const body = await (
      await gateway.fetch(
        URL_GENERATIONS,
        post({ model: 'dall-e-2', prompt: 'inline', size: '256x256' }),
      )
    ).json();
    expect(body.data[0].url).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });

  it('serves URLs that 404 under the image-404 fault', async () => {
    const gateway = createGateway();
    const body = await (
      await gateway.fetch(URL_GENERATIONS, {
        ...post({ model: 'dall-e-3', prompt: 'gone' }),
        headers: { 'x-mock-fault': 'image-404' },
      })
    ).json();
    expect((await gateway.fetch(body.data[0].url)).status).toBe(404);
  });
});

describe('gpt-image streaming', () => {
  it('streams partial images then a completed image as typed SSE events', async () => {
    const gateway = createGateway({ tokenDelayMs: 0 });
    const response = await gateway.fetch(
      URL_GENERATIONS,
      post({
        model: 'gpt-image-1',
        prompt: 'a kite',
        stream: true,
        partial_images: 2,
        size: '1024x1024',
      }),
    );
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = (await response.text()).split('\n\n').filter(Boolean);
    expect(events.map((event) => event.split('\n')[0])).toEqual([
      'event: image_generation.partial_image',
      'event: image_generation.partial_image',
      'event: image_generation.completed',
    ]);
    const completed = JSON.parse(events[2]?.split('\n')[1]?.slice(6) as string);
    expect(completed).toMatchObject({
      type: 'image_generation.completed',
      size: '1024x1024',
      usage: expect.any(Object),
    });
    expect(readPngSize(fromBase64(completed.b64_json))).toEqual({ width: 1024, height: 1024 });
  });

  it('rejects stream for models that cannot stream images', async () => {
    const gateway = createGateway();
    const response = await gateway.fetch(
      URL_GENERATIONS,
      post({ model: 'dall-e-3', prompt: 'x', stream: true }),
    );
    expect((await response.json()).error.param).toBe('stream');
  });
});

describe('POST /v1/images/edits', () => {
  const png = (seed: string, size = 64) =>
    new Blob([drawPicture({ seed, width: size, height: size }) as Uint8Array<ArrayBuffer>], {
      type: 'image/png',
    });

  it('edits several image[] files with a mask into b64 PNGs of the first image size', async () => {
    const gateway = createGateway();
    const form = new FormData();
    form.append('model', 'gpt-image-1');
    form.append('prompt', 'add a hat');
    form.append('image[]', png('a', 512), 'a.png');
    form.append('image[]', png('b', 512), 'b.png');
    form.append('mask', png('mask', 512), 'mask.png');
    const response = await gateway.fetch(URL_EDITS, { method: 'POST', body: form });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(readPngSize(fromBase64(body.data[0].b64_json))).toEqual({ width: 512, height: 512 });
    expect(body.usage.input_tokens_details.image_tokens).toBeGreaterThan(0);
  });

  it('answers dall-e-2 edits of a single image field with a URL', async () => {
    const gateway = createGateway();
    const form = new FormData();
    form.append('model', 'dall-e-2');
    form.append('prompt', 'make it blue');
    form.append('image', png('one'), 'one.png');
    form.append('size', '256x256');
    const body = await (await gateway.fetch(URL_EDITS, { method: 'POST', body: form })).json();
    const file = await gateway.fetch(body.data[0].url);
    expect(readPngSize(new Uint8Array(await file.arrayBuffer()))).toEqual({
      width: 256,
      height: 256,
    });
  });

  it('rejects a missing image, a non-image file and a non-PNG mask with 400 naming the field', async () => {
    const gateway = createGateway();
    const noImage = new FormData();
    noImage.append('model', 'gpt-image-1');
    noImage.append('prompt', 'x');
    expect(
      (await (await gateway.fetch(URL_EDITS, { method: 'POST', body: noImage })).json()).error
        .param,
    ).toBe('image');
    const text = new FormData();
    text.append('model', 'gpt-image-1');
    text.append('prompt', 'x');
    text.append('image', new Blob(['hello'], { type: 'text/plain' }), 'a.txt');
    expect(
      (await (await gateway.fetch(URL_EDITS, { method: 'POST', body: text })).json()).error.param,
    ).toBe('image');
    const mask = new FormData();
    mask.append('model', 'gpt-image-1');
    mask.append('prompt', 'x');
    mask.append('image', png('a'), 'a.png');
    mask.append('mask', new Blob(['nope']), 'm.png');
    expect(
      (await (await gateway.fetch(URL_EDITS, { method: 'POST', body: mask })).json()).error.param,
    ).toBe('mask');
  });

  it('rejects a JSON body with 400', async () => {
    const gateway = createGateway();
    const response = await gateway.fetch(URL_EDITS, post({ model: 'gpt-image-1', prompt: 'x' }));
    expect(response.status).toBe(400);
  });
});
