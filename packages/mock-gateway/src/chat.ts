import type { RequestContext } from './context.js';
import { errorBody, invalidField } from './errors.js';
import { jsonResponse } from './http.js';
import { drawPicture } from './picture.js';
import { randomHex } from './random.js';
import { sampleFromSchema } from './schema.js';
import {
  connectionDropped,
  SSE_DONE,
  SSE_KEEP_ALIVE,
  sleep,
  sseData,
  sseResponse,
  tokenDelay,
} from './stream.js';
import { composeAnswer, composeReasoning, countTokens, excerpt, tokenize } from './text.js';

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

/** Model ids that think before answering (DeepSeek reasoner / R1, o-series, "thinking" variants). */
export const REASONING_MODEL = /reasoner|r1|thinking|o1|o3|o4/i;

/** The model that streams the last user message back verbatim, word by word (for rendering tests). */
export const ECHO_MODEL = 'mock-echo';

/** Model ids that generate images through chat (reseller gpt-4o-image style). */
export const CHAT_IMAGE_MODEL = /^(gpt-4o-image|gpt-4o-all|gpt-image-1-vip)/i;

/** One streamed piece of text; `pause` multiplies the token delay before it. */
export interface Piece {
  text: string;
  pause: number;
}

interface ToolCallPlan {
  id: string;
  name: string;
  arguments: string;
}

interface ChatPlan {
  reasoning: Piece[];
  content: Piece[];
  toolCall: ToolCallPlan | undefined;
  finishReason: 'stop' | 'length' | 'tool_calls';
  promptTokens: number;
}

interface ReadMessage {
  role: string;
  text: string;
  images: number;
}

/** Splits text into pieces with the ordinary pace. */
export function pieces(text: string, pause = 1): Piece[] {
  return tokenize(text).map((token) => ({ text: token, pause }));
}

function readMessages(value: unknown): ReadMessage[] | string {
  if (!Array.isArray(value) || value.length === 0) return 'messages';
  const out: ReadMessage[] = [];
  for (const [i, message] of value.entries()) {
    if (!message || typeof message !== 'object') return `messages[${i}]`;
    const { role, content } = message as Record<string, unknown>;
    if (typeof role !== 'string' || !ROLES.has(role)) return `messages[${i}].role`;
    if (typeof content === 'string') {
      out.push({ role, text: content, images: 0 });
    } else if (Array.isArray(content)) {
      let text = '';
      let images = 0;
      for (const part of content) {
        if (!part || typeof part !== 'object') return `messages[${i}].content`;
        const p = part as Record<string, unknown>;
        if (p.type === 'text' && typeof p.text === 'string') text += (text ? '\n' : '') + p.text;
        else if (p.type === 'image_url') images++;
      }
      out.push({ role, text, images });
    } else if (content === null || content === undefined) {
      if (role !== 'assistant') return `messages[${i}].content`;
      out.push({ role, text: '', images: 0 });
    } else {
      return `messages[${i}].content`;
    }
  }
  return out;
}

function chooseTool(body: Record<string, unknown>, prompt: string): ToolCallPlan | undefined {
  const tools = Array.isArray(body.tools) ? (body.tools as Record<string, unknown>[]) : [];
  const functions = tools
    .map((tool) => tool?.function as Record<string, unknown> | undefined)
    .filter((fn): fn is Record<string, unknown> => typeof fn?.name === 'string');
  const choice = body.tool_choice;
  if (functions.length === 0 || choice === 'none') return undefined;
  let chosen: Record<string, unknown> | undefined;
  if (choice && typeof choice === 'object') {
    const name = (choice as { function?: { name?: string } }).function?.name;
    chosen = functions.find((fn) => fn.name === name);
  }
  chosen ??= functions.find((fn) => prompt.toLowerCase().includes(String(fn.name).toLowerCase()));
  if (!chosen && choice === 'required') chosen = functions[0];
  if (!chosen) return undefined;
  return {
    id: `call_${randomHex(24)}`,
    name: String(chosen.name),
    arguments: JSON.stringify(sampleFromSchema(chosen.parameters ?? { type: 'object' }, prompt)),
  };
}

function ratioSize(ratio: string): { width: number; height: number } {
  const [w, h] = ratio.split(':').map(Number) as [number, number];
  if (w > h) return { width: 1536, height: 1024 };
  if (h > w) return { width: 1024, height: 1536 };
  return { width: 1024, height: 1024 };
}

/** The reseller "image through chat" answer: progress lines, then a markdown image and a download link. */
function imagePlan(ctx: RequestContext, prompt: string): Piece[] {
  const ratio = /尺寸\[(\d+:\d+)\]|--ar\s+(\d+:\d+)/.exec(prompt);
  const ratioText = ratio?.[1] ?? ratio?.[2] ?? '1:1';
  const out: Piece[] = [
    ...pieces(`\`\`\`json\n${JSON.stringify({ prompt, ratio: ratioText }, null, 2)}\n\`\`\`\n\n`),
    { text: `> ID: \`task_${randomHex(26)}\`\n\n`, pause: 1 },
    { text: '> 排队中.\n\n', pause: 10 },
    { text: '> 生成中..\n\n', pause: 10 },
  ];
  const banned = ctx.options.bannedWords.find((word) =>
    prompt.toLowerCase().includes(word.toLowerCase()),
  );
  if (banned) {
    out.push(
      ...pieces(
        `I wasn't able to generate the image because the request was flagged by the content policy (it mentions "${banned}"). Please change the prompt and try again.`,
      ),
    );
    return out;
  }
  for (const percent of [14, 44, 74, 83]) {
    // Real streams split progress tokens, e.g. "> 进度 14" then "%.": clients must parse the accumulated text.
    out.push({ text: `> 进度 ${percent}`, pause: 10 }, { text: '%.\n\n', pause: 1 });
  }
  const genId = `gen_${randomHex(26)}`;
  const url = ctx.files.publish(ctx, drawPicture({ seed: prompt, ...ratioSize(ratioText) }));
  out.push(
    { text: '> 生成完成 ✅\n\n', pause: 10 },
    { text: `> gen_id: \`${genId}\`\n\n`, pause: 1 },
    { text: `![${genId}](${url})\n`, pause: 1 },
    { text: `[下载⏬](${url})\n`, pause: 1 },
  );
  return out;
}

function buildPlan(ctx: RequestContext, model: string, messages: ReadMessage[]): ChatPlan {
  const body = ctx.body;
  const last = [...messages].reverse().find((m) => m.role === 'user' || m.role === 'tool');
  const prompt = last?.text ?? '';
  const images = last?.images ?? 0;
  const promptTokens = messages.reduce(
    (sum, m) => sum + countTokens(m.text) + 4 + m.images * 85,
    3,
  );
  const plan: ChatPlan = {
    reasoning: REASONING_MODEL.test(model) ? pieces(composeReasoning(prompt)) : [],
    content: [],
    toolCall: undefined,
    finishReason: 'stop',
    promptTokens,
  };
  if (CHAT_IMAGE_MODEL.test(model)) {
    plan.content = imagePlan(ctx, prompt);
    return plan;
  }
  if (model === ECHO_MODEL) {
    plan.content = pieces(prompt);
    return plan;
  }
  if (last?.role === 'user') plan.toolCall = chooseTool(body, prompt);
  if (plan.toolCall) {
    plan.finishReason = 'tool_calls';
    return plan;
  }
  const format = body.response_format as
    | { type?: string; json_schema?: { schema?: unknown } }
    | undefined;
  let text: string;
  if (format?.type === 'json_schema') {
    text = JSON.stringify(
      sampleFromSchema(format.json_schema?.schema ?? { type: 'object' }, prompt),
    );
  } else if (format?.type === 'json_object') {
    text = JSON.stringify({ answer: composeAnswer(prompt, images), prompt: excerpt(prompt) });
  } else if (last?.role === 'tool') {
    text = `The tool returned: ${excerpt(prompt, 120)}. Based on that result, here is the answer you asked for.`;
  } else {
    text = composeAnswer(prompt, images);
  }
  plan.content = pieces(text);
  const limit = body.max_completion_tokens ?? body.max_tokens;
  if (typeof limit === 'number' && limit >= 0 && limit < plan.content.length) {
    plan.content = plan.content.slice(0, limit);
    plan.finishReason = 'length';
  }
  return plan;
}

function usageOf(plan: ChatPlan) {
  const toolTokens = plan.toolCall ? countTokens(plan.toolCall.arguments) + 3 : 0;
  const completion = plan.reasoning.length + plan.content.length + toolTokens;
  return {
    prompt_tokens: plan.promptTokens,
    completion_tokens: completion,
    total_tokens: plan.promptTokens + completion,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: plan.reasoning.length },
  };
}

const joinPieces = (list: Piece[]) => list.map((piece) => piece.text).join('');

async function* chatFrames(
  ctx: RequestContext,
  plan: ChatPlan,
  meta: { id: string; created: number; model: string; n: number; includeUsage: boolean },
): AsyncGenerator<string> {
  const base = {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    system_fingerprint: 'fp_aitre_mock',
  };
  const frames = (delta: Record<string, unknown>, finish: string | null) => {
    let out = '';
    for (let index = 0; index < meta.n; index++) {
      out += sseData({
        ...base,
        choices: [{ index, delta, logprobs: null, finish_reason: finish }],
        ...(meta.includeUsage ? { usage: null } : {}),
      });
    }
    return out;
  };
  const delay = tokenDelay(ctx);
  const argumentPieces = plan.toolCall ? (plan.toolCall.arguments.match(/.{1,12}/gs) ?? []) : [];
  const total = plan.reasoning.length + plan.content.length + argumentPieces.length;
  const faultAt = Math.max(1, Math.floor(total * 0.4));
  let sent = 0;

  yield frames({ role: 'assistant', content: '' }, null);
  yield SSE_KEEP_ALIVE;

  // Returns true when the stream must stop (error-event).
  async function* step(frame: string, pause: number): AsyncGenerator<string, boolean> {
    await sleep(delay * pause, ctx.signal);
    if (sent === faultAt) {
      if (ctx.fault === 'drop') throw connectionDropped();
      if (ctx.fault === 'malformed') {
        yield `data: {"id":"${meta.id}","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"\n\n`;
      }
      if (ctx.fault === 'error-event') {
        yield sseData(
          errorBody(ctx, 'The upstream model stopped responding in the middle of the answer', {
            type: 'upstream_error',
            code: 'upstream_stream_error',
          }),
        );
        yield SSE_DONE;
        return true;
      }
    }
    sent++;
    yield frame;
    if (sent % 20 === 0) yield SSE_KEEP_ALIVE;
    return false;
  }

  for (const piece of plan.reasoning) {
    if (yield* step(frames({ reasoning_content: piece.text }, null), piece.pause)) return;
  }
  for (const [i, piece] of plan.content.entries()) {
    const last = i === plan.content.length - 1 && !plan.toolCall;
    if (
      yield* step(frames({ content: piece.text }, last ? plan.finishReason : null), piece.pause)
    ) {
      return;
    }
  }
  if (plan.toolCall) {
    const { id, name } = plan.toolCall;
    yield frames(
      { tool_calls: [{ index: 0, id, type: 'function', function: { name, arguments: '' } }] },
      null,
    );
    for (const [i, fragment] of argumentPieces.entries()) {
      const last = i === argumentPieces.length - 1;
      const delta = { tool_calls: [{ index: 0, function: { arguments: fragment } }] };
      if (yield* step(frames(delta, last ? 'tool_calls' : null), 1)) return;
    }
  }
  if (plan.content.length === 0 && !plan.toolCall) yield frames({}, plan.finishReason);
  if (meta.includeUsage) {
    yield sseData({ ...base, choices: [], usage: usageOf(plan) });
  }
  yield SSE_DONE;
}

/** POST /v1/chat/completions: streamed or not, reasoning models, image-through-chat models, tools. */
export function handleChat(ctx: RequestContext): Response {
  const body = ctx.body;
  if (typeof body.model !== 'string' || body.model === '') return invalidField(ctx, 'model');
  const messages = readMessages(body.messages);
  if (typeof messages === 'string') return invalidField(ctx, messages);
  const n = body.n ?? 1;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 128) {
    return invalidField(ctx, 'n', 'n must be an integer between 1 and 128');
  }
  if (body.temperature !== undefined && body.temperature !== null) {
    const t = body.temperature;
    if (typeof t !== 'number' || t < 0 || t > 2) {
      return invalidField(ctx, 'temperature', 'temperature must be a number between 0 and 2');
    }
  }
  const model = body.model;
  const plan = buildPlan(ctx, model, messages);
  const id = `chatcmpl-${ctx.requestId}`;
  const created = Math.floor(Date.now() / 1000);
  if (body.stream === true) {
    const options = body.stream_options as { include_usage?: boolean } | undefined;
    return sseResponse(
      ctx,
      chatFrames(ctx, plan, {
        id,
        created,
        model,
        n,
        includeUsage: options?.include_usage === true,
      }),
    );
  }
  const reasoning = joinPieces(plan.reasoning);
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: plan.toolCall ? null : joinPieces(plan.content),
    refusal: null,
    ...(reasoning ? { reasoning_content: reasoning } : {}),
    ...(plan.toolCall
      ? {
          tool_calls: [
            {
              id: plan.toolCall.id,
              type: 'function',
              function: { name: plan.toolCall.name, arguments: plan.toolCall.arguments },
            },
          ],
        }
      : {}),
  };
  return jsonResponse(ctx, {
    id,
    object: 'chat.completion',
    created,
    model,
    system_fingerprint: 'fp_aitre_mock',
    choices: Array.from({ length: n }, (_, index) => ({
      index,
      message,
      logprobs: null,
      finish_reason: plan.finishReason,
    })),
    usage: usageOf(plan),
  });
}
