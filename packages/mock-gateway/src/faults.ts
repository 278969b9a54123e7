import type { RequestContext } from './context.js';
import { errorBody, errorResponse } from './errors.js';
import { connectionDropped, iteratorStream, sleep, waitForAbort } from './stream.js';
import type { FaultName } from './types.js';

/** Every fault name the gateway understands. */
export const FAULT_NAMES: readonly FaultName[] = [
  '429',
  '500',
  '503',
  'quota',
  'no-channel',
  'auth',
  'drop',
  'malformed',
  'error-event',
  'slow',
  'timeout',
  'mj-stuck',
  'mj-failure',
  'image-404',
];

/** A parsed fault spec: `drop`, or `429:2` (only the first 2 matching requests fail). */
export interface ParsedFault {
  name: FaultName;
  count: number | undefined;
}

/** Parses `<name>` or `<name>:<n>`; undefined when the name is unknown. */
export function parseFault(spec: string): ParsedFault | undefined {
  const match = /^([a-z0-9-]+)(?::(\d+))?$/.exec(spec.trim().toLowerCase());
  if (!match) return undefined;
  const name = FAULT_NAMES.find((known) => known === match[1]);
  if (!name) return undefined;
  return { name, count: match[2] === undefined ? undefined : Number(match[2]) };
}

/** Counts requests per fault spec and path so `<name>:<n>` fails only the first n of them. */
export class FaultCounter {
  readonly #seen = new Map<string, number>();

  /** Whether this request (spec + path) still falls within the spec's count. */
  take(spec: string, count: number | undefined, path: string): boolean {
    if (count === undefined) return true;
    const key = `${spec} ${path}`;
    const seen = (this.#seen.get(key) ?? 0) + 1;
    this.#seen.set(key, seen);
    return seen <= count;
  }

  /** Forgets every count. */
  clear(): void {
    this.#seen.clear();
  }
}

/**
 * Answers the faults that replace the whole response (429, 500, 503, the new-api refusals
 * quota, no-channel and auth, timeout); undefined otherwise.
 */
export async function respondWithFault(ctx: RequestContext): Promise<Response | undefined> {
  switch (ctx.fault) {
    case '429': {
      const ms = ctx.options.retryAfterMs;
      return errorResponse(
        ctx,
        429,
        'Rate limit reached for requests: too many requests in a short time, please retry later',
        { type: 'rate_limit_error', code: 'rate_limit_exceeded' },
        { 'retry-after': String(Math.ceil(ms / 1000)), 'retry-after-ms': String(ms) },
      );
    }
    case '500':
      return errorResponse(ctx, 500, 'bad response status code 500', {
        type: 'upstream_error',
        code: 'bad_response_status_code',
        param: '500',
      });
    case '503':
      return errorResponse(
        ctx,
        503,
        'bad response status code 503: the upstream service is overloaded',
        {
          type: 'upstream_error',
          code: 'bad_response_status_code',
          param: '503',
        },
      );
    // new-api's own refusals, with its status, code and Chinese message.
    case 'quota':
      return errorResponse(ctx, 403, '用户额度不足, 剩余额度: ＄0.000000', {
        code: 'insufficient_user_quota',
      });
    case 'no-channel':
      return errorResponse(
        ctx,
        503,
        `当前分组 default 下对于模型 ${String(ctx.body.model ?? '')} 无可用渠道`,
        {
          code: 'model_not_found',
        },
      );
    case 'auth':
      return errorResponse(ctx, 401, '无效的令牌', { code: '' });
    case 'timeout':
      return waitForAbort(ctx.signal);
    default:
      return undefined;
  }
}

/** Waits before a non-streamed answer under the `slow` fault. */
export function slowDown(ctx: RequestContext): Promise<void> {
  return ctx.fault === 'slow'
    ? sleep(ctx.options.slowTokenDelayMs * 3, ctx.signal)
    : Promise.resolve();
}

/**
 * Applies body faults to a finished, non-streamed 200 answer: `drop` cuts the body halfway and
 * errors it (a network failure while reading), `malformed` sends half the JSON, `error-event`
 * answers status 200 with an `{"error": ...}` body, as some gateways do.
 */
export async function degradeBody(ctx: RequestContext, response: Response): Promise<Response> {
  const type = response.headers.get('content-type') ?? '';
  if (response.status !== 200 || type.startsWith('text/event-stream')) return response;
  const isJson = type.startsWith('application/json');
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  if (ctx.fault === 'drop') {
    const bytes = new Uint8Array(await response.arrayBuffer());
    async function* halfThenDrop(): AsyncGenerator<Uint8Array> {
      yield bytes.subarray(0, Math.floor(bytes.length / 2));
      throw connectionDropped();
    }
    return new Response(iteratorStream(halfThenDrop(), ctx.signal), { status: 200, headers });
  }
  if (ctx.fault === 'malformed' && isJson) {
    const text = await response.text();
    return new Response(text.slice(0, Math.floor(text.length / 2)), { status: 200, headers });
  }
  if (ctx.fault === 'error-event' && isJson) {
    const body = errorBody(ctx, 'The upstream model returned an error', {
      type: 'upstream_error',
      code: 'upstream_error',
    });
    return new Response(JSON.stringify(body), { status: 200, headers });
  }
  return response;
}
