import { describe, expect, it, vi } from 'vitest';
import { AudioRecorder, type MediaRecorderLike } from './AudioRecorder.js';
import type { Timers } from './timers.js';

class FakeTrack {
  stopped = false;
  stop() {
    this.stopped = true;
  }
}

function fakeStream() {
  const tracks = [new FakeTrack()];
  return { tracks, stream: { getTracks: () => tracks } as unknown as MediaStream };
}

class FakeRecorder extends EventTarget implements MediaRecorderLike {
  static instances: FakeRecorder[] = [];
  static isTypeSupported = (type: string) => type === 'audio/webm';
  state: 'inactive' | 'recording' | 'paused' = 'inactive';
  readonly mimeType: string;
  constructor(_stream: MediaStream, options?: { mimeType?: string }) {
    super();
    this.mimeType = options?.mimeType ?? '';
    FakeRecorder.instances.push(this);
  }
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
    const data = Object.assign(new Event('dataavailable'), {
      data: new Blob(['abc'], { type: 'audio/webm' }),
    });
    this.dispatchEvent(data);
    this.dispatchEvent(new Event('stop'));
  }
}

function fakeClock() {
  let now = 0;
  const queue = new Map<number, { at: number; fn: () => void }>();
  let seq = 0;
  const timers: Timers = {
    setTimeout(fn, ms) {
      seq += 1;
      queue.set(seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
    now: () => now,
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const next = [...queue.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > end) break;
      queue.delete(next[0]);
      now = next[1].at;
      next[1].fn();
    }
    now = end;
  };
  return { timers, advance };
}

describe('AudioRecorder', () => {
  it('records, counts duration without pauses, meters the level and stops into a blob', async () => {
    const { tracks, stream } = fakeStream();
    const clock = fakeClock();
    const close = vi.fn();
    const recorder = new AudioRecorder({
      getUserMedia: async () => stream,
      MediaRecorder: FakeRecorder,
      createLevelMeter: () => ({ read: () => 0.4, close }),
      timers: clock.timers,
    });
    expect(recorder.supported).toBe(true);
    await recorder.start();
    expect(recorder.getSnapshot()).toMatchObject({ status: 'recording', recording: true });
    expect(FakeRecorder.instances.at(-1)?.mimeType).toBe('audio/webm');
    clock.advance(1000);
    expect(recorder.getSnapshot().durationMs).toBe(1000);
    expect(recorder.getSnapshot().level).toBe(0.4);
    recorder.pause();
    expect(recorder.getSnapshot()).toMatchObject({ status: 'paused', recording: false, level: 0 });
    clock.advance(5000);
    recorder.resume();
    clock.advance(500);
    const blob = await recorder.stop();
    expect(blob?.type).toBe('audio/webm');
    expect(await blob?.text()).toBe('abc');
    expect(recorder.getSnapshot()).toMatchObject({ status: 'stopped', durationMs: 1500, blob });
    expect(tracks[0]?.stopped).toBe(true);
    expect(close).toHaveBeenCalled();
  });

  it('reports a refused permission as kind denied', async () => {
    const recorder = new AudioRecorder({
      getUserMedia: () => Promise.reject(new DOMException('no', 'NotAllowedError')),
      MediaRecorder: FakeRecorder,
    });
    await recorder.start();
    expect(recorder.getSnapshot().status).toBe('error');
    expect(recorder.getSnapshot().error?.kind).toBe('denied');
  });

  it('reports a missing microphone as kind no_device', async () => {
    const recorder = new AudioRecorder({
      getUserMedia: () => Promise.reject(new DOMException('none', 'NotFoundError')),
      MediaRecorder: FakeRecorder,
    });
    await recorder.start();
    expect(recorder.getSnapshot().error?.kind).toBe('no_device');
  });

  it('reports missing APIs as kind unsupported', async () => {
    const recorder = new AudioRecorder({ getUserMedia: async () => fakeStream().stream });
    expect(recorder.supported).toBe(false);
    await recorder.start();
    expect(recorder.getSnapshot().error?.kind).toBe('unsupported');
  });

  it('releases the microphone granted after dispose', async () => {
    const { tracks, stream } = fakeStream();
    let grant: (s: MediaStream) => void = () => {};
    const recorder = new AudioRecorder({
      getUserMedia: () => new Promise((resolve) => (grant = resolve)),
      MediaRecorder: FakeRecorder,
      createLevelMeter: () => undefined,
    });
    const started = recorder.start();
    expect(recorder.getSnapshot().status).toBe('requesting');
    recorder.dispose();
    grant(stream);
    await started;
    expect(tracks[0]?.stopped).toBe(true);
    expect(recorder.getSnapshot().status).toBe('idle');
  });
});
