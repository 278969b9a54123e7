import { createGateway } from '@aitre/mock-gateway';
import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../client/index.js';
import { ValidationError } from '../errors.js';
import { CompletionStore, type CompletionStoreOptions } from './CompletionStore.js';
import type { Notify } from './Store.js';

function setup(options: Partial<CompletionStoreOptions> & { tokenDelayMs?: number } = {}) {
  const { tokenDelayMs = 0, ...storeOptions } = options;
  const gateway = createGateway({ tokenDelayMs });
  let requests = 0;
  const signals: AbortSignal[] = [];
  const fetchFn: typeof fetch = (input, init) => {
    requests++;
    if (init?.signal) signals.push(init.signal);
    return gateway.fetch(input, init);
  };
  const client = createClient({ baseURL: 'http://127.0.0.1', fetch: fetchFn, maxRetries: 0 });
  const queue: Array<() => void> = [];
  const schedule: Notify = (flush) => {
    queue.push(flush);
  };
  const store = new CompletionStore({
    client,
    model: 'gpt-3.5-turbo-instruct',
    schedule,
    ...storeOptions,
  });
  return {
    store,
    signals,
    runFrame: () => {
      for (const flush of queue.splice(0)) flush();
    },
    get requests() {
      return requests;
    },
  };
}

describe('CompletionStore', () => {
  it('streams a completion to the end', async () => {
    const onFinish = vi.fn();
    const { store } = setup({ onFinish });
    const text = await store.complete('Once upon a time');
    const state = store.getSnapshot();
    expect(state.status).toBe('idle');
    expect(state.completion).not.toBe('');
    expect(state.completion).toBe(text);
    expect(state.finishReason).toBeDefined();
    expect(state.incomplete).toBe(false);
    expect(state.usage?.completionTokens).toBeGreaterThan(0);
    expect(onFinish).toHaveBeenCalledWith(text, 'Once upon a time');
  });

  it('completes the draft input when called without a prompt', async () => {
    const { store } = setup();
    store.setInput('The draft prompt');
    await store.complete();
    expect(store.getSnapshot().prompt).toBe('The draft prompt');
    expect(store.getSnapshot().completion).not.toBe('');
  });

  it('batches a whole stream into one notification, delivered before complete resolves', async () => {
    const { store, runFrame } = setup();
    const seen: Array<[string, string]> = [];
    store.subscribe(() => {
      const { status, completion } = store.getSnapshot();
      seen.push([status, completion]);
    });
    const text = await store.complete('Batch this please');
    expect(text).not.toBe('');
    expect(seen).toEqual([['idle', text]]);
    runFrame();
    expect(seen).toHaveLength(1);
  });

  it('notifies a failure and a stop at once, without waiting for a frame', async () => {
    const failing = setup({ model: 'mock-fault-error-event' });
    const statuses: string[] = [];
    failing.store.subscribe(() => statuses.push(failing.store.getSnapshot().status));
    await failing.store.complete('A story that breaks in the middle of it');
    expect(statuses).toEqual(['error']);

    const { store, runFrame } = setup({ tokenDelayMs: 5 });
    const completing = store.complete('Stop this story early');
    await vi.waitFor(() => {
      runFrame();
      expect(store.getSnapshot().completion).not.toBe('');
    });
    const stopped = vi.fn(() => store.getSnapshot().status);
    store.subscribe(stopped);
    store.stop();
    expect(stopped).toHaveReturnedWith('idle');
    await completing;
  });

  it('keeps the text so far when stopped', async () => {
    const { store, runFrame, signals } = setup({ tokenDelayMs: 5 });
    const completing = store.complete('Stop this story early');
    await vi.waitFor(() => {
      runFrame();
      expect(store.getSnapshot().completion).not.toBe('');
    });
    store.stop();
    await completing;
    expect(store.getSnapshot().status).toBe('idle');
    expect(store.getSnapshot().completion).not.toBe('');
    expect(signals[0]?.aborted).toBe(true);
  });

  it('keeps the text so far and records the error when the stream fails', async () => {
    const onError = vi.fn();
    const { store } = setup({ model: 'mock-fault-error-event', onError });
    await store.complete('A story that breaks in the middle of it');
    const state = store.getSnapshot();
    expect(state.status).toBe('error');
    expect(state.error).toBeInstanceOf(Error);
    expect(state.completion).not.toBe('');
    expect(onError).toHaveBeenCalledWith(state.error);
  });

  it('rejects an empty prompt or a missing model before any request', async () => {
    const empty = setup();
    await empty.store.complete('  ');
    expect(ValidationError.isInstance(empty.store.getSnapshot().error)).toBe(true);
    expect((empty.store.getSnapshot().error as ValidationError).code).toBe('prompt_empty');
    expect(empty.requests).toBe(0);

    const noModel = setup({ model: '' });
    await noModel.store.complete('Hello');
    expect((noModel.store.getSnapshot().error as ValidationError).code).toBe('model_missing');
    expect(noModel.requests).toBe(0);
  });
});
