import { handleSpeech } from './audio.js';
import { handleChat } from './chat.js';
import { handleCompletions } from './completions.js';
import type { RequestContext, ResolvedOptions } from './context.js';
import { handleEmbeddings } from './embeddings.js';
import { errorResponse, invalidField } from './errors.js';
import { degradeBody, FaultCounter, parseFault, respondWithFault, slowDown } from './faults.js';
import { FileStore } from './files.js';
import { baseHeaders, preflightResponse } from './http.js';
import { handleImageEdit, handleImageGeneration } from './images.js';
import {
  handleAction,
  handleBlend,
  handleDescribe,
  handleFetch,
  handleImageSeed,
  handleImagine,
  handleList,
  handleModal,
  handleShorten,
  handleSwapFace,
  MidjourneyTasks,
} from './midjourney.js';
import { handleModel, handleModels } from './models.js';
import { randomHex } from './random.js';
import { abortError, sleep } from './stream.js';
import { handleTranscription } from './transcription.js';
import type { GatewayOptions, MockGateway, RequestLogEntry } from './types.js';

type BodyKind = 'json' | 'form' | 'none';

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  body: BodyKind;
  handle(ctx: RequestContext, match: RegExpExecArray): Response | Promise<Response>;
}

const ROUTES: Route[] = [
  { method: 'POST', pattern: /^\/v1\/chat\/completions$/, body: 'json', handle: handleChat },
  { method: 'POST', pattern: /^\/v1\/completions$/, body: 'json', handle: handleCompletions },
  { method: 'POST', pattern: /^\/v1\/embeddings$/, body: 'json', handle: handleEmbeddings },
  {
    method: 'POST',
    pattern: /^\/v1\/images\/generations$/,
    body: 'json',
    handle: handleImageGeneration,
  },
  { method: 'POST', pattern: /^\/v1\/images\/edits$/, body: 'form', handle: handleImageEdit },
  { method: 'POST', pattern: /^\/v1\/audio\/speech$/, body: 'json', handle: handleSpeech },
  {
    method: 'POST',
    pattern: /^\/v1\/audio\/transcriptions$/,
    body: 'form',
    handle: (ctx) => handleTranscription(ctx, 'transcribe'),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/audio\/translations$/,
    body: 'form',
    handle: (ctx) => handleTranscription(ctx, 'translate'),
  },
  { method: 'POST', pattern: /^\/mj\/submit\/imagine$/, body: 'json', handle: handleImagine },
  { method: 'POST', pattern: /^\/mj\/submit\/action$/, body: 'json', handle: handleAction },
  { method: 'POST', pattern: /^\/mj\/submit\/modal$/, body: 'json', handle: handleModal },
  { method: 'POST', pattern: /^\/mj\/submit\/blend$/, body: 'json', handle: handleBlend },
  { method: 'POST', pattern: /^\/mj\/submit\/describe$/, body: 'json', handle: handleDescribe },
  { method: 'POST', pattern: /^\/mj\/submit\/shorten$/, body: 'json', handle: handleShorten },
  { method: 'POST', pattern: /^\/mj\/insight-face\/swap$/, body: 'json', handle: handleSwapFace },
  {
    method: 'GET',
    pattern: /^\/mj\/task\/([^/]+)\/fetch$/,
    body: 'none',
    handle: (ctx, match) => handleFetch(ctx, decodeURIComponent(match[1] as string)),
  },
  {
    method: 'GET',
    pattern: /^\/mj\/task\/([^/]+)\/image-seed$/,
    body: 'none',
    handle: (ctx, match) => handleImageSeed(ctx, decodeURIComponent(match[1] as string)),
  },
  { method: 'POST', pattern: /^\/mj\/task\/list-by-condition$/, body: 'json', handle: handleList },
  { method: 'GET', pattern: /^\/v1\/models$/, body: 'none', handle: handleModels },
  {
    method: 'GET',
    pattern: /^\/v1\/models\/([^/]+)$/,
    body: 'none',
    handle: (ctx, match) => handleModel(ctx, decodeURIComponent(match[1] as string)),
  },
];

function resolveOptions(options: GatewayOptions): ResolvedOptions {
  const bannedWords = options.bannedWords ?? ['forbidden'];
  return {
    apiKey: options.apiKey,
    tokenDelayMs: options.tokenDelayMs ?? 30,
    latencyMs: options.latencyMs ?? 0,
    slowTokenDelayMs: options.slowTokenDelayMs ?? 1000,
    retryAfterMs: options.retryAfterMs ?? 1000,
    bannedWords,
    fileUrls: options.fileUrls ?? 'gateway',
    publicURL: options.publicURL?.replace(/\/+$/, ''),
    mj: {
      stepMs: options.mj?.stepMs ?? 1000,
      steps: options.mj?.steps ?? 6,
      bannedWords: options.mj?.bannedWords ?? bannedWords,
      banCheck: options.mj?.banCheck ?? 'failure',
      remix: options.mj?.remix ?? false,
      concurrency: options.mj?.concurrency ?? Number.POSITIVE_INFINITY,
      relay: options.mj?.relay ?? 'new-api',
    },
  };
}

/** A new-api style request id: a timestamp plus random digits and hex. */
function newRequestId(): string {
  const now = new Date();
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const digits = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  return `${stamp}${digits}${randomHex(7)}`;
}

function bearer(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  if (header) return header.replace(/^Bearer\s+/i, '').trim();
  return request.headers.get('mj-api-secret') ?? undefined;
}

async function readBody(ctx: RequestContext, kind: BodyKind): Promise<Response | undefined> {
  if (kind === 'json') {
    const text = await ctx.request.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return errorResponse(ctx, 400, `invalid JSON body: ${(error as Error).message}`, {
        type: 'invalid_request_error',
        code: 'invalid_request',
      });
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return errorResponse(ctx, 400, 'the request body must be a JSON object', {
        type: 'invalid_request_error',
        code: 'invalid_request',
      });
    }
    ctx.body = parsed as Record<string, unknown>;
  } else if (kind === 'form') {
    const type = ctx.request.headers.get('content-type') ?? '';
    if (!type.startsWith('multipart/form-data')) {
      return errorResponse(ctx, 400, 'the request body must be multipart/form-data', {
        type: 'invalid_request_error',
        code: 'invalid_request',
      });
    }
    try {
      ctx.form = await ctx.request.formData();
    } catch {
      return errorResponse(ctx, 400, 'the multipart body could not be parsed', {
        type: 'invalid_request_error',
        code: 'invalid_request',
      });
    }
  }
  return undefined;
}

function modelOf(ctx: RequestContext): string | undefined {
  const model = ctx.form ? ctx.form.get('model') : ctx.body.model;
  return typeof model === 'string' ? model : undefined;
}

/** Creates an in-memory AITRE gateway; hand its `fetch` to a client, or `serve()` it over HTTP. */
export function createGateway(options: GatewayOptions = {}): MockGateway {
  const resolved = resolveOptions(options);
  const files = new FileStore();
  const mj = new MidjourneyTasks();
  const counter = new FaultCounter();
  const log: RequestLogEntry[] = [];

  async function handle(
    request: Request,
    signal: AbortSignal,
    entry: RequestLogEntry,
  ): Promise<Response> {
    if (request.method === 'OPTIONS') return preflightResponse(request);
    const url = new URL(request.url);
    const path = url.pathname
      .replace(/\/+$/, '')
      .replace(/^\/mj-(?:fast|relax|turbo)(?=\/mj\/)/, '');
    const ctx: RequestContext = {
      request,
      url,
      path,
      requestId: newRequestId(),
      origin: resolved.publicURL ?? url.origin,
      signal,
      options: resolved,
      fault: undefined,
      body: {},
      form: undefined,
      files,
      mj,
    };
    const fileMatch = /^\/files\/([\w.-]+)$/.exec(path);
    if (fileMatch && (request.method === 'GET' || request.method === 'HEAD')) {
      const file = files.get(fileMatch[1] as string);
      if (!file) {
        return errorResponse(ctx, 404, 'file not found or expired', {
          type: 'invalid_request_error',
          code: 'file_not_found',
        });
      }
      return new Response(
        request.method === 'HEAD' ? null : (file.bytes as Uint8Array<ArrayBuffer>),
        {
          headers: {
            ...baseHeaders(ctx),
            'content-type': file.contentType,
            'content-length': String(file.bytes.byteLength),
            'cache-control': 'public, max-age=3600',
          },
        },
      );
    }
    let route: Route | undefined;
    let match: RegExpExecArray | null = null;
    for (const candidate of ROUTES) {
      if (candidate.method !== request.method) continue;
      match = candidate.pattern.exec(path);
      if (match) {
        route = candidate;
        break;
      }
    }
    if (!route || !match) {
      return errorResponse(ctx, 404, `Invalid URL (${request.method} ${url.pathname})`, {
        type: 'invalid_request_error',
        code: '',
      });
    }
    if (resolved.apiKey !== undefined) {
      const key = bearer(request);
      if (key !== resolved.apiKey) {
        return errorResponse(
          ctx,
          401,
          key ? 'Invalid API key (无效的令牌)' : 'No API key provided (未提供令牌)',
          {
            type: 'new_api_error',
            code: 'invalid_api_key',
          },
        );
      }
    }
    const invalid = await readBody(ctx, route.body);
    if (invalid) return invalid;

    const header = request.headers.get('x-mock-fault');
    const spec = header ?? /^mock-fault-(.+)$/.exec(modelOf(ctx) ?? '')?.[1];
    if (spec) {
      const parsed = parseFault(spec);
      if (!parsed) {
        return invalidField(ctx, header ? 'x-mock-fault' : 'model', `unknown mock fault "${spec}"`);
      }
      if (counter.take(spec, parsed.count, path)) {
        ctx.fault = parsed.name;
        entry.fault = parsed.name;
      }
    }
    await sleep(resolved.latencyMs, signal);
    const faulted = await respondWithFault(ctx);
    if (faulted) return faulted;
    if (ctx.body.stream !== true) await slowDown(ctx);
    let response: Response;
    try {
      response = await route.handle(ctx, match);
    } catch (error) {
      if (signal.aborted) throw error;
      // A bug in the mock must look like a gateway error, not like a network failure.
      return errorResponse(ctx, 500, `mock gateway error: ${(error as Error).message}`, {
        type: 'new_api_error',
        code: 'mock_internal_error',
      });
    }
    if (ctx.fault === 'drop' || ctx.fault === 'malformed' || ctx.fault === 'error-event') {
      return degradeBody(ctx, response);
    }
    return response;
  }

  return {
    async fetch(input, init) {
      const request = new Request(input, init);
      // The caller's own signal, not request.signal: undici links the latter to the former only
      // weakly, so an abort can be lost once the Request object is garbage collected.
      const signal =
        init?.signal ?? (input instanceof Request ? input.signal : undefined) ?? request.signal;
      if (signal.aborted) throw abortError();
      const entry: RequestLogEntry = {
        method: request.method,
        path: new URL(request.url).pathname,
        status: 0,
      };
      log.push(entry);
      const response = await handle(request, signal, entry);
      entry.status = response.status;
      return response;
    },
    get requests() {
      return log;
    },
    reset() {
      log.length = 0;
      counter.clear();
      files.clear();
      mj.clear();
    },
  };
}
