import { createGateway } from '@aitre/mock-gateway';
import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../client/index.js';
import { ValidationError } from '../errors.js';
import type { ChatMessage } from './ChatMessage.js';
import type { ChatStorage } from './ChatStorage.js';
import { ChatStore, type ChatStoreOptions } from './ChatStore.js';
import type { Notify } from './Store.js';

function manualSchedule() {
  const queue: Array<() => void> = [];
  const schedule: Notify = (flush) => {
    queue.push(flush);
  };
  return {
    schedule,
    run: () => {
      for (const flush of queue.splice(0)) flush();
    },
    get size() {
      return queue.length;
    },
  };
}

interface SetupOptions extends Partial<ChatStoreOptions> {
  tokenDelayMs?: number;
  transform?: (body: string) => string;
}

function setup(options: SetupOptions = {}) {
  const { tokenDelayMs = 0, transform, ...storeOptions } = options;
  const gateway = createGateway({ tokenDelayMs });
  const signals: AbortSignal[] = [];
  let requests = 0;
  const fetchFn: typeof fetch = async (input, init) => {
    requests++;
    if (init?.signal) signals.push(init.signal);
    const response = await gateway.fetch(input, init);
    if (!transform) return response;
    return new Response(transform(await response.text()), {
      status: response.status,
      headers: response.headers,
    });
  };
  const client = createClient({ baseURL: 'http://127.0.0.1', fetch: fetchFn, maxRetries: 0 });
  const manual = manualSchedule();
  const store = new ChatStore({
    client,
    model: 'gpt-4o-mini',
    schedule: manual.schedule,
    ...storeOptions,
  });
  return {
    store,
    manual,
    gateway,
    signals,
    get requests() {
      return requests;
    },
  };
}

function memoryStorage(): ChatStorage & { data: Map<string, readonly ChatMessage[]> } {
  const data = new Map<string, readonly ChatMessage[]>();
  return {
    data,
    load: (id) => data.get(id),
    save: (id, messages) => {
      data.set(id, structuredClone(messages));
    },
    remove: (id) => {
      data.delete(id);
    },
  };
}

const lastMessage = (store: ChatStore) => store.getSnapshot().messages.at(-1);

describe('ChatStore', () => {
  it('streams an answer and ends done with usage and timings', async () => {
    const { store } = setup();
    const onFinish = vi.fn();
    store.setOptions({ onFinish });
    await store.send('Hello there');
    const { messages, status, error, usage } = store.getSnapshot();
    expect(status).toBe('idle');
    expect(error).toBeUndefined();
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(messages[0]?.content).toBe('Hello there');
    const answer = messages[1];
    expect(answer?.status).toBe('done');
    expect(answer?.content).toContain('Hello there');
    expect(answer?.finishReason).toBe('stop');
    expect(answer?.usage?.completionTokens).toBeGreaterThan(0);
    expect(answer?.timings?.firstTokenMs).toBeGreaterThanOrEqual(0);
    expect(usage).toEqual(answer?.usage);
    expect(onFinish).toHaveBeenCalledWith(answer, messages);
  });

  it('batches a whole stream into one notification, delivered before send resolves', async () => {
    const { store, manual } = setup();
    const seen: Array<[string, string | undefined, string | undefined]> = [];
    store.subscribe(() => {
      const { status } = store.getSnapshot();
      seen.push([status, lastMessage(store)?.status, lastMessage(store)?.content]);
    });
    await store.send('Count the chunks');
    const answer = lastMessage(store);
    expect(answer?.content).not.toBe('');
    expect(seen).toEqual([['idle', 'done', answer?.content]]);
    expect(store.hasPendingFlush).toBe(false);
    manual.run();
    expect(seen).toHaveLength(1);
  });

  it('notifies a failure and a stop at once, without waiting for a frame', async () => {
    const failing = setup({ headers: { 'x-mock-fault': '500' } });
    const statuses: string[] = [];
    failing.store.subscribe(() => statuses.push(failing.store.getSnapshot().status));
    await failing.store.send('This one fails');
    expect(statuses).toEqual(['error']);

    const { store, manual } = setup({ tokenDelayMs: 5 });
    const sending = store.send('Please stop me');
    await vi.waitFor(() => {
      manual.run();
      expect(store.getSnapshot().status).toBe('streaming');
      expect(lastMessage(store)?.role).toBe('assistant');
    });
    const stopped = vi.fn(() => store.getSnapshot().status);
    store.subscribe(stopped);
    store.stop();
    expect(stopped).toHaveReturnedWith('idle');
    expect(lastMessage(store)?.status).toBe('stopped');
    await sending;
  });

  it('delivers at most one notification per frame while streaming', async () => {
    const { store, manual } = setup({ tokenDelayMs: 2 });
    const listener = vi.fn();
    store.subscribe(listener);
    const sending = store.send('Stream slowly please');
    let frames = 0;
    while (store.isBusy) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      frames++;
      manual.run();
    }
    await sending;
    manual.run();
    expect(listener.mock.calls.length).toBeLessThanOrEqual(frames + 1);
    expect(lastMessage(store)?.status).toBe('done');
  });

  it('renews only the streaming message object', async () => {
    const { store, manual } = setup({ tokenDelayMs: 2 });
    await store.send('First question');
    manual.run();
    const [question, answer] = store.getSnapshot().messages;
    const sending = store.send('Second question');
    await vi.waitFor(() => {
      manual.run();
      expect(store.getSnapshot().messages[3]?.content).toBeTruthy();
    });
    const during = store.getSnapshot().messages;
    expect(during[0]).toBe(question);
    expect(during[1]).toBe(answer);
    expect(during[3]?.status).toBe('streaming');
    await sending;
  });

  it('keeps the partial answer when stopped', async () => {
    const { store, manual, signals } = setup({ tokenDelayMs: 5 });
    const sending = store.send('Please stop me');
    await vi.waitFor(() => {
      manual.run();
      expect(store.getSnapshot().status).toBe('streaming');
      expect(lastMessage(store)?.content).not.toBe('');
    });
    store.stop();
    await sending;
    const answer = lastMessage(store);
    expect(store.getSnapshot().status).toBe('idle');
    expect(answer?.status).toBe('stopped');
    expect(answer?.content).not.toBe('');
    expect(answer?.content).toMatch(/^You/);
    expect(signals[0]?.aborted).toBe(true);
  });

  it('keeps the partial text and records the error when the stream reports one', async () => {
    const onError = vi.fn();
    const { store } = setup({ model: 'mock-fault-error-event', onError });
    await store.send('This will break midway through the answer');
    const { status, error, messages } = store.getSnapshot();
    const answer = messages[1];
    expect(status).toBe('error');
    expect(error).toBeInstanceOf(Error);
    expect(answer?.status).toBe('error');
    expect(answer?.content).not.toBe('');
    expect(answer?.error?.kind).toBe('upstream');
    expect(answer?.error?.message).toMatch(/stopped responding/);
    expect(onError).toHaveBeenCalledWith(error);
  });

  it('keeps the partial text when the connection drops', async () => {
    const { store } = setup({ headers: { 'x-mock-fault': 'drop' } });
    await store.send('This connection will drop midway');
    const answer = lastMessage(store);
    expect(store.getSnapshot().status).toBe('error');
    expect(answer?.status).toBe('error');
    expect(answer?.error?.kind).toBe('network');
    expect(answer?.content).not.toBe('');
  });

  it('marks an answer without finish reason incomplete, and retry completes it', async () => {
    let truncate = true;
    const { store } = setup({
      transform: (body) =>
        truncate ? body.replaceAll('"finish_reason":"stop"', '"finish_reason":null') : body,
    });
    await store.send('Cut me short');
    expect(lastMessage(store)?.status).toBe('incomplete');
    expect(store.getSnapshot().status).toBe('idle');
    truncate = false;
    await store.retry();
    const { messages } = store.getSnapshot();
    expect(messages).toHaveLength(2);
    expect(messages[1]?.status).toBe('done');
  });

  it('takes a failed send back and restores the draft; retry sends it again', async () => {
    const { store } = setup({ headers: { 'x-mock-fault': '500:1' } });
    store.setInput('My careful question');
    await store.send();
    let state = store.getSnapshot();
    expect(state.status).toBe('error');
    expect(state.messages).toEqual([]);
    expect(state.input).toBe('My careful question');
    expect(state.error).toBeInstanceOf(Error);

    await store.retry();
    state = store.getSnapshot();
    expect(state.status).toBe('idle');
    expect(state.input).toBe('');
    expect(state.messages.map((m) => m.content)[0]).toBe('My careful question');
    expect(state.messages[1]?.status).toBe('done');
  });

  it('puts an explicit message that failed before any answer into the empty draft', async () => {
    const { store } = setup({ headers: { 'x-mock-fault': '503:1' } });
    await store.send('Typed by code', { attachments: ['https://example.com/a.png'] });
    let state = store.getSnapshot();
    expect(state.messages).toEqual([]);
    expect(state.input).toBe('Typed by code');
    expect(state.attachments).toEqual([{ type: 'image', url: 'https://example.com/a.png' }]);
    await store.retry();
    state = store.getSnapshot();
    expect(state.input).toBe('');
    expect(state.attachments).toEqual([]);
    expect(state.messages[1]?.status).toBe('done');
  });

  it('keeps a failed send and its restored draft when retried without a model', async () => {
    const { store } = setup({ headers: { 'x-mock-fault': '500:1' } });
    store.setInput('Keep me');
    await store.send();
    store.setOptions({ model: '' });
    await store.retry();
    let state = store.getSnapshot();
    expect(state.error?.kind).toBe('validation');
    expect(state.input).toBe('Keep me');
    expect(state.messages).toEqual([]);
    store.setOptions({ model: 'gpt-4o-mini' });
    await store.retry();
    state = store.getSnapshot();
    expect(state.input).toBe('');
    expect(state.messages.map((m) => m.content)[0]).toBe('Keep me');
    expect(state.messages[1]?.status).toBe('done');
  });

  it('leaves a draft typed after the failure alone', async () => {
    const { store } = setup({ headers: { 'x-mock-fault': '500:1' } });
    store.setInput('First try');
    await store.send();
    store.setInput('Something else');
    await store.retry();
    const state = store.getSnapshot();
    expect(state.input).toBe('Something else');
    expect(state.messages[0]?.content).toBe('First try');
  });

  it('sends the draft once when submitted twice in a row', async () => {
    const setupResult = setup();
    const { store } = setupResult;
    store.setInput('Only once');
    await Promise.all([store.send(), store.send()]);
    expect(setupResult.requests).toBe(1);
    expect(store.getSnapshot().messages.map((m) => m.role)).toEqual(['user', 'assistant']);
  });

  it('retries an answer that failed mid-stream by asking again', async () => {
    const { store } = setup({ headers: { 'x-mock-fault': 'error-event:1' } });
    await store.send('Fail once then work');
    expect(lastMessage(store)?.status).toBe('error');
    await store.retry();
    const { messages, status, error } = store.getSnapshot();
    expect(status).toBe('idle');
    expect(error).toBeUndefined();
    expect(messages).toHaveLength(2);
    expect(messages[1]?.status).toBe('done');
  });

  it('regenerates the last answer in place', async () => {
    const setupResult = setup();
    const { store } = setupResult;
    await store.send('Tell me something');
    const first = lastMessage(store);
    await store.regenerate();
    const { messages } = store.getSnapshot();
    expect(messages).toHaveLength(2);
    expect(messages[1]?.id).not.toBe(first?.id);
    expect(messages[1]?.content).toBe(first?.content);
    expect(setupResult.requests).toBe(2);
  });

  it('regenerates from an earlier answer, dropping what followed', async () => {
    const { store } = setup();
    await store.send('One');
    await store.send('Two');
    const firstAnswer = store.getSnapshot().messages[1];
    await store.regenerate(firstAnswer?.id);
    const { messages } = store.getSnapshot();
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(messages[0]?.content).toBe('One');
  });

  it('edits a user message, drops what followed and asks again', async () => {
    const { store } = setup();
    await store.send('Original wording');
    await store.send('A follow-up');
    const firstQuestion = store.getSnapshot().messages[0];
    await store.edit(firstQuestion?.id ?? '', 'Edited wording');
    const { messages } = store.getSnapshot();
    expect(messages).toHaveLength(2);
    expect(messages[0]?.id).toBe(firstQuestion?.id);
    expect(messages[0]?.content).toBe('Edited wording');
    expect(messages[1]?.content).toContain('Edited wording');
  });

  it('stops the answer in flight when a new message is sent', async () => {
    const { store, manual } = setup({ tokenDelayMs: 5 });
    const first = store.send('First, slowly');
    await vi.waitFor(() => {
      manual.run();
      expect(store.getSnapshot().messages[1]?.content).toBeTruthy();
    });
    const second = store.send('Second, now');
    await Promise.all([first, second]);
    const { messages } = store.getSnapshot();
    expect(messages.map((m) => [m.role, m.status])).toEqual([
      ['user', 'done'],
      ['assistant', 'stopped'],
      ['user', 'done'],
      ['assistant', 'done'],
    ]);
  });

  it('keeps the reasoning of a thinking model apart from the answer', async () => {
    const { store } = setup({ model: 'deepseek-reasoner' });
    await store.send('Why is the sky blue?');
    const answer = lastMessage(store);
    expect(answer?.reasoning).not.toBe('');
    expect(answer?.content).not.toContain(answer?.reasoning ?? '');
    expect(answer?.status).toBe('done');
  });

  it('times the reasoning of a thinking model from its first token to the answer', async () => {
    let clock = 0;
    const { store } = setup({ model: 'deepseek-reasoner', now: () => (clock += 10) });
    await store.send('Why is the sky blue?');
    expect(lastMessage(store)?.timings?.reasoningMs).toBeGreaterThan(0);
    store.setOptions({ model: 'gpt-4o-mini' });
    await store.send('Thanks');
    expect(lastMessage(store)?.timings?.reasoningMs).toBeUndefined();
  });

  it('notifies a draft change at once, so controlled inputs never see a stale value', () => {
    const { store } = setup();
    const listener = vi.fn();
    store.subscribe(listener);
    store.setInput('typed');
    expect(listener).toHaveBeenCalledTimes(1);
    store.setAttachments([{ type: 'image', url: 'https://example.com/a.png' }]);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('sends the system prompt and extra body fields with every request', async () => {
    const bodies: Record<string, unknown>[] = [];
    const gateway = createGateway({ tokenDelayMs: 0 });
    const client = createClient({
      baseURL: 'http://127.0.0.1',
      maxRetries: 0,
      fetch: async (input, init) => {
        bodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
        return gateway.fetch(input, init);
      },
    });
    const store = new ChatStore({
      client,
      model: 'gpt-4o-mini',
      system: 'Be brief.',
      body: { temperature: 0.2 },
      schedule: () => undefined,
    });
    await store.send('Hi', { body: { max_tokens: 50 } });
    expect(bodies[0]).toMatchObject({
      model: 'gpt-4o-mini',
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.2,
      max_tokens: 50,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
    });
  });

  it('sends image attachments as image parts', async () => {
    const { store } = setup();
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
    await store.send('What is this?', { attachments: [png, 'https://example.com/cat.png'] });
    const [question, answer] = store.getSnapshot().messages;
    expect(question?.parts).toEqual([
      { type: 'text', text: 'What is this?' },
      { type: 'image', url: 'data:image/png;base64,iVBORw==' },
      { type: 'image', url: 'https://example.com/cat.png' },
    ]);
    expect(answer?.content).toContain('I see 2 images');
  });

  it('parses markdown images of a chat image model', async () => {
    const { store } = setup({ model: 'gpt-4o-image' });
    await store.send('A fighting cat');
    const answer = lastMessage(store);
    expect(answer?.status).toBe('done');
    expect(answer?.images).toHaveLength(1);
    expect(answer?.images[0]?.url).toMatch(/^https?:\/\//);
  });

  it('rejects an empty prompt before any request and keeps the draft', async () => {
    const setupResult = setup();
    const { store } = setupResult;
    store.setInput('   ');
    await store.send();
    const { status, error, input, messages } = store.getSnapshot();
    expect(setupResult.requests).toBe(0);
    expect(status).toBe('error');
    expect(ValidationError.isInstance(error) && error.code).toBe('prompt_empty');
    expect(input).toBe('   ');
    expect(messages).toEqual([]);
  });

  it('rejects a send without a model before any request', async () => {
    const setupResult = setup({ model: '' });
    const onError = vi.fn();
    setupResult.store.setOptions({ onError });
    await setupResult.store.send('Hello');
    const { error, messages } = setupResult.store.getSnapshot();
    expect(setupResult.requests).toBe(0);
    expect(ValidationError.isInstance(error) && error.code).toBe('model_missing');
    expect(messages).toEqual([]);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('persists finished turns and restores them in a new store', async () => {
    const storage = memoryStorage();
    const { store } = setup({ id: 'persisted', storage });
    await store.send('Remember me');
    expect(storage.data.get('persisted')).toHaveLength(2);
    const { store: reloaded } = setup({ id: 'persisted', storage });
    expect(reloaded.getSnapshot().messages).toEqual(store.getSnapshot().messages);
    reloaded.setMessages([]);
    expect(storage.data.has('persisted')).toBe(false);
  });

  it('restores from an asynchronous storage unless the chat has already started', async () => {
    const storage = memoryStorage();
    const { store: first } = setup({ id: 'async-store', storage });
    await first.send('Kept for later');
    const asyncStorage: ChatStorage = {
      load: async (id) => storage.load(id),
      save: (id, messages) => storage.save(id, messages),
      remove: (id) => storage.remove(id),
    };
    const { store: restoredStore } = setup({ id: 'async-store', storage: asyncStorage });
    expect(restoredStore.getSnapshot().messages).toEqual([]);
    await vi.waitFor(() => expect(restoredStore.getSnapshot().messages).toHaveLength(2));
    expect(restoredStore.getServerSnapshot().messages).toEqual([]);

    const { store: busy } = setup({ id: 'async-store', storage: asyncStorage });
    const sending = busy.send('A new start');
    await sending;
    expect(busy.getSnapshot().messages.map((m) => m.content)[0]).toBe('A new start');
  });

  it('saves a streaming answer about once a second, so a reload keeps what arrived', async () => {
    const storage = memoryStorage();
    let clock = 0;
    const { store, manual } = setup({ id: 'live', storage, tokenDelayMs: 5, now: () => clock });
    const sending = store.send('Tell me a long story');
    await vi.waitFor(() => expect(lastMessage(store)?.content.length).toBeGreaterThan(0));
    await vi.waitFor(() => {
      manual.run();
      expect(lastMessage(store)?.content).toMatch(/ .+ /);
    });
    // Under a second since the request: only the question is saved.
    expect(storage.data.get('live')?.map((m) => m.role)).toEqual(['user']);
    clock = 1000;
    await vi.waitFor(() => {
      manual.run();
      expect(storage.data.get('live')).toHaveLength(2);
    });
    const saved = storage.data.get('live')?.[1];
    expect(saved?.status).toBe('streaming');
    expect(saved?.content).not.toBe('');
    // The tab closes here: a new store restores the partial answer as incomplete.
    const { store: reloaded } = setup({ id: 'live', storage });
    const restored = reloaded.getSnapshot().messages[1];
    expect(restored?.status).toBe('incomplete');
    expect(restored?.content).toBe(saved?.content);
    store.stop();
    await sending;
  });

  it('restores a message saved mid-stream as incomplete', () => {
    const storage = memoryStorage();
    storage.data.set('half', [
      {
        id: 'a',
        role: 'assistant',
        parts: [{ type: 'text', text: 'Hal' }],
        content: 'Hal',
        reasoning: '',
        images: [],
        status: 'streaming',
        createdAt: 1,
      },
    ]);
    const { store } = setup({ id: 'half', storage });
    expect(store.getSnapshot().messages[0]?.status).toBe('incomplete');
  });

  it('stops and leaves nothing pending when disposed mid-stream', async () => {
    const { store, manual, signals } = setup({ tokenDelayMs: 5 });
    const sending = store.send('Dispose me');
    await vi.waitFor(() => expect(store.getSnapshot().status).toBe('streaming'));
    store.dispose();
    await sending;
    expect(signals[0]?.aborted).toBe(true);
    expect(store.hasPendingFlush).toBe(false);
    expect(lastMessage(store)?.status).toBe('stopped');
    manual.run();
  });
});
