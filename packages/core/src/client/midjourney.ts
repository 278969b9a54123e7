import { MidjourneyError } from '../errors.js';
import { parseJsonOrText } from './createApiError.js';
import { normaliseMjTask } from './normaliseMjTask.js';
import {
  isHtml,
  mjErrorFromBody,
  mjSubmitError,
  mjUnavailable,
  parseMjSubmit,
} from './parseMjSubmit.js';
import type { Transport } from './Transport.js';
import type {
  MjActionOptions,
  MjBlendParams,
  MjDescribeParams,
  MjImagineParams,
  MjModalParams,
  MjRequestOptions,
  MjShortenParams,
  MjSubmitResult,
  MjSwapFaceParams,
  MjTask,
} from './typesMidjourney.js';
import { validateMjBlend, validateMjIds, validateMjImage, validateMjPrompt } from './validate.js';

const REQUEST_KEYS = ['signal', 'timeoutMs', 'maxRetries', 'headers', 'mode'] as const;

function taskNotFound(id: string, status: number): MidjourneyError {
  const description = `Task ${id} not found`;
  return new MidjourneyError(description, { code: 3, description, kind: 'not_found', status });
}

function fetchError(id: string) {
  return (response: Response, body: unknown): MidjourneyError => {
    if (response.status === 404 || isHtml(body)) return mjUnavailable(response.status);
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    if (/task_no_found|task_not_found/.test(text)) return taskNotFound(id, response.status);
    return mjErrorFromBody(response.status, body);
  };
}

/** The MidJourney relay (midjourney-proxy format): submits are paid and not retried unless asked. */
export class MidjourneyApi {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  #path(path: string, options: MjRequestOptions | undefined): string {
    const mode = options?.mode ?? this.#transport.options.midjourneyMode;
    return `${mode ? `/mj-${mode}` : ''}/mj${path}`;
  }

  async #submit(
    path: string,
    body: object,
    options: MjRequestOptions | undefined,
  ): Promise<MjSubmitResult> {
    return this.#transport.send(
      {
        method: 'POST',
        path: this.#path(path, options),
        body,
        paid: true,
        toError: (response, errorBody) => mjSubmitError(response.status, errorBody),
      },
      options,
      async (response) => parseMjSubmit(response.status, parseJsonOrText(await response.text())),
    );
  }

  /** POST /mj/submit/imagine: text (and reference images) to a 2x2 grid. */
  async imagine(params: MjImagineParams, options?: MjRequestOptions): Promise<MjSubmitResult> {
    validateMjPrompt(params.prompt);
    return this.#submit('/submit/imagine', params, options);
  }

  /** POST /mj/submit/action: press a button (`customId`) of the finished task `taskId`. */
  action(
    customId: string,
    taskId: string,
    options?: MjActionOptions & MjRequestOptions,
  ): Promise<MjSubmitResult>;
  /** POST /mj/submit/action with the body as one object. */
  action(
    params: MjActionOptions & { taskId: string; customId: string },
    options?: MjRequestOptions,
  ): Promise<MjSubmitResult>;
  async action(
    first: string | (MjActionOptions & { taskId: string; customId: string }),
    second?: string | MjRequestOptions,
    third?: MjActionOptions & MjRequestOptions,
  ): Promise<MjSubmitResult> {
    let body: Record<string, unknown>;
    let options: MjRequestOptions | undefined;
    if (typeof first === 'string') {
      const rest: Record<string, unknown> = { ...third };
      options = {};
      for (const key of REQUEST_KEYS) {
        if (rest[key] !== undefined) (options as Record<string, unknown>)[key] = rest[key];
        delete rest[key];
      }
      body = { ...rest, taskId: second, customId: first };
    } else {
      body = { ...first };
      options = typeof second === 'object' ? second : undefined;
    }
    validateMjIds(body.taskId, body.customId, true);
    return this.#submit('/submit/action', body, options);
  }

  /** POST /mj/submit/modal: completes a task that answered 21 or shows status MODAL. */
  async modal(params: MjModalParams, options?: MjRequestOptions): Promise<MjSubmitResult> {
    validateMjIds(params.taskId);
    return this.#submit('/submit/modal', params, options);
  }

  /** POST /mj/submit/blend: 2 to 5 images into one. */
  async blend(params: MjBlendParams, options?: MjRequestOptions): Promise<MjSubmitResult> {
    validateMjBlend(params.base64Array);
    return this.#submit('/submit/blend', params, options);
  }

  /** POST /mj/submit/describe: four prompts for an image. */
  async describe(params: MjDescribeParams, options?: MjRequestOptions): Promise<MjSubmitResult> {
    validateMjImage(params.base64, 'base64');
    return this.#submit('/submit/describe', params, options);
  }

  /** POST /mj/submit/shorten: prompt analysis and five shorter prompts. */
  async shorten(params: MjShortenParams, options?: MjRequestOptions): Promise<MjSubmitResult> {
    validateMjPrompt(params.prompt);
    return this.#submit('/submit/shorten', params, options);
  }

  /** POST /mj/insight-face/swap: puts the source face onto the target picture. */
  async swapFace(params: MjSwapFaceParams, options?: MjRequestOptions): Promise<MjSubmitResult> {
    validateMjImage(params.sourceBase64, 'sourceBase64');
    validateMjImage(params.targetBase64, 'targetBase64');
    return this.#submit('/insight-face/swap', params, options);
  }

  /** GET /mj/task/{id}/fetch; an unknown id throws MidjourneyError code 3 (kind 'not_found'). */
  async fetchTask(id: string, options?: MjRequestOptions): Promise<MjTask> {
    validateMjIds(id);
    const taskId = String(id);
    return this.#transport.send(
      {
        method: 'GET',
        path: this.#path(`/task/${encodeURIComponent(taskId)}/fetch`, options),
        toError: fetchError(taskId),
      },
      options,
      async (response) => {
        const body = parseJsonOrText(response.status === 204 ? '' : await response.text());
        if (isHtml(body)) throw mjUnavailable(response.status);
        if (typeof body !== 'object' || body === null || Array.isArray(body))
          throw taskNotFound(taskId, response.status);
        const record = body as Record<string, unknown>;
        if (record.error) throw mjErrorFromBody(response.status, body);
        if (record.id == null) throw taskNotFound(taskId, response.status);
        return normaliseMjTask(record);
      },
    );
  }

  /** POST /mj/task/list-by-condition: the tasks with these ids (unknown ids are left out). */
  async listTasks(ids: string[], options?: MjRequestOptions): Promise<MjTask[]> {
    if (ids.length === 0) return [];
    return this.#transport.send(
      {
        method: 'POST',
        path: this.#path('/task/list-by-condition', options),
        body: { ids: ids.map(String) },
        toError: (response, body) =>
          response.status === 404 || isHtml(body)
            ? mjUnavailable(response.status)
            : mjErrorFromBody(response.status, body),
      },
      options,
      async (response) => {
        const body = parseJsonOrText(await response.text());
        if (isHtml(body)) throw mjUnavailable(response.status);
        const list = Array.isArray(body) ? body : (body as { data?: unknown } | null)?.data;
        if (!Array.isArray(list)) throw mjErrorFromBody(response.status, body);
        return list
          .filter(
            (task): task is Record<string, unknown> => typeof task === 'object' && task !== null,
          )
          .map(normaliseMjTask);
      },
    );
  }
}
