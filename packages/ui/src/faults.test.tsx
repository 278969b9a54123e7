import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import { createClient } from '@aitre/core';
import { createGateway, toneWav } from '@aitre/mock-gateway';
import {
  AitreProvider,
  useChat,
  useImageGen,
  useMidjourneyTask,
  useSpeech,
  useTranscription,
} from '@aitre/react';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from './locale/en.js';
import { localizeError } from './locale/localizeError.js';
import { zhCN } from './locale/zhCN.js';

const BASE = 'http://127.0.0.1:8787';
const WAIT = { timeout: 4000, interval: 5 };

// Every delay of the mock is short, so no fault can make a test wait long.
const gateway = createGateway({
  tokenDelayMs: 1,
  slowTokenDelayMs: 15,
  retryAfterMs: 20,
  mj: { stepMs: 5, steps: 2 },
});

/** The fault the next requests carry (`x-mock-fault`), and whether the network is gone. */
const network = {
  fault: undefined as string | undefined,
  faultPosts: false,
  offline: false,
  signals: [] as AbortSignal[],
};

const fetch: typeof globalThis.fetch = async (input, init) => {
  if (network.offline) throw new TypeError('Failed to fetch');
  if (init?.signal) network.signals.push(init.signal);
  const headers = new Headers(init?.headers);
  const post = (init?.method ?? 'GET').toUpperCase() === 'POST';
  if (network.fault && (!network.faultPosts || post)) headers.set('x-mock-fault', network.fault);
  return gateway.fetch(input, { ...init, headers });
};

// One retry with the mock's short retry-after; a header timeout of 150 ms per attempt.
const client = createClient({ baseURL: BASE, fetch, maxRetries: 1, timeoutMs: 150 });
const POLL = { initialDelayMs: 5, maxIntervalMs: 10, maxErrorIntervalMs: 20, timeoutMs: 400 };

function wrapper({ children }: { children: ReactNode }) {
  return <AitreProvider client={client}>{children}</AitreProvider>;
}

/** The sentence a user reads, in both locales; both must say something. */
function expectLocalized(error: unknown) {
  const english = localizeError(error, en);
  const chinese = localizeError(error, zhCN);
  expect(english.trim()).not.toBe('');
  expect(chinese).toMatch(/[\u4e00-\u9fff]/);
  expect(english).not.toMatch(/\{\w+\}/);
  expect(chinese).not.toMatch(/\{\w+\}/);
}

function wavFile(): File {
  return new File([toneWav(0.1)], 'speech.wav', { type: 'audio/wav' });
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

beforeEach(async () => {
  // jsdom's Blob and FormData reach the mock as the text "undefined": Node's keep the bytes.
  vi.stubGlobal('Blob', NodeBlob);
  vi.stubGlobal('File', NodeFile);
  const form = await new Response('a=1', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  }).formData();
  vi.stubGlobal('FormData', form.constructor);
  let next = 0;
  vi.stubGlobal(
    'URL',
    Object.assign(class extends URL {}, {
      createObjectURL: () => `blob:http://127.0.0.1/${++next}`,
      revokeObjectURL: () => {},
    }),
  );
});

afterEach(async () => {
  cleanup();
  // A rejection nobody handled surfaces on the next turns of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const seen = unhandled.splice(0);
  Object.assign(network, { fault: undefined, faultPosts: false, offline: false, signals: [] });
  gateway.reset();
  vi.unstubAllGlobals();
  expect(seen).toEqual([]);
});

/** What a row expects: a localized error, a success after a retry, or a success (slow). */
type Outcome = 'error' | 'retried' | 'success';

interface Row {
  fault: string;
  outcome: Outcome;
  /** The error kind when the outcome is an error. */
  kind?: string;
  /** Whether the partial answer of a stream is kept (chat faults mid-stream). */
  partial?: boolean;
}

/** Sets the fault for what follows; 'offline' makes fetch reject like a browser without network. */
function inject(fault: string) {
  if (fault === 'offline') network.offline = true;
  else network.fault = fault;
}

describe('chat under faults', { timeout: 20_000 }, () => {
  const rows: Row[] = [
    { fault: '429:1', outcome: 'retried' },
    { fault: '429', outcome: 'error', kind: 'rate_limit' },
    { fault: '500:1', outcome: 'retried' },
    { fault: '500', outcome: 'error', kind: 'upstream' },
    { fault: '503', outcome: 'error', kind: 'upstream' },
    { fault: 'drop', outcome: 'error', kind: 'network', partial: true },
    { fault: 'malformed', outcome: 'error', partial: true },
    { fault: 'error-event', outcome: 'error', kind: 'upstream', partial: true },
    { fault: 'slow', outcome: 'success' },
    { fault: 'timeout', outcome: 'error', kind: 'timeout' },
    { fault: 'offline', outcome: 'error', kind: 'network' },
  ];

  it.each(rows)('$fault: $outcome, keeping the question and earlier answers', async (row) => {
    const { result } = renderHook(() => useChat({ model: 'gpt-4o-mini' }), { wrapper });
    await act(() => result.current.send('First question'));
    await waitFor(() => expect(result.current.messages[1]?.status).toBe('done'), WAIT);
    const firstAnswer = result.current.messages[1]?.content;
    expect(firstAnswer).not.toBe('');

    inject(row.fault);
    act(() => result.current.setInput('My second question'));
    await act(() => result.current.send());
    await waitFor(() => expect(['idle', 'error']).toContain(result.current.status), WAIT);

    const { messages, input } = result.current;
    // Nothing lost: the first exchange, and the question (in the thread or back in the box).
    expect(messages[0]?.content).toBe('First question');
    expect(messages[1]?.content).toBe(firstAnswer);
    const asked = messages.some((m) => m.role === 'user' && m.content === 'My second question');
    expect(asked || input === 'My second question').toBe(true);
    const answer = messages.length > 3 ? messages[3] : undefined;

    if (row.outcome !== 'error') {
      expect(result.current.error).toBeUndefined();
      expect(answer?.status).toBe('done');
      expect(answer?.content).toMatch(/My second question/);
      return;
    }
    const error = answer?.error ?? result.current.error;
    expect(error).toBeDefined();
    if (row.kind) expect(error?.kind).toBe(row.kind);
    expectLocalized(error);
    if (row.partial) {
      expect(answer?.status).toBe('error');
      expect(answer?.content.length).toBeGreaterThan(0);
    }
  });

  it('abort: stop keeps the partial answer, marked stopped, with no error', async () => {
    inject('slow');
    const { result } = renderHook(() => useChat({ model: 'gpt-4o-mini' }), { wrapper });
    const sending = result.current.send('Tell me something');
    await waitFor(
      () => expect(result.current.messages[1]?.content.length).toBeGreaterThan(0),
      WAIT,
    );
    act(() => result.current.stop());
    await act(() => sending);
    await waitFor(() => expect(result.current.messages[1]?.status).toBe('stopped'), WAIT);
    expect(result.current.messages[1]?.content.length).toBeGreaterThan(0);
    expect(result.current.error).toBeUndefined();
    expect(network.signals.at(-1)?.aborted).toBe(true);
  });

  it('unmount mid-stream aborts the request without an unhandled rejection', async () => {
    inject('slow');
    const { result, unmount } = renderHook(() => useChat({ model: 'gpt-4o-mini' }), { wrapper });
    const sending = result.current.send('Tell me something');
    await waitFor(
      () => expect(result.current.messages[1]?.content.length).toBeGreaterThan(0),
      WAIT,
    );
    unmount();
    await waitFor(() => expect(network.signals.at(-1)?.aborted).toBe(true), WAIT);
    await sending;
  });
});

describe('images under faults', { timeout: 20_000 }, () => {
  // Paid: no automatic retry, so a 429 is reported with its wait.
  const rows: Row[] = [
    { fault: '429', outcome: 'error', kind: 'rate_limit' },
    { fault: '500', outcome: 'error', kind: 'upstream' },
    { fault: '503', outcome: 'error', kind: 'upstream' },
    { fault: 'drop', outcome: 'error', kind: 'network' },
    { fault: 'malformed', outcome: 'error' },
    { fault: 'error-event', outcome: 'error', kind: 'upstream' },
    { fault: 'slow', outcome: 'success' },
    { fault: 'timeout', outcome: 'error', kind: 'timeout' },
    { fault: 'offline', outcome: 'error', kind: 'network' },
  ];

  it.each(rows)('$fault: $outcome, keeping the earlier images', async (row) => {
    const { result } = renderHook(() => useImageGen({ model: 'dall-e-3' }), { wrapper });
    await act(() => result.current.generate({ prompt: 'first lighthouse' }));
    await waitFor(() => expect(result.current.history).toHaveLength(1), WAIT);
    const first = result.current.history[0];

    inject(row.fault);
    await act(() => result.current.generate({ prompt: 'second lighthouse' }));
    await waitFor(() => expect(['success', 'error']).toContain(result.current.status), WAIT);
    expect(result.current.history.at(-1)).toBe(first);
    if (row.outcome === 'error') {
      expect(result.current.status).toBe('error');
      if (row.kind) expect(result.current.error?.kind).toBe(row.kind);
      expectLocalized(result.current.error);
      expect(result.current.history).toHaveLength(1);
    } else {
      expect(result.current.history).toHaveLength(2);
    }
  });

  it('429 is not retried for a paid request, and says when to try again', async () => {
    inject('429');
    const { result } = renderHook(() => useImageGen({ model: 'dall-e-3' }), { wrapper });
    await act(() => result.current.generate({ prompt: 'lighthouse' }));
    await waitFor(() => expect(result.current.status).toBe('error'), WAIT);
    expect(gateway.requests.filter((r) => r.path === '/v1/images/generations')).toHaveLength(1);
    expect(localizeError(result.current.error, en)).toMatch(/1/);
  });

  it('image URL 404: the generation succeeds and the broken URL is the one the gateway gave', async () => {
    const { result } = renderHook(() => useImageGen({ model: 'dall-e-3' }), { wrapper });
    inject('image-404');
    await act(() => result.current.generate({ prompt: 'lighthouse' }));
    await waitFor(() => expect(result.current.status).toBe('success'), WAIT);
    const url = result.current.images[0]?.url ?? '';
    network.fault = undefined;
    // The component shows its broken-image state and reload on the img error (tested in ui).
    expect((await fetch(url)).status).toBe(404);
  });

  it('abort and unmount end the request, keeping earlier images', async () => {
    const { result, unmount } = renderHook(() => useImageGen({ model: 'dall-e-3' }), { wrapper });
    await act(() => result.current.generate({ prompt: 'first' }));
    await waitFor(() => expect(result.current.history).toHaveLength(1), WAIT);
    inject('timeout');
    const second = result.current.generate({ prompt: 'second' });
    await waitFor(() => expect(result.current.status).toBe('generating'), WAIT);
    act(() => result.current.cancel());
    expect(await second).toBeUndefined();
    await waitFor(() => expect(result.current.status).not.toBe('generating'), WAIT);
    expect(result.current.status).not.toBe('error');
    expect(result.current.history).toHaveLength(1);
    const third = result.current.generate({ prompt: 'third' });
    await waitFor(() => expect(result.current.status).toBe('generating'), WAIT);
    unmount();
    await waitFor(() => expect(network.signals.at(-1)?.aborted).toBe(true), WAIT);
    expect(await third).toBeUndefined();
  });
});

describe('audio under faults', { timeout: 20_000 }, () => {
  const speechRows: Row[] = [
    { fault: '429', outcome: 'error', kind: 'rate_limit' },
    { fault: '500', outcome: 'error', kind: 'upstream' },
    { fault: '503', outcome: 'error', kind: 'upstream' },
    { fault: 'drop', outcome: 'error', kind: 'network' },
    { fault: 'slow', outcome: 'success' },
    { fault: 'timeout', outcome: 'error', kind: 'timeout' },
    { fault: 'offline', outcome: 'error', kind: 'network' },
  ];

  it.each(speechRows)('speech, $fault: $outcome, keeping the last audio', async (row) => {
    const { result } = renderHook(() => useSpeech({ model: 'tts-1' }), { wrapper });
    await act(() => result.current.speak('First words'));
    await waitFor(() => expect(result.current.audioUrl).toBeDefined(), WAIT);
    const first = result.current.audioUrl;

    inject(row.fault);
    await act(() => result.current.speak('Second words'));
    await waitFor(() => expect(['success', 'error']).toContain(result.current.status), WAIT);
    if (row.outcome === 'error') {
      expect(result.current.status).toBe('error');
      if (row.kind) expect(result.current.error?.kind).toBe(row.kind);
      expectLocalized(result.current.error);
      expect(result.current.audioUrl).toBe(first);
    } else {
      expect(result.current.audioUrl).not.toBe(first);
    }
  });

  const transcriptionRows: Row[] = [
    { fault: '429:1', outcome: 'retried' },
    { fault: '429', outcome: 'error', kind: 'rate_limit' },
    { fault: '500', outcome: 'error', kind: 'upstream' },
    { fault: '503', outcome: 'error', kind: 'upstream' },
    { fault: 'drop', outcome: 'error', kind: 'network' },
    { fault: 'malformed', outcome: 'error' },
    { fault: 'error-event', outcome: 'error', kind: 'upstream' },
    { fault: 'slow', outcome: 'success' },
    { fault: 'timeout', outcome: 'error', kind: 'timeout' },
    { fault: 'offline', outcome: 'error', kind: 'network' },
  ];

  it.each(transcriptionRows)('transcription, $fault: $outcome', async (row) => {
    const { result } = renderHook(() => useTranscription({ model: 'whisper-1' }), { wrapper });
    inject(row.fault);
    await act(() => result.current.transcribe(wavFile()));
    await waitFor(() => expect(['success', 'error']).toContain(result.current.status), WAIT);
    if (row.outcome === 'error') {
      expect(result.current.status).toBe('error');
      if (row.kind) expect(result.current.error?.kind).toBe(row.kind);
      expectLocalized(result.current.error);
    } else {
      expect(result.current.status).toBe('success');
      expect(result.current.result).toBeDefined();
    }
  });

  it('abort and unmount end an upload', async () => {
    inject('timeout');
    const { result, unmount } = renderHook(() => useTranscription({ model: 'whisper-1' }), {
      wrapper,
    });
    const first = result.current.transcribe(wavFile());
    await waitFor(() => expect(result.current.status).toBe('transcribing'), WAIT);
    act(() => result.current.cancel());
    expect(await first).toBeUndefined();
    await waitFor(() => expect(result.current.status).not.toBe('transcribing'), WAIT);
    expect(result.current.status).not.toBe('error');
    const second = result.current.transcribe(wavFile());
    await waitFor(() => expect(result.current.status).toBe('transcribing'), WAIT);
    unmount();
    await waitFor(() => expect(network.signals.at(-1)?.aborted).toBe(true), WAIT);
    expect(await second).toBeUndefined();
  });
});

describe('MidJourney under faults', { timeout: 20_000 }, () => {
  // Submit faults hit the POST only, so polling of the other rows still works.
  const rows: Row[] = [
    { fault: '429', outcome: 'error', kind: 'rate_limit' },
    { fault: '500', outcome: 'error', kind: 'upstream' },
    { fault: '503', outcome: 'error', kind: 'upstream' },
    { fault: 'drop', outcome: 'error', kind: 'network' },
    { fault: 'malformed', outcome: 'error' },
    { fault: 'timeout', outcome: 'error', kind: 'timeout' },
    { fault: 'offline', outcome: 'error', kind: 'network' },
    { fault: 'mj-failure', outcome: 'error', kind: 'midjourney' },
    { fault: 'mj-stuck', outcome: 'error', kind: 'timeout' },
    { fault: 'slow', outcome: 'success' },
  ];

  it.each(rows)('$fault: $outcome, keeping the task id', async (row) => {
    const { result } = renderHook(() => useMidjourneyTask(POLL), { wrapper });
    inject(row.fault);
    network.faultPosts = true;
    await act(() => result.current.imagine({ prompt: 'a red fox in snow' }));
    await waitFor(
      () => expect(['success', 'error', 'failure']).toContain(result.current.status),
      WAIT,
    );
    if (row.outcome === 'error') {
      expect(result.current.error).toBeDefined();
      if (row.kind) expect(result.current.error?.kind).toBe(row.kind);
      expectLocalized(result.current.error);
      // A task that was accepted keeps its id, so it can be resumed.
      if (row.fault.startsWith('mj-')) expect(result.current.taskId).toMatch(/\w/);
    } else {
      expect(result.current.status).toBe('success');
      expect(result.current.task?.imageUrl).toMatch(/\w/);
    }
  });

  it('image URL 404: the task succeeds, its image answers 404 and a refresh is possible', async () => {
    const { result } = renderHook(() => useMidjourneyTask(POLL), { wrapper });
    inject('image-404');
    network.faultPosts = true;
    await act(() => result.current.imagine({ prompt: 'a red fox in snow' }));
    await waitFor(() => expect(result.current.status).toBe('success'), WAIT);
    network.fault = undefined;
    expect((await fetch(result.current.task?.imageUrl ?? '')).status).toBe(404);
  });

  it('abort and unmount stop polling without an error', async () => {
    inject('mj-stuck');
    network.faultPosts = true;
    const { result, unmount } = renderHook(
      () => useMidjourneyTask({ ...POLL, timeoutMs: 60_000 }),
      { wrapper },
    );
    await act(() => result.current.imagine({ prompt: 'a red fox in snow' }));
    await waitFor(() => expect(result.current.status).toBe('running'), WAIT);
    act(() => result.current.cancel());
    await waitFor(() => expect(result.current.status).toBe('stopped'), WAIT);
    expect(result.current.error).toBeUndefined();
    const polls = gateway.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(gateway.requests.length).toBe(polls);
    act(() => result.current.refresh());
    await waitFor(() => expect(gateway.requests.length).toBeGreaterThan(polls), WAIT);
    unmount();
    const afterUnmount = gateway.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(gateway.requests.length).toBe(afterUnmount);
  });
});
