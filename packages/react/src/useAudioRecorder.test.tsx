import type { MediaRecorderLike } from '@aitre/core';
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAudioRecorder } from './useAudioRecorder.js';

class FakeRecorder extends EventTarget implements MediaRecorderLike {
  state: 'inactive' | 'recording' | 'paused' = 'inactive';
  readonly mimeType = 'audio/webm';
  start() {
    this.state = 'recording';
  }
  pause() {
    this.state = 'paused';
  }
  resume() {
    this.state = 'recording';
  }
  stop() {
    this.state = 'inactive';
    this.dispatchEvent(
      Object.assign(new Event('dataavailable'), { data: new Blob(['x'], { type: 'audio/webm' }) }),
    );
    this.dispatchEvent(new Event('stop'));
  }
}

function fakeMedia() {
  const track = {
    stopped: false,
    stop() {
      this.stopped = true;
    },
  };
  const stream = { getTracks: () => [track] } as unknown as MediaStream;
  return { track, getUserMedia: async () => stream };
}

afterEach(() => {
  cleanup();
});

describe('useAudioRecorder', () => {
  it('records and stops into a blob', async () => {
    const { getUserMedia } = fakeMedia();
    const { result } = renderHook(() =>
      useAudioRecorder({
        getUserMedia,
        MediaRecorder: FakeRecorder,
        createLevelMeter: () => undefined,
      }),
    );
    expect(result.current.supported).toBe(true);
    await act(() => result.current.start());
    expect(result.current.recording).toBe(true);
    act(() => result.current.pause());
    expect(result.current.status).toBe('paused');
    act(() => result.current.resume());
    let blob: Blob | undefined;
    await act(async () => {
      blob = await result.current.stop();
    });
    expect(result.current.status).toBe('stopped');
    expect(result.current.blob).toBe(blob);
  });

  it('releases the microphone on unmount', async () => {
    const { track, getUserMedia } = fakeMedia();
    const { result, unmount } = renderHook(() =>
      useAudioRecorder({
        getUserMedia,
        MediaRecorder: FakeRecorder,
        createLevelMeter: () => undefined,
      }),
    );
    await act(() => result.current.start());
    unmount();
    expect(track.stopped).toBe(true);
  });

  it('reports unsupported browsers', async () => {
    const { result } = renderHook(() => useAudioRecorder({ getUserMedia: undefined }));
    await act(() => result.current.start());
    expect(result.current.error?.kind).toBe('unsupported');
  });
});
