import { pieces } from './chat.js';
import type { RequestContext } from './context.js';
import { errorBody, invalidField } from './errors.js';
import { jsonResponse } from './http.js';
import {
  connectionDropped,
  SSE_DONE,
  SSE_KEEP_ALIVE,
  sleep,
  sseData,
  sseResponse,
  tokenDelay,
} from './stream.js';
import { composeAnswer, countTokens } from './text.js';

interface CompletionChoice {
  text: string[];
  finishReason: 'stop' | 'length';
}

function readPrompts(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value === '' ? undefined : [value];
  if (!Array.isArray(value) || value.length === 0) return undefined;
  if (value.every((item) => typeof item === 'number')) return [value.join(' ')];
  if (value.every((item) => typeof item === 'string')) return value as string[];
  if (value.every((item) => Array.isArray(item))) return value.map((item) => item.join(' '));
  return undefined;
}

/** POST /v1/completions (legacy text completions), streamed or not. */
export function handleCompletions(ctx: RequestContext): Response {
  const body = ctx.body;
  if (typeof body.model !== 'string' || body.model === '') return invalidField(ctx, 'model');
  const prompts = readPrompts(body.prompt);
  if (!prompts) return invalidField(ctx, 'prompt');
  const maxTokens = body.max_tokens ?? 16;
  if (typeof maxTokens !== 'number' || maxTokens < 0) {
    return invalidField(ctx, 'max_tokens', 'max_tokens must be a non-negative integer');
  }
  const n = typeof body.n === 'number' && body.n >= 1 ? Math.floor(body.n) : 1;
  const choices: CompletionChoice[] = [];
  for (const prompt of prompts) {
    const all = pieces(composeAnswer(prompt)).map((piece) => piece.text);
    const text = all.slice(0, maxTokens);
    if (body.echo === true) text.unshift(prompt);
    for (let i = 0; i < n; i++) {
      choices.push({ text, finishReason: all.length > maxTokens ? 'length' : 'stop' });
    }
  }
  const promptTokens = prompts.reduce((sum, prompt) => sum + countTokens(prompt), 0);
  const completionTokens = choices.reduce((sum, choice) => sum + choice.text.length, 0);
  const usage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
  const id = `cmpl-${ctx.requestId}`;
  const created = Math.floor(Date.now() / 1000);
  const model = body.model;
  if (body.stream !== true) {
    return jsonResponse(ctx, {
      id,
      object: 'text_completion',
      created,
      model,
      choices: choices.map((choice, index) => ({
        text: choice.text.join(''),
        index,
        logprobs: null,
        finish_reason: choice.finishReason,
      })),
      usage,
    });
  }
  const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)
    ?.include_usage;
  async function* frames(): AsyncGenerator<string> {
    const delay = tokenDelay(ctx);
    const longest = Math.max(...choices.map((choice) => choice.text.length));
    const faultAt = Math.max(1, Math.floor(longest * 0.4));
    const chunk = (index: number, text: string, finish: string | null) =>
      sseData({
        id,
        object: 'text_completion',
        created,
        model,
        choices: [{ text, index, logprobs: null, finish_reason: finish }],
      });
    for (let step = 0; step < longest; step++) {
      await sleep(delay, ctx.signal);
      if (step === faultAt) {
        if (ctx.fault === 'drop') throw connectionDropped();
        if (ctx.fault === 'malformed') {
          yield `data: {"id":"${id}","object":"text_completion","choices":[\n\n`;
        }
        if (ctx.fault === 'error-event') {
          yield sseData(
            errorBody(ctx, 'The upstream model stopped responding in the middle of the answer', {
              type: 'upstream_error',
              code: 'upstream_stream_error',
            }),
          );
          yield SSE_DONE;
          return;
        }
      }
      for (const [index, choice] of choices.entries()) {
        const token = choice.text[step];
        if (token === undefined) continue;
        const last = step === choice.text.length - 1;
        yield chunk(index, token, last ? choice.finishReason : null);
      }
      if (step > 0 && step % 20 === 0) yield SSE_KEEP_ALIVE;
    }
    for (const [index, choice] of choices.entries()) {
      if (choice.text.length === 0) yield chunk(index, '', choice.finishReason);
    }
    if (includeUsage) {
      yield sseData({ id, object: 'text_completion', created, model, choices: [], usage });
    }
    yield SSE_DONE;
  }
  return sseResponse(ctx, frames());
}
