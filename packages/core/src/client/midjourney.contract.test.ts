import { createGateway, type MockGateway } from '@aitre/mock-gateway';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MidjourneyError, MidjourneyUnavailableError, ValidationError } from '../errors.js';
import { type AitreClient, createClient } from './createClient.js';
import type { ClientOptions } from './typesCommon.js';
import type { MjTask } from './typesMidjourney.js';

// core's typecheck runs without Node types, so the Node-only entry is loaded by a specifier
// tsc does not follow (vitest still resolves it through its alias).
const NODE_ENTRY = '@aitre/mock-gateway/node';
type Serve = (
  gateway: MockGateway,
  options: { port: number; host: string },
) => Promise<{ url: string; close(): Promise<void> }>;

const API_KEY = 'sk-mj';
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

async function settle(
  client: AitreClient,
  id: string,
  until = ['SUCCESS', 'FAILURE', 'CANCEL'],
): Promise<MjTask> {
  for (let i = 0; i < 500; i++) {
    const task = await client.midjourney.fetchTask(id);
    if (until.includes(task.status)) return task;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`task ${id} did not settle`);
}

describe.each(['in-memory fetch', 'HTTP on 127.0.0.1'] as const)(
  'midjourney against the mock gateway (%s)',
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
      gateway = createGateway({ apiKey: API_KEY, mj: { stepMs: 5, steps: 2 } });
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

    it('imagines, polls to SUCCESS and lists the task', async () => {
      const submit = await client.midjourney.imagine({
        prompt: 'a red fox in snow --ar 3:2',
        state: 's1',
      });
      expect(submit).toMatchObject({ status: 'submitted', code: 1, queued: false });
      expect(typeof submit.taskId).toBe('string');
      const task = await settle(client, submit.taskId);
      expect(task).toMatchObject({
        id: submit.taskId,
        status: 'SUCCESS',
        progress: '100%',
        action: 'IMAGINE',
      });
      expect(task.imageUrl).toBeTruthy();
      expect(task.buttons.map((b) => b.label)).toContain('U1');
      const listed = await client.midjourney.listTasks([submit.taskId, '404404404']);
      expect(listed.map((t) => t.id)).toEqual([submit.taskId]);
    });

    it('presses buttons, and completes Vary (Region) through the modal after code 21', async () => {
      const grid = await settle(
        client,
        (await client.midjourney.imagine({ prompt: 'a castle' })).taskId,
      );
      const u1 = grid.buttons.find((b) => b.label === 'U1')!;
      const upscale = await client.midjourney.action(u1.customId, grid.id);
      expect(upscale.status).toBe('submitted');
      const single = await settle(client, upscale.taskId);
      const inpaint = single.buttons.find((b) => b.customId.startsWith('MJ::Inpaint'))!;
      const needsModal = await client.midjourney.action({
        taskId: single.id,
        customId: inpaint.customId,
      });
      expect(needsModal).toMatchObject({ status: 'needs_modal', code: 21 });
      expect(typeof needsModal.properties.finalPrompt).toBe('string');
      const confirmed = await client.midjourney.modal({
        taskId: needsModal.taskId,
        prompt: 'a castle with a flag',
        maskBase64: PNG,
      });
      expect(confirmed).toMatchObject({ status: 'submitted', taskId: needsModal.taskId });
      expect((await settle(client, needsModal.taskId)).status).toBe('SUCCESS');
    });

    it('submits blend, describe, shorten and swap face', async () => {
      for (const submit of [
        client.midjourney.blend({ base64Array: [PNG, PNG], dimensions: 'SQUARE' }),
        client.midjourney.describe({ base64: PNG }),
        client.midjourney.shorten({
          prompt: 'a very very detailed portrait of a cat, 8k, trending',
        }),
        client.midjourney.swapFace({ sourceBase64: PNG, targetBase64: PNG }),
      ]) {
        const result = await submit;
        expect(result.status).toBe('submitted');
        expect((await settle(client, result.taskId)).status).toBe('SUCCESS');
      }
    });

    it('rejects a blend of one image before any request', async () => {
      const error = await caught(client.midjourney.blend({ base64Array: [PNG] }));
      expect(ValidationError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: 'blend_count' });
      expect(gateway.requests).toHaveLength(0);
    });

    it('reports an unknown task id as not found (code 3)', async () => {
      const error = await caught(client.midjourney.fetchTask('1234567890123456'));
      expect(MidjourneyError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: 3, kind: 'not_found' });
    });

    it("carries the gateway's description for its own {description,type,code} errors", async () => {
      const error = await caught(
        client.midjourney.action('MJ::JOB::upsample::1::abc', '1234567890123456'),
      );
      expect(MidjourneyError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: 4, status: 400 });
      expect((error as MidjourneyError).description).toMatch(/task_not_found/);
    });

    it('reads an OpenAI-style error for an unknown button', async () => {
      const grid = await settle(
        client,
        (await client.midjourney.imagine({ prompt: 'a lake' })).taskId,
      );
      const error = await caught(client.midjourney.action('MJ::Job::PicReader::1', grid.id));
      expect(MidjourneyError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: 'unknown_action', status: 400 });
      expect((error as MidjourneyError).message).not.toMatch(/request id/);
    });

    it('reports a failed task through its status, not the submit', async () => {
      const submit = await client.midjourney.imagine(
        { prompt: 'a fox' },
        { headers: { 'x-mock-fault': 'mj-failure' } },
      );
      const task = await settle(client, submit.taskId);
      expect(task).toMatchObject({ status: 'FAILURE', progress: '100%' });
      expect(task.failReason).toBeTruthy();
    });

    it('does not retry a paid submit unless asked', async () => {
      const error = await caught(
        client.midjourney.imagine({ prompt: 'a fox' }, { headers: { 'x-mock-fault': '500:1' } }),
      );
      expect(MidjourneyError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ status: 500, kind: 'upstream' });
      expect(gateway.requests).toHaveLength(1);
      gateway.reset();
      const result = await client.midjourney.imagine(
        { prompt: 'a fox' },
        { headers: { 'x-mock-fault': '500:1' }, maxRetries: 1 },
      );
      expect(result.status).toBe('submitted');
      expect(gateway.requests).toHaveLength(2);
    });

    it('retries task fetches on 503', async () => {
      const submit = await client.midjourney.imagine({ prompt: 'a fox' });
      const task = await client.midjourney.fetchTask(submit.taskId, {
        headers: { 'x-mock-fault': '503:1' },
      });
      expect(task.id).toBe(submit.taskId);
    });

    it('sends the speed mode as a path prefix', async () => {
      const result = await make({ midjourneyMode: 'fast' }).midjourney.imagine({ prompt: 'a fox' });
      expect(result.status).toBe('submitted');
      await client.midjourney.fetchTask(result.taskId, { mode: 'relax' });
      expect(gateway.requests.map((r) => r.path)).toEqual([
        '/mj-fast/mj/submit/imagine',
        `/mj-relax/mj/task/${result.taskId}/fetch`,
      ]);
    });

    it('turns a bad key into an auth MidjourneyError', async () => {
      const error = await caught(
        make({ apiKey: 'sk-wrong' }).midjourney.imagine({ prompt: 'a fox' }),
      );
      expect(error).toMatchObject({ kind: 'auth', status: 401 });
    });
  },
);

describe('midjourney answers the mock does not give', () => {
  it('throws code 24 with the banned word when the proxy prechecks prompts', async () => {
    const gateway = createGateway({ mj: { banCheck: 'precheck' }, bannedWords: ['gore'] });
    const client = createClient({ baseURL: 'http://mock.gateway', fetch: gateway.fetch });
    const error = await caught(client.midjourney.imagine({ prompt: 'some gore here' }));
    expect(error).toMatchObject({ code: 24, properties: { bannedWord: 'gore' } });
    expect((error as MidjourneyError).message).toMatch(/gore/);
  });

  it.each([
    ['a 404', () => new Response('404 page not found', { status: 404 })],
    [
      'an HTML page',
      () =>
        new Response('<!doctype html><html><body>console</body></html>', {
          status: 200,
          headers: { 'content-type': 'text/html' },
        }),
    ],
  ])('throws MidjourneyUnavailableError for %s', async (_name, answer) => {
    const client = createClient({
      baseURL: 'https://gw.example',
      fetch: (async () => answer()) as typeof fetch,
    });
    const submit = await caught(client.midjourney.imagine({ prompt: 'a fox' }));
    expect(MidjourneyUnavailableError.isInstance(submit)).toBe(true);
    expect(submit).toMatchObject({ kind: 'no_midjourney' });
    expect(
      MidjourneyUnavailableError.isInstance(await caught(client.midjourney.fetchTask('1'))),
    ).toBe(true);
  });

  it('reads code 22 as queued and an empty or 204 fetch as not found', async () => {
    const answers = [
      () =>
        Response.json({
          code: 22,
          description: '排队中，前面还有3个任务',
          result: 17485999849855,
          properties: { numberOfQueues: 3 },
        }),
      () => new Response(null, { status: 204 }),
      () => new Response('', { status: 200 }),
    ];
    let call = 0;
    const client = createClient({
      baseURL: 'https://gw.example',
      fetch: (async () => answers[call++]!()) as typeof fetch,
    });
    expect(await client.midjourney.imagine({ prompt: 'a fox' })).toMatchObject({
      status: 'submitted',
      code: 22,
      queued: true,
      taskId: '17485999849855',
    });
    expect(await caught(client.midjourney.fetchTask('1'))).toMatchObject({
      code: 3,
      kind: 'not_found',
    });
    expect(await caught(client.midjourney.fetchTask('1'))).toMatchObject({
      code: 3,
      kind: 'not_found',
    });
  });

  it('throws a retryable error when the queue is full (code 23)', async () => {
    const client = createClient({
      baseURL: 'https://gw.example',
      fetch: (async () =>
        Response.json({
          code: 23,
          description: '队列已满，请稍后尝试',
          result: null,
        })) as typeof fetch,
    });
    expect(await caught(client.midjourney.imagine({ prompt: 'a fox' }))).toMatchObject({
      code: 23,
      retryable: true,
    });
  });
});
