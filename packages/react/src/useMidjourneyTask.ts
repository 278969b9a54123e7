'use client';
import {
  type AitreClient,
  type ChatClient,
  type MidjourneyButton,
  type MidjourneyPollOptions,
  type MidjourneyTaskSnapshot,
  MidjourneyTaskStore,
  type MjBlendInput,
  type MjDescribeInput,
  type MjImagineInput,
  type MjShortenInput,
  type MjSubmitOptions,
  type MjSwapFaceInput,
  withMidjourney,
} from '@aitre/core';
import { useCallback, useEffect } from 'react';
import { useAitreClient } from './AitreProvider.js';
import { useBoundMethods } from './useBoundMethods.js';
import { useOwnedStore } from './useOwnedStore.js';

/** Options of `useMidjourneyTask`. */
export interface UseMidjourneyTaskOptions extends Omit<MidjourneyPollOptions, 'timers'> {
  /**
   * A task to watch: resumed after a reload (fetched at once, then polled). Components
   * watching the same id share one poll. Changing it switches to the new task.
   */
  taskId?: string;
  /**
   * A client to use instead of the one from `AitreProvider`; a `createChatClient()` client
   * gets the area this hook needs added on first use.
   */
  client?: AitreClient | ChatClient;
}

/** What `useMidjourneyTask` returns: the task's snapshot and everything that can be done to it. */
export interface UseMidjourneyTaskResult extends MidjourneyTaskSnapshot {
  /** Submits an imagine and watches the new task; resolves to its id. */
  imagine(params: MjImagineInput, options?: MjSubmitOptions): Promise<string | undefined>;
  /** Submits a blend (2 to 5 images). */
  blend(params: MjBlendInput, options?: MjSubmitOptions): Promise<string | undefined>;
  /** Submits a describe; prompts arrive in `describePrompts`. */
  describe(params: MjDescribeInput, options?: MjSubmitOptions): Promise<string | undefined>;
  /** Submits a shorten; results arrive in `shortenSuggestions`. */
  shorten(params: MjShortenInput, options?: MjSubmitOptions): Promise<string | undefined>;
  /** Submits a face swap. */
  swapFace(params: MjSwapFaceInput, options?: MjSubmitOptions): Promise<string | undefined>;
  /** Presses a button of the current task (`options.mode`: the speed mode prefix of every submit). */
  action(button: MidjourneyButton | string, options?: MjSubmitOptions): Promise<string | undefined>;
  /** Completes `pendingModal` and keeps polling the same task. */
  submitModal(
    input: { prompt?: string; maskBase64?: string },
    options?: MjSubmitOptions,
  ): Promise<string | undefined>;
  /** Watches another existing task. */
  watch(taskId: string): void;
  /** Fetches now and resumes polling (after a timeout, an error or `cancel`). */
  refresh(): void;
  /** Aborts a submit in flight and stops watching; `refresh()` resumes. */
  cancel(): void;
  /** Forgets the task. */
  reset(): void;
}

/** One MidJourney task: submit, poll (shared per task id), press buttons, complete modals. */
export function useMidjourneyTask(options: UseMidjourneyTaskOptions = {}): UseMidjourneyTaskResult {
  const client = withMidjourney(useAitreClient(options.client));
  const {
    taskId,
    initialDelayMs,
    maxIntervalMs,
    backoff,
    maxErrorIntervalMs,
    timeoutMs,
    visibility,
  } = options;
  const [store, snapshot] = useOwnedStore(
    // No taskId here: construction stays free of side effects; the effect below starts watching.
    () =>
      new MidjourneyTaskStore(client, {
        initialDelayMs,
        maxIntervalMs,
        backoff,
        maxErrorIntervalMs,
        timeoutMs,
        visibility,
      }),
    [client],
  );
  useEffect(() => {
    if (taskId) store.watch(taskId);
  }, [store, taskId]);
  const methods = useBoundMethods(store, [
    'imagine',
    'blend',
    'describe',
    'shorten',
    'swapFace',
    'submitModal',
    'watch',
    'refresh',
    'cancel',
    'reset',
  ]);
  const action = useCallback(
    (button: MidjourneyButton | string, o?: MjSubmitOptions) => store.action(button, undefined, o),
    [store],
  );
  return { ...snapshot, ...methods, action };
}
