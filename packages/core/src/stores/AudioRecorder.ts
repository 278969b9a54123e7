import { Store } from './Store.js';
import { systemTimers, type Timers } from './timers.js';

/** Why recording failed: permission refused, no API in this browser, no microphone, or else. */
export type AudioRecorderErrorKind = 'denied' | 'unsupported' | 'no_device' | 'failed';

/** A recording failure with a kind a UI can explain. */
export class AudioRecorderError extends Error {
  /** What went wrong. */
  readonly kind: AudioRecorderErrorKind;

  constructor(kind: AudioRecorderErrorKind, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AudioRecorderError';
    this.kind = kind;
  }
}

/**
 * idle: not started; requesting: waiting for microphone permission; recording / paused: in a
 * take; stopped: a take is done and `blob` holds it; error: see `error.kind`.
 */
export type AudioRecorderStatus =
  | 'idle'
  | 'requesting'
  | 'recording'
  | 'paused'
  | 'stopped'
  | 'error';

/** Snapshot of an `AudioRecorder`. */
export interface AudioRecorderSnapshot {
  /** Where the recorder stands. */
  status: AudioRecorderStatus;
  /** True while recording (not paused). */
  recording: boolean;
  /** Recorded time, pauses excluded (ms). */
  durationMs: number;
  /** Input loudness from 0 to 1 while recording (0 otherwise). */
  level: number;
  /** The finished take. */
  blob: Blob | undefined;
  /** Why recording failed. */
  error: AudioRecorderError | undefined;
}

/** The part of MediaRecorder the recorder uses (a fake in tests). */
export interface MediaRecorderLike extends EventTarget {
  /** Whether a take is running. */
  readonly state: 'inactive' | 'recording' | 'paused';
  /** The container type actually recorded. */
  readonly mimeType: string;
  /** Starts a take; fires `dataavailable` with chunks. */
  start(timeslice?: number): void;
  /** Ends the take; fires the last `dataavailable`, then `stop`. */
  stop(): void;
  /** Pauses the take. */
  pause(): void;
  /** Resumes a paused take. */
  resume(): void;
}

/** A MediaRecorder constructor (with the optional static `isTypeSupported`). */
export interface MediaRecorderConstructor {
  /** Makes a recorder for `stream`, in `options.mimeType` when given. */
  new (stream: MediaStream, options?: { mimeType?: string }): MediaRecorderLike;
  /** Whether the browser can record `mimeType`. */
  isTypeSupported?(mimeType: string): boolean;
}

/** Reads the input level; made from an AnalyserNode in browsers. */
export interface LevelMeter {
  /** Current loudness from 0 to 1. */
  read(): number;
  /** Releases the audio graph. */
  close(): void;
}

/** Platform pieces, injectable for tests; defaults come from the browser when present. */
export interface AudioRecorderOptions {
  /** Asks for the microphone (default `navigator.mediaDevices.getUserMedia`). */
  getUserMedia?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  /** The recorder class (default the global MediaRecorder). */
  MediaRecorder?: MediaRecorderConstructor;
  /** Builds a level meter for a stream (default: an AnalyserNode on an AudioContext, when present). */
  createLevelMeter?: (stream: MediaStream) => LevelMeter | undefined;
  /** Preferred container types, first supported wins. */
  mimeTypes?: string[];
  /** Audio constraints passed to getUserMedia (default `true`). */
  audio?: MediaTrackConstraints | true;
  /** How often duration and level update (ms, default 100). */
  tickMs?: number;
  /** The clock (default the global timers). */
  timers?: Timers;
}

const DEFAULT_TYPES = [
  'audio/webm;codecs=opus',
  'audio/webm',
  'audio/mp4',
  'audio/ogg;codecs=opus',
];

function errorKind(error: unknown): AudioRecorderErrorKind {
  const name = (error as { name?: string } | null)?.name ?? '';
  return /^(NotAllowed|Security|PermissionDenied)Error$/.test(name)
    ? 'denied'
    : /^(NotFound|DevicesNotFound|Overconstrained|NotReadable)Error$/.test(name)
      ? 'no_device'
      : 'failed';
}

const MESSAGES: Record<AudioRecorderErrorKind, string> = {
  denied: 'Microphone permission was denied',
  unsupported: 'Recording is not supported in this browser',
  no_device: 'No usable microphone was found',
  failed: 'Recording failed',
};

/** The default level meter: an AnalyserNode's RMS, on a perceptual (square-root) scale. */
export function analyserLevelMeter(stream: MediaStream): LevelMeter | undefined {
  const Context = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!Context) return undefined;
  const context = new Context();
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Uint8Array(analyser.fftSize);
  return {
    read() {
      analyser.getByteTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) {
        const v = (sample - 128) / 128;
        sum += v * v;
      }
      return Math.min(1, Math.sqrt(Math.sqrt(sum / samples.length)));
    },
    close() {
      void context.close();
    },
  };
}

// Between `start` and `stop`: the permission prompt, recording, or paused.
const isActive = (status: AudioRecorderStatus): boolean =>
  status === 'requesting' || status === 'recording' || status === 'paused';

const IDLE: AudioRecorderSnapshot = {
  status: 'idle',
  recording: false,
  durationMs: 0,
  level: 0,
  blob: undefined,
  error: undefined,
};

/** Microphone recording (MediaRecorder) with duration, a level meter, pause and resume. */
export class AudioRecorder extends Store<AudioRecorderSnapshot> {
  readonly #options: AudioRecorderOptions;
  readonly #timers: Timers;
  #recorder: MediaRecorderLike | undefined;
  #stream: MediaStream | undefined;
  #meter: LevelMeter | undefined;
  #chunks: Blob[] = [];
  #timer: unknown;
  #startedAt = 0;
  #elapsed = 0;
  #attempt = 0;
  #stopped: Promise<Blob | undefined> | undefined;

  constructor(options: AudioRecorderOptions = {}) {
    super(IDLE);
    this.#options = options;
    this.#timers = options.timers ?? systemTimers;
  }

  /** True where microphone recording can work (APIs present; permission still to be asked). */
  get supported(): boolean {
    return !!(this.#getUserMedia() && this.#MediaRecorder());
  }

  /** Asks for the microphone and starts a new take (the previous blob is dropped). */
  async start(): Promise<void> {
    const { status } = this.getSnapshot();
    if (isActive(status)) return;
    const getUserMedia = this.#getUserMedia();
    const Recorder = this.#MediaRecorder();
    if (!getUserMedia || !Recorder) {
      this.#fail('unsupported');
      return;
    }
    const attempt = ++this.#attempt;
    this.setState({ ...IDLE, status: 'requesting' });
    let stream: MediaStream;
    try {
      stream = await getUserMedia({ audio: this.#options.audio ?? true });
    } catch (error) {
      if (attempt === this.#attempt) this.#fail(errorKind(error), error);
      return;
    }
    // Disposed or restarted while the permission prompt was open.
    if (attempt !== this.#attempt) {
      for (const track of stream.getTracks()) track.stop();
      return;
    }
    try {
      const mimeType = (this.#options.mimeTypes ?? DEFAULT_TYPES).find(
        (type) => Recorder.isTypeSupported?.(type) ?? false,
      );
      const recorder = new Recorder(stream, mimeType ? { mimeType } : undefined);
      this.#stream = stream;
      this.#recorder = recorder;
      this.#chunks = [];
      recorder.addEventListener('dataavailable', (event) => {
        const data = (event as BlobEvent).data;
        if (data && data.size > 0) this.#chunks.push(data);
      });
      recorder.addEventListener('error', (event) => {
        this.#release();
        this.#fail('failed', (event as ErrorEvent).error ?? event);
      });
      this.#meter = (this.#options.createLevelMeter ?? analyserLevelMeter)(stream);
      recorder.start();
      this.#elapsed = 0;
      this.#startedAt = this.#timers.now();
      this.setState({ status: 'recording', recording: true });
      this.#tick();
    } catch (error) {
      for (const track of stream.getTracks()) track.stop();
      this.#release();
      this.#fail('failed', error);
    }
  }

  /** Pauses the take (duration stops counting). */
  pause(): void {
    if (this.getSnapshot().status !== 'recording' || !this.#recorder) return;
    this.#recorder.pause();
    this.#elapsed += this.#timers.now() - this.#startedAt;
    this.#clearTimer();
    this.setState({ status: 'paused', recording: false, level: 0, durationMs: this.#elapsed });
  }

  /** Resumes a paused take. */
  resume(): void {
    if (this.getSnapshot().status !== 'paused' || !this.#recorder) return;
    this.#recorder.resume();
    this.#startedAt = this.#timers.now();
    this.setState({ status: 'recording', recording: true });
    this.#tick();
  }

  /** Ends the take and releases the microphone. Resolves to the recording (also in `blob`). */
  stop(): Promise<Blob | undefined> {
    if (this.#stopped) return this.#stopped;
    const recorder = this.#recorder;
    const { status } = this.getSnapshot();
    if (!recorder || (status !== 'recording' && status !== 'paused')) {
      return Promise.resolve(this.getSnapshot().blob);
    }
    if (status === 'recording') this.#elapsed += this.#timers.now() - this.#startedAt;
    this.#clearTimer();
    const stopped = new Promise<Blob | undefined>((resolve) => {
      recorder.addEventListener(
        'stop',
        () => {
          const type = recorder.mimeType || this.#chunks[0]?.type || 'audio/webm';
          const blob = new Blob(this.#chunks, { type });
          this.#chunks = [];
          this.#stopped = undefined;
          this.#release();
          this.setState({
            status: 'stopped',
            recording: false,
            level: 0,
            durationMs: this.#elapsed,
            blob,
          });
          resolve(blob);
        },
        { once: true },
      );
    });
    this.#stopped = stopped;
    recorder.stop();
    return stopped;
  }

  /** Drops the recording and any error. */
  reset(): void {
    this.dispose();
    this.setState(IDLE);
  }

  /** Stops recording without keeping the take and releases the microphone. Usable again after. */
  dispose(): void {
    this.#attempt += 1;
    const recorder = this.#recorder;
    this.#release();
    if (recorder && recorder.state !== 'inactive') recorder.stop();
    this.#stopped = undefined;
    this.#chunks = [];
    const { status } = this.getSnapshot();
    if (isActive(status)) {
      this.setState({ status: 'idle', recording: false, level: 0 });
    }
  }

  #getUserMedia(): AudioRecorderOptions['getUserMedia'] {
    if (this.#options.getUserMedia) return this.#options.getUserMedia;
    const devices = (globalThis as { navigator?: Navigator }).navigator?.mediaDevices;
    return devices?.getUserMedia ? (c) => devices.getUserMedia(c) : undefined;
  }

  #MediaRecorder(): MediaRecorderConstructor | undefined {
    return (
      this.#options.MediaRecorder ??
      (globalThis as { MediaRecorder?: MediaRecorderConstructor }).MediaRecorder
    );
  }

  #tick(): void {
    this.#clearTimer();
    this.#timer = this.#timers.setTimeout(() => {
      this.#timer = undefined;
      if (this.getSnapshot().status !== 'recording') return;
      this.setState({
        durationMs: this.#elapsed + this.#timers.now() - this.#startedAt,
        level: this.#meter?.read() ?? 0,
      });
      this.#tick();
    }, this.#options.tickMs ?? 100);
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #release(): void {
    this.#clearTimer();
    for (const track of this.#stream?.getTracks() ?? []) track.stop();
    this.#stream = undefined;
    this.#meter?.close();
    this.#meter = undefined;
    this.#recorder = undefined;
  }

  #fail(kind: AudioRecorderErrorKind, cause?: unknown): void {
    const error = new AudioRecorderError(kind, MESSAGES[kind], { cause });
    this.setState({ ...IDLE, status: 'error', error });
  }
}
