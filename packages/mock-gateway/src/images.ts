import { encodeBase64 } from './base64.js';
import type { RequestContext } from './context.js';
import { errorResponse, invalidField } from './errors.js';
import { jsonResponse } from './http.js';
import { drawPicture } from './picture.js';
import { readPngSize } from './png.js';
import { sleep, sseData, sseResponse, tokenDelay } from './stream.js';
import { countTokens } from './text.js';

/** What a model family accepts, as a gateway validates it. */
interface ModelRule {
  family: 'dall-e-3' | 'dall-e-2' | 'gpt-image' | 'other';
  /** Allowed sizes; undefined means any `WxH`. */
  sizes: string[] | undefined;
  maxN: number;
  maxPrompt: number;
  quality: string[] | undefined;
}

function ruleFor(model: string, edit: boolean): ModelRule {
  if (/^dall-e-3/.test(model)) {
    return {
      family: 'dall-e-3',
      sizes: ['1024x1024', '1792x1024', '1024x1792'],
      maxN: 1,
      maxPrompt: 4000,
      quality: ['standard', 'hd'],
    };
  }
  if (/^dall-e-2/.test(model)) {
    return {
      family: 'dall-e-2',
      sizes: ['256x256', '512x512', '1024x1024'],
      maxN: 10,
      maxPrompt: 1000,
      quality: ['standard'],
    };
  }
  if (/^gpt-image/.test(model)) {
    return {
      family: 'gpt-image',
      sizes: ['1024x1024', '1536x1024', '1024x1536', 'auto'],
      maxN: 10,
      maxPrompt: 32000,
      quality: edit
        ? ['standard', 'low', 'medium', 'high', 'auto']
        : ['low', 'medium', 'high', 'auto'],
    };
  }
  return { family: 'other', sizes: undefined, maxN: 10, maxPrompt: 32000, quality: undefined };
}

/** A ~1 megapixel size for an aspect ratio like `16:9` (Flux style), multiples of 16. */
function sizeForRatio(ratio: string): { width: number; height: number } | undefined {
  const match = /^(\d+):(\d+)$/.exec(ratio);
  if (!match) return undefined;
  const r = Number(match[1]) / Number(match[2]);
  if (!(r > 0) || r > 4 || r < 0.25) return undefined;
  const width = Math.round(Math.sqrt(1024 * 1024 * r) / 16) * 16;
  return { width, height: Math.round(width / r / 16) * 16 };
}

type Validated = { width: number; height: number; n: number; size: string } | Response;

function validate(
  ctx: RequestContext,
  rule: ModelRule,
  model: string,
  fields: Record<string, unknown>,
): Validated {
  const prompt = fields.prompt;
  if (typeof prompt !== 'string' || prompt.trim() === '') return invalidField(ctx, 'prompt');
  if (prompt.length > rule.maxPrompt) {
    return invalidField(
      ctx,
      'prompt',
      `prompt is too long for ${model}: at most ${rule.maxPrompt} characters`,
    );
  }
  const n = fields.n === undefined || fields.n === null || fields.n === '' ? 1 : Number(fields.n);
  if (!Number.isInteger(n) || n < 1 || n > rule.maxN) {
    return invalidField(
      ctx,
      'n',
      rule.maxN === 1
        ? `${model} supports only n=1`
        : `n must be an integer between 1 and ${rule.maxN}`,
    );
  }
  const format = fields.response_format;
  if (format !== undefined && format !== null && format !== 'url' && format !== 'b64_json') {
    return invalidField(ctx, 'response_format', "response_format must be 'url' or 'b64_json'");
  }
  if (
    rule.quality &&
    fields.quality !== undefined &&
    !rule.quality.includes(String(fields.quality))
  ) {
    return invalidField(
      ctx,
      'quality',
      `quality must be one of ${rule.quality.join(', ')} for ${model}`,
    );
  }
  if (
    rule.family === 'dall-e-3' &&
    fields.style !== undefined &&
    fields.style !== 'vivid' &&
    fields.style !== 'natural'
  ) {
    return invalidField(ctx, 'style', "style must be 'vivid' or 'natural'");
  }
  let size = typeof fields.size === 'string' && fields.size !== '' ? fields.size : undefined;
  if (size !== undefined) {
    if (rule.sizes && !rule.sizes.includes(size)) {
      return invalidField(
        ctx,
        'size',
        `size '${size}' is not supported by ${model}; use one of ${rule.sizes.join(', ')}`,
      );
    }
    if (!rule.sizes && !/^\d+x\d+$/.test(size)) {
      return invalidField(ctx, 'size', `size must look like 1024x1024 (got '${size}')`);
    }
  }
  if (!size && typeof fields.aspect_ratio === 'string') {
    const fromRatio = sizeForRatio(fields.aspect_ratio);
    if (!fromRatio) {
      return invalidField(
        ctx,
        'aspect_ratio',
        `aspect_ratio '${fields.aspect_ratio}' is not supported`,
      );
    }
    return { ...fromRatio, n, size: `${fromRatio.width}x${fromRatio.height}` };
  }
  size ??= '1024x1024';
  const [width, height] = (size === 'auto' ? '1024x1024' : size).split('x').map(Number) as [
    number,
    number,
  ];
  if (width < 64 || height < 64 || width > 2048 || height > 2048) {
    return invalidField(ctx, 'size', 'width and height must be between 64 and 2048');
  }
  return { width, height, n, size: size === 'auto' ? '1024x1024' : size };
}

function bannedWord(ctx: RequestContext, prompt: string): Response | undefined {
  const word = ctx.options.bannedWords.find((banned) =>
    prompt.toLowerCase().includes(banned.toLowerCase()),
  );
  if (!word) return undefined;
  return errorResponse(
    ctx,
    400,
    `Your request was rejected as a result of our safety system (it mentions "${word}").`,
    { type: 'image_generation_user_error', code: 'content_policy_violation', param: 'prompt' },
  );
}

interface Output {
  model: string;
  rule: ModelRule;
  prompt: string;
  seeds: string[];
  width: number;
  height: number;
  size: string;
  format: unknown;
  fields: Record<string, unknown>;
  inputImageTokens: number;
  edit: boolean;
}

/** The gpt-image extras: background, format, quality, size and token usage. */
function gptImageMeta(out: Output, transparent: boolean) {
  const quality =
    typeof out.fields.quality === 'string' && out.fields.quality !== 'auto'
      ? out.fields.quality
      : 'medium';
  const perImage = { low: 272, medium: 1056, high: 4160, standard: 1056 }[quality] ?? 1056;
  const textTokens = countTokens(out.prompt);
  const outputTokens =
    Math.round((perImage * out.width * out.height) / (1024 * 1024)) * out.seeds.length;
  return {
    background: transparent ? 'transparent' : 'opaque',
    // Only PNG is produced, whatever output_format asked for: say so.
    output_format: 'png',
    quality,
    size: out.size,
    usage: {
      input_tokens: textTokens + out.inputImageTokens,
      input_tokens_details: { text_tokens: textTokens, image_tokens: out.inputImageTokens },
      output_tokens: outputTokens,
      total_tokens: textTokens + out.inputImageTokens + outputTokens,
    },
  };
}

/** gpt-image streaming: `partial_images` previews, then the finished image, as typed SSE events. */
function streamImages(ctx: RequestContext, out: Output, transparent: boolean): Response {
  const { usage, ...meta } = gptImageMeta(out, transparent);
  const partials = Math.min(3, Math.max(0, Number(out.fields.partial_images ?? 0) || 0));
  const prefix = out.edit ? 'image_edit' : 'image_generation';
  const event = (type: string, payload: Record<string, unknown>) =>
    `event: ${type}\n${sseData({ type, ...payload })}`;
  async function* frames(): AsyncGenerator<string> {
    const delay = tokenDelay(ctx) * 10;
    const picture = { width: out.width, height: out.height, transparent };
    for (const seed of out.seeds) {
      for (let index = 0; index < partials; index++) {
        await sleep(delay, ctx.signal);
        const png = drawPicture({ seed, ...picture, reveal: (index + 1) / (partials + 1) });
        yield event(`${prefix}.partial_image`, {
          b64_json: encodeBase64(png),
          created_at: Math.floor(Date.now() / 1000),
          ...meta,
          partial_image_index: index,
        });
      }
      await sleep(delay, ctx.signal);
      yield event(`${prefix}.completed`, {
        b64_json: encodeBase64(drawPicture({ seed, ...picture })),
        created_at: Math.floor(Date.now() / 1000),
        ...meta,
        usage,
      });
    }
  }
  return sseResponse(ctx, frames());
}

function answer(ctx: RequestContext, out: Output): Response {
  const gptImage = out.rule.family === 'gpt-image';
  const transparent = gptImage && out.fields.background === 'transparent';
  const stream = out.fields.stream === true || out.fields.stream === 'true';
  if (stream) {
    if (!gptImage) return invalidField(ctx, 'stream', `streaming is not supported by ${out.model}`);
    return streamImages(ctx, out, transparent);
  }
  const b64 = gptImage || out.format === 'b64_json';
  const style = out.fields.style === 'natural' ? 'natural' : 'vivid';
  const data = out.seeds.map((seed) => {
    const png = drawPicture({ seed, width: out.width, height: out.height, transparent });
    const item: Record<string, string> = b64
      ? { b64_json: encodeBase64(png) }
      : { url: ctx.files.publish(ctx, png) };
    if (out.rule.family === 'dall-e-3') {
      item.revised_prompt = `A ${style} illustration of ${out.prompt.trim()}, with a balanced composition, soft lighting and rich colours.`;
    }
    return item;
  });
  const body: Record<string, unknown> = { created: Math.floor(Date.now() / 1000), data };
  if (gptImage) Object.assign(body, gptImageMeta(out, transparent));
  return jsonResponse(ctx, body);
}

/** POST /v1/images/generations: deterministic PNGs drawn from the prompt, validated per model. */
export function handleImageGeneration(ctx: RequestContext): Response {
  const body = ctx.body;
  if (typeof body.model !== 'string' || body.model === '') return invalidField(ctx, 'model');
  const rule = ruleFor(body.model, false);
  const checked = validate(ctx, rule, body.model, body);
  if (checked instanceof Response) return checked;
  const prompt = body.prompt as string;
  const banned = bannedWord(ctx, prompt);
  if (banned) return banned;
  return answer(ctx, {
    model: body.model,
    rule,
    prompt,
    seeds: Array.from({ length: checked.n }, (_, i) => (i === 0 ? prompt : `${prompt}#${i + 1}`)),
    width: checked.width,
    height: checked.height,
    size: checked.size,
    format: body.response_format,
    fields: body,
    inputImageTokens: 0,
    edit: false,
  });
}

const IMAGE_TYPES = /^image\/(png|jpeg|webp)$/;

function isImage(bytes: Uint8Array, type: string): boolean {
  if (IMAGE_TYPES.test(type)) return true;
  const head = String.fromCharCode(...bytes.subarray(0, 12));
  return (
    readPngSize(bytes) !== undefined ||
    (bytes[0] === 0xff && bytes[1] === 0xd8) ||
    (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP')
  );
}

/** POST /v1/images/edits (multipart: `image` or `image[]`, optional `mask`, `prompt`, `model`, `size`, `n`). */
export async function handleImageEdit(ctx: RequestContext): Promise<Response> {
  const form = ctx.form as FormData;
  const model = form.get('model');
  if (typeof model !== 'string' || model === '') return invalidField(ctx, 'model');
  const entries = [...form.getAll('image'), ...form.getAll('image[]')];
  for (const [key, value] of form.entries()) {
    if (/^image\[\d+\]$/.test(key)) entries.push(value);
  }
  const images = entries.filter((entry): entry is File => typeof entry !== 'string');
  if (images.length === 0) return invalidField(ctx, 'image');
  if (images.length > 16) {
    return invalidField(ctx, 'image', 'at most 16 images can be edited at once');
  }
  let first: { width: number; height: number } | undefined;
  let signature = '';
  for (const image of images) {
    const bytes = new Uint8Array(await image.arrayBuffer());
    if (!isImage(bytes, image.type)) {
      return invalidField(ctx, 'image', 'Invalid image file: use png, jpeg or webp');
    }
    first ??= readPngSize(bytes);
    signature += `|${image.name}:${bytes.length}`;
  }
  const mask = form.get('mask');
  if (mask !== null) {
    if (typeof mask === 'string' || !readPngSize(new Uint8Array(await mask.arrayBuffer()))) {
      return invalidField(ctx, 'mask', 'mask must be a PNG file');
    }
  }
  const fields: Record<string, unknown> = {};
  for (const key of [
    'prompt',
    'n',
    'size',
    'quality',
    'response_format',
    'background',
    'stream',
    'partial_images',
  ]) {
    const value = form.get(key);
    if (typeof value === 'string') fields[key] = value;
  }
  const rule = ruleFor(model, true);
  const checked = validate(ctx, rule, model, fields);
  if (checked instanceof Response) return checked;
  const prompt = fields.prompt as string;
  const banned = bannedWord(ctx, prompt);
  if (banned) return banned;
  // Without an explicit size the edit keeps the first image's size, within the model's limits.
  const keep = !fields.size || fields.size === 'auto';
  const width =
    keep && first && first.width <= 2048 && first.height <= 2048 ? first.width : checked.width;
  const height =
    keep && first && first.width <= 2048 && first.height <= 2048 ? first.height : checked.height;
  return answer(ctx, {
    model,
    rule,
    prompt,
    seeds: Array.from({ length: checked.n }, (_, i) => `edit:${prompt}${signature}#${i + 1}`),
    width,
    height,
    size: `${width}x${height}`,
    format: fields.response_format,
    fields,
    inputImageTokens: images.length * 323,
    edit: true,
  });
}
