'use client';
import {
  type AitreClient,
  type ChatClient,
  type SpeakOptions,
  type SpeechSnapshot,
  SpeechStore,
  withAudio,
} from '@aitre/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAitreClient } from './AitreProvider.js';
import { useOwnedStore } from './useOwnedStore.js';

/** Options of `useSpeech`. */
export interface UseSpeechOptions {
  /** The TTS model (default 'tts-1'). */
  model?: string;
  /** The voice (default 'alloy'). */
  voice?: string;
  /** Play the audio as soon as it arrives. */
  autoPlay?: boolean;
  /**
   * A client to use instead of the one from `AitreProvider`; a `createChatClient()` client
   * gets the area this hook needs added on first use.
   */
  client?: AitreClient | ChatClient;
}

/** What `useSpeech` returns. */
export interface UseSpeechResult extends SpeechSnapshot {
  /** Synthesizes `text` (at most 4096 characters); resolves to the audio URL. */
  speak(text: string, options?: SpeakOptions): Promise<string | undefined>;
  /** Plays the audio (from where it paused). */
  play(): Promise<void>;
  /** Pauses playback. */
  pause(): void;
  /** Stops playback and rewinds. */
  stop(): void;
  /** Aborts the synthesis in flight. */
  cancel(): void;
  /** True while the audio plays. */
  playing: boolean;
}

/** Text to speech with playback; the audio URL is revoked and playback stopped on unmount. */
export function useSpeech(options: UseSpeechOptions = {}): UseSpeechResult {
  const client = withAudio(useAitreClient(options.client));
  const { model, voice, autoPlay } = options;
  const [store, snapshot] = useOwnedStore(
    () => new SpeechStore(client, { model, voice }),
    [client, model, voice],
  );
  const [playing, setPlaying] = useState(false);
  const audioRef = useRef<HTMLAudioElement | null>(null);

  // One element per hook, made on first use (never during render or on the server).
  const element = useCallback((): HTMLAudioElement | undefined => {
    if (audioRef.current) return audioRef.current;
    if (typeof Audio === 'undefined') return undefined;
    const audio = new Audio();
    for (const type of ['play', 'pause', 'ended']) {
      audio.addEventListener(type, () => setPlaying(type === 'play'));
    }
    audioRef.current = audio;
    return audio;
  }, []);

  const play = useCallback(async () => {
    const url = store.getSnapshot().audioUrl;
    const audio = element();
    if (!url || !audio) return;
    if (audio.src !== url) audio.src = url;
    await audio.play();
  }, [store, element]);

  const pause = useCallback(() => audioRef.current?.pause(), []);

  const stop = useCallback(() => {
    const audio = audioRef.current;
    if (!audio) return;
    audio.pause();
    audio.currentTime = 0;
  }, []);

  // A replaced or revoked URL must not keep playing; unmount silences and detaches the element.
  useEffect(() => {
    const audio = audioRef.current;
    if (audio?.src && audio.src !== snapshot.audioUrl) {
      audio.pause();
      audio.removeAttribute('src');
      setPlaying(false);
    }
  }, [snapshot.audioUrl]);
  useEffect(
    () => () => {
      const audio = audioRef.current;
      audio?.pause();
      audio?.removeAttribute('src');
    },
    [],
  );

  const speak = useCallback(
    async (text: string, opts?: SpeakOptions) => {
      const url = await store.speak(text, opts);
      if (url && autoPlay) await play().catch(() => setPlaying(false));
      return url;
    },
    [store, autoPlay, play],
  );

  return useMemo(
    () => ({ ...snapshot, speak, play, pause, stop, cancel: () => store.cancel(), playing }),
    [snapshot, speak, play, pause, stop, store, playing],
  );
}
