import type { AitreClient, MjTask } from '../client/index.js';
import { AitreError } from '../errors.js';
import { MidjourneyTaskTimeoutError } from './MidjourneyTaskTimeoutError.js';
import { isTerminal } from './mjStatus.js';
import { Store } from './Store.js';
import { systemTimers, type Timers } from './timers.js';
import { documentVisibility, type VisibilitySource } from './visibility.js';

/** Where a poller is in its life. */
export type MidjourneyPollPhase =
  /** Not started, or stopped because nobody watches. */
  | 'idle'
  /** Waiting for the next fetch or fetching. */
  | 'polling'
  /** The page is hidden; resumes on the next visibility change. */
  | 'hidden'
  /** The task waits for `/mj/submit/modal`; `start()` again after submitting it. */
  | 'modal'
  /** The task reached SUCCESS, FAILURE or CANCEL. */
  | 'done'
  /** Polling gave up: timeout or a non-retryable fetch error (see `error`). */
  | 'error';

/** A poller's snapshot. */
export interface MidjourneyPollState {
  /** The last task fetched. */
  task: MjTask | undefined;
  /** Where the poller is. */
  phase: MidjourneyPollPhase;
  /** Why polling stopped with phase `error`. */
  error: AitreError | undefined;
  /** Fetch failures in a row (reset by a successful fetch). */
  failures: number;
}

/** How a task is polled. Defaults follow the gateway notes: ~1 s rising to 5 s, 10 min in all. */
export interface MidjourneyPollOptions {
  /** Delay before the first fetch after a submit (ms). Default 1000. */
  initialDelayMs?: number;
  /** Longest delay between fetches while all goes well (ms). Default 5000. */
  maxIntervalMs?: number;
  /** Factor applied to the delay after each fetch and after each error. Default 1.5. */
  backoff?: number;
  /** Longest delay between fetches after errors (ms). Default 15000. */
  maxErrorIntervalMs?: number;
  /** Give up (error kind 'timeout', task id kept) after this long without an end (ms). Default 600000. */
  timeoutMs?: number;
  /** The clock; defaults to the global timers. */
  timers?: Timers;
  /** Page visibility; defaults to `document` (always visible without one). */
  visibility?: VisibilitySource;
}

const DEFAULTS = {
  initialDelayMs: 1000,
  maxIntervalMs: 5000,
  backoff: 1.5,
  maxErrorIntervalMs: 15_000,
  timeoutMs: 600_000,
};

/**
 * Polls one MidJourney task with backoff until it ends. Shared between watchers through
 * `acquireMidjourneyPoller`, so one task id costs one request sequence however many watch it.
 */
export class MidjourneyPoller extends Store<MidjourneyPollState> {
  /** The task this poller fetches. */
  readonly taskId: string;
  readonly #client: Pick<AitreClient, 'midjourney'>;
  readonly #options: typeof DEFAULTS;
  readonly #timers: Timers;
  readonly #visibility: VisibilitySource;
  #timer: unknown;
  #controller: AbortController | undefined;
  #interval = 0;
  #deadline = 0;
  #unwatchVisibility: (() => void) | undefined;

  constructor(
    client: Pick<AitreClient, 'midjourney'>,
    taskId: string,
    options: MidjourneyPollOptions = {},
  ) {
    super({ task: undefined, phase: 'idle', error: undefined, failures: 0 });
    this.taskId = taskId;
    this.#client = client;
    this.#timers = options.timers ?? systemTimers;
    this.#visibility = options.visibility ?? documentVisibility;
    // Options given as `undefined` (hooks pass every field through) keep the default.
    this.#options = Object.fromEntries(
      Object.entries(DEFAULTS).map(([key, value]) => [
        key,
        options[key as keyof typeof DEFAULTS] ?? value,
      ]),
    ) as typeof DEFAULTS;
  }

  /** Starts (or restarts, after modal, timeout or error) polling; the first fetch after `delayMs`. */
  start(delayMs: number = this.#options.initialDelayMs): void {
    this.#cancelPending();
    this.#interval = this.#options.initialDelayMs;
    this.#deadline = this.#timers.now() + this.#options.timeoutMs;
    this.#unwatchVisibility ??= this.#visibility.subscribe(this.#onVisibility);
    this.setState({ phase: 'polling', error: undefined, failures: 0 });
    this.#schedule(delayMs);
  }

  /** Fetches now (e.g. a refresh button, or an image URL that failed to load), then continues. */
  refresh(): void {
    this.start(0);
  }

  /** Stops polling and aborts a fetch in flight; the last task stays readable. */
  stop(): void {
    this.#halt();
    const { phase } = this.getSnapshot();
    if (phase === 'polling' || phase === 'hidden') this.setState({ phase: 'idle' });
  }

  #cancelPending(): void {
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#controller?.abort();
    this.#controller = undefined;
  }

  #schedule(delayMs: number): void {
    // Never sleep past the deadline, so the timeout fires on time.
    const left = Math.max(0, this.#deadline - this.#timers.now());
    this.#timer = this.#timers.setTimeout(
      () => {
        this.#timer = undefined;
        void this.#tick();
      },
      Math.min(delayMs, left),
    );
  }

  #onVisibility = (): void => {
    if (this.getSnapshot().phase === 'hidden' && !this.#visibility.isHidden()) {
      this.setState({ phase: 'polling' });
      this.#cancelPending();
      void this.#tick();
    }
  };

  async #tick(): Promise<void> {
    if (this.#visibility.isHidden()) {
      this.setState({ phase: 'hidden' });
      return;
    }
    const controller = new AbortController();
    this.#controller = controller;
    try {
      const task = await this.#client.midjourney.fetchTask(this.taskId, {
        signal: controller.signal,
        // Backoff is ours: one attempt per tick.
        maxRetries: 0,
      });
      if (controller.signal.aborted) return;
      this.#controller = undefined;
      this.#onTask(task);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.#controller = undefined;
      this.#onError(error);
    }
  }

  #onTask(task: MjTask): void {
    this.setState({ task, failures: 0 });
    if (isTerminal(task.status)) {
      this.#finish('done');
    } else if (task.status === 'MODAL') {
      this.#finish('modal');
    } else {
      this.#backoff(this.#options.maxIntervalMs);
    }
  }

  #onError(error: unknown): void {
    const aitre = AitreError.isInstance(error) ? error : undefined;
    if (aitre && !aitre.retryable) {
      this.#finish('error', aitre);
      return;
    }
    this.setState((s) => ({ failures: s.failures + 1 }));
    this.#backoff(this.#options.maxErrorIntervalMs);
  }

  // Waits longer each time, up to `max`, unless the deadline has passed.
  #backoff(max: number): void {
    if (this.#timedOut()) return;
    this.#interval = Math.min(max, Math.round(this.#interval * this.#options.backoff));
    this.#schedule(this.#interval);
  }

  // Checked after a fetch, so the last look at the task happens at the deadline (or when a
  // page hidden past it is shown again) before giving up.
  #timedOut(): boolean {
    if (this.#timers.now() < this.#deadline) return false;
    this.#finish('error', new MidjourneyTaskTimeoutError(this.taskId, this.#options.timeoutMs));
    return true;
  }

  #finish(phase: 'done' | 'modal' | 'error', error?: AitreError): void {
    this.#halt();
    this.setState({ phase, error });
  }

  #halt(): void {
    this.#cancelPending();
    this.#unwatchVisibility?.();
    this.#unwatchVisibility = undefined;
  }
}

/** A watcher's hold on a shared poller; `release()` it when done watching. */
export interface MidjourneyPollerLease {
  /** The shared poller (subscribe to it, read its snapshot, `start()` or `refresh()` it). */
  readonly poller: MidjourneyPoller;
  /** Gives the hold back; the last release stops the poller. Safe to call twice. */
  release(): void;
}

/** Options for acquiring a poller. */
export interface AcquirePollerOptions extends MidjourneyPollOptions {
  /** Fetch at once instead of after `initialDelayMs` (resuming a task after a reload). */
  immediate?: boolean;
}

interface Entry {
  poller: MidjourneyPoller;
  refs: number;
}

const registry = new WeakMap<object, Map<string, Entry>>();

/**
 * Gives a hold on the one poller for `taskId` on `client`, creating and starting it for the
 * first watcher (whose options apply). Ref-counted: the last `release()` stops it.
 */
export function acquireMidjourneyPoller(
  client: Pick<AitreClient, 'midjourney'>,
  taskId: string,
  options: AcquirePollerOptions = {},
): MidjourneyPollerLease {
  let pollers = registry.get(client);
  if (!pollers) {
    pollers = new Map();
    registry.set(client, pollers);
  }
  let entry = pollers.get(taskId);
  if (!entry) {
    entry = { poller: new MidjourneyPoller(client, taskId, options), refs: 0 };
    pollers.set(taskId, entry);
    entry.poller.start(options.immediate ? 0 : undefined);
  }
  entry.refs += 1;
  const held = entry;
  const map = pollers;
  let released = false;
  return {
    poller: held.poller,
    release() {
      if (released) return;
      released = true;
      held.refs -= 1;
      if (held.refs > 0) return;
      held.poller.stop();
      if (map.get(taskId) === held) map.delete(taskId);
    },
  };
}
