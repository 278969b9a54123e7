import type { AitreClient, MjRequestOptions, MjSubmitResult, MjTask } from '../client/index.js';
import { type AitreError, MidjourneyError, ValidationError } from '../errors.js';
import {
  acquireMidjourneyPoller,
  type MidjourneyPollerLease,
  type MidjourneyPollOptions,
} from './MidjourneyPoller.js';
import { parseProgress } from './mjStatus.js';
import { type MidjourneyButton, parseButtons } from './parseButtons.js';
import { parseDescribePrompts } from './parseDescribePrompts.js';
import { parseShorten, type ShortenResult } from './parseShorten.js';
import { type Notify, Store } from './Store.js';
import { toAitreError } from './toAitreError.js';

type Mj = AitreClient['midjourney'];
/** Parameters of `MidjourneyTaskStore.imagine` (as the client's `midjourney.imagine`). */
export type MjImagineInput = Parameters<Mj['imagine']>[0];
/** Parameters of `MidjourneyTaskStore.blend`. */
export type MjBlendInput = Parameters<Mj['blend']>[0];
/** Parameters of `MidjourneyTaskStore.describe`. */
export type MjDescribeInput = Parameters<Mj['describe']>[0];
/** Parameters of `MidjourneyTaskStore.shorten`. */
export type MjShortenInput = Parameters<Mj['shorten']>[0];
/** Parameters of `MidjourneyTaskStore.swapFace`. */
export type MjSwapFaceInput = Parameters<Mj['swapFace']>[0];
/** Per-submit options of `MidjourneyTaskStore`: the speed mode path prefix (`/mj-fast/mj/...`). */
export interface MjSubmitOptions {
  /** Overrides the client's `midjourneyMode` for this submit. */
  mode?: MjRequestOptions['mode'];
}

/**
 * Where the watched task stands.
 * idle: nothing yet; submitting: a submit is in flight; running: polling a pending task;
 * modal: the task waits for `submitModal`; success / failure: the task ended (FAILURE or
 * CANCEL are failures); stopped: `cancel()` stopped watching (the task id stays, `refresh()`
 * resumes); error: a submit or polling failed (timeouts included, see `error.kind`).
 */
export type MidjourneyTaskStatus =
  | 'idle'
  | 'submitting'
  | 'running'
  | 'modal'
  | 'success'
  | 'failure'
  | 'stopped'
  | 'error';

/** A task waiting for `/mj/submit/modal` (Custom Zoom, Vary (Region), remix). */
export interface PendingModal {
  /** The task to complete with `submitModal`. */
  taskId: string;
  /** The prompt to prefill the modal with. */
  finalPrompt: string;
  /** True when the gateway flagged a remix edit. */
  remix: boolean;
}

/** Snapshot of a `MidjourneyTaskStore`. */
export interface MidjourneyTaskSnapshot {
  /** The task being watched (kept after errors and timeouts so it can be resumed). */
  taskId: string | undefined;
  /** The task this one was started from with `action` or `submitModal`. */
  parentTaskId: string | undefined;
  /** The last fetched task, as the gateway sent it. */
  task: MjTask | undefined;
  /** Where the task stands. */
  status: MidjourneyTaskStatus;
  /** Progress from 0 to 100 (never read as success on its own). */
  progress: number;
  /** The result, or the low-resolution preview while in progress. */
  imageUrl: string | undefined;
  /** The decoded buttons of a finished task. */
  buttons: MidjourneyButton[];
  /** Set when the task needs `submitModal` (the submit answered 21, or a fetch showed MODAL). */
  pendingModal: PendingModal | undefined;
  /** A finished DESCRIBE task's prompts (normally four). */
  describePrompts: string[];
  /** A finished SHORTEN task's shortened prompts (normally five). */
  shortenSuggestions: string[];
  /** A finished SHORTEN task's whole analysis (suggestions, important and removed tokens). */
  shortenAnalysis: ShortenResult | undefined;
  /** True while the gateway reports the submit as queued and the task has not started. */
  queued: boolean;
  /** The gateway's reason for a FAILURE. */
  failReason: string | undefined;
  /** What went wrong: a submit or fetch error, a timeout (kind 'timeout'), or a failed task (kind 'midjourney'). */
  error: AitreError | undefined;
}

/** Options of a `MidjourneyTaskStore`. */
export interface MidjourneyTaskStoreOptions extends MidjourneyPollOptions {
  /** An existing task to resume (after a reload): fetched at once, then polled. */
  taskId?: string;
  /** How notifications are delivered (default: at once; pollers change state rarely). */
  schedule?: Notify;
}

// Like the status, except 'watching' (which the poll resolves) and 'modal' (a submit answered 21).
type Phase = 'idle' | 'submitting' | 'watching' | 'modal' | 'stopped' | 'error';

const noTask = (message: string): ValidationError =>
  new ValidationError('task_id_missing', 'taskId', message);

const requestOptions = (signal: AbortSignal, options: MjSubmitOptions | undefined) =>
  options?.mode ? { signal, mode: options.mode } : { signal };

const PENDING_STATUSES = new Set(['', 'NOT_START', 'SUBMITTED']);

interface Derived {
  task: MjTask | undefined;
  buttons: MidjourneyButton[];
  describePrompts: string[];
  shorten: ShortenResult | undefined;
  modal: PendingModal | undefined;
  /** The error of a FAILURE or CANCEL task (one object per task snapshot). */
  failure: MidjourneyError | undefined;
}

const EMPTY: MidjourneyTaskSnapshot = {
  taskId: undefined,
  parentTaskId: undefined,
  task: undefined,
  status: 'idle',
  progress: 0,
  imageUrl: undefined,
  buttons: [],
  pendingModal: undefined,
  describePrompts: [],
  shortenSuggestions: [],
  shortenAnalysis: undefined,
  queued: false,
  failReason: undefined,
  error: undefined,
};

// The modal of a submit answered 21 (its properties) or of a task in MODAL.
const modalOf = (taskId: string, properties: unknown, prompt = ''): PendingModal => {
  const { finalPrompt, remix } = (properties ?? {}) as { finalPrompt?: unknown; remix?: unknown };
  return {
    taskId,
    finalPrompt: typeof finalPrompt === 'string' ? finalPrompt : prompt,
    remix: remix === true,
  };
};

const NONE: Derived = {
  task: undefined,
  buttons: [],
  describePrompts: [],
  shorten: undefined,
  modal: undefined,
  failure: undefined,
};

function derive(task: MjTask): Derived {
  const done = task.status === 'SUCCESS';
  return {
    task,
    buttons: parseButtons(task),
    describePrompts: done && task.action === 'DESCRIBE' ? parseDescribePrompts(task) : [],
    shorten: done && task.action === 'SHORTEN' ? parseShorten(task) : undefined,
    modal: modalOf(String(task.id), task.properties, task.promptEn ?? task.prompt ?? ''),
    failure: task.status === 'FAILURE' || task.status === 'CANCEL' ? taskFailure(task) : undefined,
  };
}

/** The error a FAILURE or CANCEL task turns into, carrying the gateway's failReason. */
function taskFailure(task: MjTask): MidjourneyError {
  const reason = task.failReason || (task.status === 'CANCEL' ? 'Task canceled' : 'Task failed');
  return new MidjourneyError(reason, {
    code: task.status,
    description: reason,
    properties: { taskId: String(task.id) },
  });
}

/**
 * One MidJourney task at a time: submit (imagine, blend, describe, shorten, swap face, button
 * actions, modals), then watch it through the shared poller until it ends. Watching is
 * ref-counted per client and task id, so any number of stores share one request sequence.
 */
export class MidjourneyTaskStore extends Store<MidjourneyTaskSnapshot> {
  readonly #client: Pick<AitreClient, 'midjourney'>;
  readonly #options: MidjourneyTaskStoreOptions;
  #phase: Phase = 'idle';
  #taskId: string | undefined;
  #parentTaskId: string | undefined;
  #queued = false;
  #error: AitreError | undefined;
  #modal: PendingModal | undefined;
  #controller: AbortController | undefined;
  #lease: MidjourneyPollerLease | undefined;
  #unsubscribe: (() => void) | undefined;
  #derived: Derived = NONE;

  constructor(client: Pick<AitreClient, 'midjourney'>, options: MidjourneyTaskStoreOptions = {}) {
    super(EMPTY, options.schedule);
    this.#client = client;
    this.#options = options;
    if (options.taskId) this.watch(options.taskId);
  }

  /** Submits `/mj/submit/imagine` and watches the new task. Resolves to its id (undefined on error). */
  imagine(params: MjImagineInput, options?: MjSubmitOptions): Promise<string | undefined> {
    return this.#send('imagine', params, options);
  }

  /** Submits `/mj/submit/blend` (2 to 5 images) and watches the new task. */
  blend(params: MjBlendInput, options?: MjSubmitOptions): Promise<string | undefined> {
    return this.#send('blend', params, options);
  }

  /** Submits `/mj/submit/describe`; the prompts arrive in `describePrompts`. */
  describe(params: MjDescribeInput, options?: MjSubmitOptions): Promise<string | undefined> {
    return this.#send('describe', params, options);
  }

  /** Submits `/mj/submit/shorten`; the results arrive in `shortenSuggestions` and `shortenAnalysis`. */
  shorten(params: MjShortenInput, options?: MjSubmitOptions): Promise<string | undefined> {
    return this.#send('shorten', params, options);
  }

  /** Submits `/mj/insight-face/swap` and watches the new task. */
  swapFace(params: MjSwapFaceInput, options?: MjSubmitOptions): Promise<string | undefined> {
    return this.#send('swapFace', params, options);
  }

  /**
   * Presses a button of the current task (or of `taskId`). Watches the new task; when the
   * gateway answers 21, `pendingModal` is set and nothing is polled until `submitModal`.
   */
  action(
    button: MidjourneyButton | string,
    taskId = this.#taskId,
    options?: MjSubmitOptions,
  ): Promise<string | undefined> {
    const customId = typeof button === 'string' ? button : button.customId;
    if (!taskId) {
      return Promise.resolve(this.#fail(noTask('There is no task to act on')));
    }
    return this.#submit(
      (signal) => this.#client.midjourney.action(customId, taskId, requestOptions(signal, options)),
      taskId,
    );
  }

  /** Completes `pendingModal` (`/mj/submit/modal`) and keeps polling the same task id. */
  submitModal(
    input: { prompt?: string; maskBase64?: string },
    options?: MjSubmitOptions,
  ): Promise<string | undefined> {
    const modal = this.getSnapshot().pendingModal;
    if (!modal) {
      return Promise.resolve(this.#fail(noTask('No task waits for a modal')));
    }
    return this.#submit(
      (signal) =>
        this.#client.midjourney.modal(
          { taskId: modal.taskId, prompt: input.prompt, maskBase64: input.maskBase64 },
          requestOptions(signal, options),
        ),
      this.#parentTaskId,
    );
  }

  /** Watches an existing task (resume after a reload): fetches at once, then polls. */
  watch(taskId: string): void {
    if (this.#lease?.poller.taskId === taskId && this.#phase === 'watching') return;
    this.#abortSubmit();
    this.#release();
    this.#forget(taskId === this.#taskId ? this.#parentTaskId : undefined);
    this.#taskId = taskId;
    this.#follow(taskId, true);
  }

  /** Fetches the task now and resumes polling (after a timeout, an error, `cancel()` or a broken image). */
  refresh(): void {
    if (!this.#taskId) return;
    if (this.#lease && this.#phase === 'watching') {
      this.#lease.poller.refresh();
      return;
    }
    this.watch(this.#taskId);
  }

  /** Aborts a submit in flight and stops watching; the task id stays for `refresh()`. */
  cancel(): void {
    const busy = this.#phase === 'submitting' || this.#phase === 'watching';
    this.#abortSubmit();
    this.#release();
    if (busy) this.#phase = this.#taskId ? 'stopped' : 'idle';
    this.#publish();
  }

  /** Forgets the task: stops everything and returns to the empty snapshot. */
  reset(): void {
    this.#abortSubmit();
    this.#release();
    this.#forget(undefined);
    this.#phase = 'idle';
    this.#taskId = undefined;
    this.#derived = NONE;
    this.#publish();
  }

  /** Releases the poller and aborts requests. The store stays usable (`watch` or submit again). */
  dispose(): void {
    this.cancel();
  }

  #forget(parentTaskId: string | undefined): void {
    this.#parentTaskId = parentTaskId;
    this.#queued = false;
    this.#error = undefined;
    this.#modal = undefined;
  }

  #send(
    name: 'imagine' | 'blend' | 'describe' | 'shorten' | 'swapFace',
    params: unknown,
    options: MjSubmitOptions | undefined,
  ): Promise<string | undefined> {
    return this.#submit((signal) =>
      (
        this.#client.midjourney[name] as (
          p: unknown,
          o: MjRequestOptions,
        ) => Promise<MjSubmitResult>
      )(params, requestOptions(signal, options)),
    );
  }

  async #submit(
    send: (signal: AbortSignal) => Promise<MjSubmitResult>,
    parentTaskId?: string,
  ): Promise<string | undefined> {
    this.#abortSubmit();
    const controller = new AbortController();
    this.#controller = controller;
    this.#phase = 'submitting';
    this.#error = undefined;
    this.#publish();
    try {
      const result = await send(controller.signal);
      if (controller.signal.aborted) return undefined;
      this.#controller = undefined;
      const taskId = String(result.taskId);
      // A modal answers with the task already watched: keep its poller (and its last task).
      const same = this.#lease?.poller.taskId === taskId;
      if (!same) {
        this.#release();
        this.#derived = NONE;
      }
      this.#parentTaskId = parentTaskId;
      this.#taskId = taskId;
      if (result.status === 'needs_modal') {
        this.#phase = 'modal';
        this.#queued = false;
        this.#modal = modalOf(taskId, result.properties);
        this.#publish();
      } else {
        this.#modal = undefined;
        this.#queued = result.queued;
        this.#follow(taskId, false);
      }
      return taskId;
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      this.#controller = undefined;
      return this.#fail(toAitreError(error));
    }
  }

  #fail(error: AitreError): undefined {
    this.#phase = 'error';
    this.#error = error;
    this.#publish();
    return undefined;
  }

  #follow(taskId: string, immediate: boolean): void {
    this.#phase = 'watching';
    let lease = this.#lease?.poller.taskId === taskId ? this.#lease : undefined;
    if (!lease) {
      lease = acquireMidjourneyPoller(this.#client, taskId, { ...this.#options, immediate });
      this.#lease = lease;
      this.#unsubscribe = lease.poller.subscribe(() => this.#publish());
    }
    // A shared poller may sit paused in MODAL (or stopped by a timeout): wake it up.
    const { phase } = lease.poller.getSnapshot();
    if (phase === 'modal' || phase === 'error') lease.poller.start(immediate ? 0 : undefined);
    this.#publish();
  }

  #release(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#lease?.release();
    this.#lease = undefined;
  }

  #abortSubmit(): void {
    this.#controller?.abort();
    this.#controller = undefined;
  }

  #publish(): void {
    const poll = this.#lease?.poller.getSnapshot();
    if (poll?.task && poll.task !== this.#derived.task) this.#derived = derive(poll.task);
    const { task, buttons, describePrompts, shorten } = this.#derived;
    let status: MidjourneyTaskStatus;
    let error = this.#error;
    let pendingModal: PendingModal | undefined;
    switch (this.#phase) {
      case 'modal':
        status = 'modal';
        pendingModal = this.#modal;
        break;
      case 'watching':
        if (poll?.phase === 'error') {
          status = 'error';
          error = poll.error;
        } else if (poll?.phase === 'modal') {
          status = 'modal';
          pendingModal = this.#derived.modal;
        } else if (task?.status === 'SUCCESS') {
          status = 'success';
        } else if (this.#derived.failure) {
          status = 'failure';
          error = this.#derived.failure;
        } else {
          status = 'running';
        }
        break;
      default:
        status = this.#phase;
    }
    const prev = this.getSnapshot().pendingModal;
    this.setState({
      taskId: this.#taskId,
      parentTaskId: this.#parentTaskId,
      task,
      status,
      progress: task ? parseProgress(task.progress) : 0,
      imageUrl: task?.imageUrl || undefined,
      buttons,
      // Keep the same object while it describes the same modal, so React can bail out.
      pendingModal:
        prev &&
        pendingModal?.taskId === prev.taskId &&
        pendingModal.finalPrompt === prev.finalPrompt &&
        pendingModal.remix === prev.remix
          ? prev
          : pendingModal,
      describePrompts,
      shortenSuggestions: shorten?.suggestions ?? EMPTY.shortenSuggestions,
      shortenAnalysis: shorten,
      queued: this.#queued && status === 'running' && PENDING_STATUSES.has(task?.status ?? ''),
      failReason: task?.failReason || undefined,
      error,
    });
  }
}
