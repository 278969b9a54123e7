import { createClient } from '@aitre/core';
import { createGateway } from '@aitre/mock-gateway';
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useTranscription } from './useTranscription.js';

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

afterEach(() => {
  cleanup();
});

describe('useTranscription', () => {
  it('transcribes a file', async () => {
    const { client } = setup();
    const { result } = renderHook(() => useTranscription({ model: 'whisper-1', client }));
    await act(async () => {
      await result.current.transcribe(
        new File([new Uint8Array(1024)], 'hello.mp3', { type: 'audio/mpeg' }),
      );
    });
    expect(result.current.error).toBeUndefined();
    expect(result.current.status).toBe('success');
    expect(result.current.result?.text.length).toBeGreaterThan(0);
  });

  it('rejects a wrong file type and an oversized file before any request', async () => {
    const { client, requests } = setup();
    const { result } = renderHook(() => useTranscription({ mode: 'translate', client }));
    await act(async () => {
      await result.current.transcribe(new File(['x'], 'notes.txt', { type: 'text/plain' }));
    });
    expect(result.current.error).toMatchObject({ kind: 'validation', code: 'audio_type' });
    await act(async () => {
      await result.current.transcribe(
        new File([new Uint8Array(26_214_401)], 'long.wav', { type: 'audio/wav' }),
      );
    });
    expect(result.current.error).toMatchObject({ code: 'audio_too_large' });
    expect(requests()).toBe(0);
  });
});
