import { createClient } from '@aitre/core';
import { createGateway } from '@aitre/mock-gateway';
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSpeech } from './useSpeech.js';

function setup() {
  const gateway = createGateway();
  let requests = 0;
  const client = createClient({
    baseURL: 'http://127.0.0.1:8787',
    fetch: (input, init) => {
      requests += 1;
      return gateway.fetch(input, init);
    },
  });
  return { client, requests: () => requests };
}

const revoke = vi.fn();

beforeEach(() => {
  let n = 0;
  revoke.mockClear();
  URL.createObjectURL = () => `blob:test/${++n}`;
  URL.revokeObjectURL = revoke;
  // jsdom does not implement media playback: emulate the events a browser fires.
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (
    this: HTMLMediaElement,
  ) {
    this.dispatchEvent(new Event('play'));
    return Promise.resolve();
  });
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(function (
    this: HTMLMediaElement,
  ) {
    this.dispatchEvent(new Event('pause'));
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('useSpeech', () => {
  it('speaks into an audio URL and plays, pauses and stops it', async () => {
    const { client } = setup();
    const { result } = renderHook(() => useSpeech({ model: 'tts-1', voice: 'nova', client }));
    await act(async () => {
      await result.current.speak('Hello there');
    });
    expect(result.current.status).toBe('success');
    expect(result.current.audioUrl).toBe('blob:test/1');
    expect(result.current.playing).toBe(false);
    await act(async () => {
      await result.current.play();
    });
    expect(result.current.playing).toBe(true);
    act(() => result.current.pause());
    expect(result.current.playing).toBe(false);
    await act(async () => {
      await result.current.play();
    });
    act(() => result.current.stop());
    expect(result.current.playing).toBe(false);
  });

  it('autoPlay plays as soon as the audio arrives', async () => {
    const { client } = setup();
    const { result } = renderHook(() => useSpeech({ autoPlay: true, client }));
    await act(async () => {
      await result.current.speak('Right away');
    });
    expect(result.current.playing).toBe(true);
  });

  it('rejects input over 4096 characters before any request', async () => {
    const { client, requests } = setup();
    const { result } = renderHook(() => useSpeech({ client }));
    await act(async () => {
      await result.current.speak('x'.repeat(4097));
    });
    expect(result.current.status).toBe('error');
    expect(result.current.error).toMatchObject({ code: 'tts_input_too_long' });
    expect(requests()).toBe(0);
  });

  it('revokes the audio URL on unmount', async () => {
    const { client } = setup();
    const { result, unmount } = renderHook(() => useSpeech({ client }));
    await act(async () => {
      await result.current.speak('Goodbye');
    });
    const url = result.current.audioUrl;
    unmount();
    expect(revoke).toHaveBeenCalledWith(url);
  });
});
