'use client';
import { AudioRecorder, type AudioRecorderOptions, type AudioRecorderSnapshot } from '@aitre/core';
import { useBoundMethods } from './useBoundMethods.js';
import { useOwnedStore } from './useOwnedStore.js';

/** What `useAudioRecorder` returns. */
export interface UseAudioRecorderResult extends AudioRecorderSnapshot {
  /** True where recording can work in this browser. */
  supported: boolean;
  /** Asks for the microphone and starts a take. */
  start(): Promise<void>;
  /** Ends the take; resolves to the recording. */
  stop(): Promise<Blob | undefined>;
  /** Pauses the take. */
  pause(): void;
  /** Resumes a paused take. */
  resume(): void;
  /** Drops the recording and any error. */
  reset(): void;
}

/**
 * Microphone recording with duration and level; the microphone is released on unmount.
 * Options are read once (platform fakes for tests, preferred MIME types).
 */
export function useAudioRecorder(options: AudioRecorderOptions = {}): UseAudioRecorderResult {
  const [store, snapshot] = useOwnedStore(() => new AudioRecorder(options), []);
  const actions = useBoundMethods(store, ['start', 'stop', 'pause', 'resume', 'reset']);
  return { ...snapshot, supported: store.supported, ...actions };
}
