import type { AggregatedCompletion, AitreClient, CompletionStream } from '../client/index.js';
import { AbortError, type AitreError, ValidationError } from '../errors.js';
import type { ChatUsage } from './ChatMessage.js';
import { frameScheduler } from './frameScheduler.js';
import { type Notify, Store } from './Store.js';
import { toAitreError } from './toAitreError.js';
import { toUsage } from './toUsage.js';

/**
 * Where a completion stands: `submitted` until the first chunk, `streaming` while text
 * arrives, `error` after a failure, `idle` otherwise (done, stopped or never started).
 */
export type CompletionStatus = 'idle' | 'submitted' | 'streaming' | 'error';

/** The immutable snapshot of a {@link CompletionStore}. */
export interface CompletionState {
  /** The prompt of the current or last request. */
  prompt: string;
  /** The text so far; kept after stop and after an error mid-stream. */
  completion: string;
  /** See {@link CompletionStatus}. @selector [data-status] */
  status: CompletionStatus;
  /** The last failure, cleared by the next request. */
  error: AitreError | undefined;
  /** The finish reason; `undefined` while streaming, after stop or when the stream was cut. */
  finishReason: string | undefined;
  /** True when the stream ended without a finish reason (truncated). */
  incomplete: boolean;
  /** Token usage of the last request. */
  usage: ChatUsage | undefined;
  /** The draft prompt, for input bindings. */
  input: string;
}

/** Options of a {@link CompletionStore}. */
export interface CompletionStoreOptions {
  /** The client that talks to the gateway. */
  client: Pick<AitreClient, 'completions'>;
  /** Model id, e.g. `gpt-3.5-turbo-instruct`. Completing without one fails with `model_missing`. */
  model?: string;
  /** Extra request fields (`max_tokens`, `temperature`, `stop`...). */
  body?: Record<string, unknown>;
  /** Extra HTTP headers for every request. */
  headers?: Record<string, string>;
  /** Called with the full text when a completion ends without error (also after stop). */
  onFinish?: (completion: string, prompt: string) => void;
  /** Called on every failure, validation errors included. */
  onError?: (error: AitreError) => void;
  /** Notification schedule; default `frameScheduler()`, one notification per frame. */
  schedule?: Notify;
}

interface Run {
  controller: AbortController;
  stream: CompletionStream | undefined;
  dirty: boolean;
}

// What a new completion starts from.
const FRESH = {
  prompt: '',
  completion: '',
  error: undefined,
  finishReason: undefined,
  incomplete: false,
  usage: undefined,
};

/** Legacy text completion (`/v1/completions`) as a streaming state machine. */
export class CompletionStore extends Store<CompletionState> {
  #options: CompletionStoreOptions;
  #run: Run | undefined;

  constructor(options: CompletionStoreOptions) {
    super({ ...FRESH, status: 'idle', input: '' }, options.schedule ?? frameScheduler());
    this.#options = options;
  }

  /** Replaces options (model, callbacks, body...) for the next requests. */
  setOptions(patch: Partial<CompletionStoreOptions>): void {
    this.#options = { ...this.#options, ...patch };
  }

  /** Sets the draft prompt. */
  setInput(input: string): void {
    this.setState({ input });
  }

  /** Replaces the completion text (e.g. to clear it). */
  setCompletion(completion: string): void {
    this.setState({ completion });
  }

  /**
   * Streams the completion of `prompt` (default: the draft `input`). Resolves with the
   * text when it ends; never rejects (failures land in `error` and `onError`).
   */
  async complete(prompt?: string, body?: Record<string, unknown>): Promise<string> {
    const options = this.#options;
    const text = prompt ?? this.getSnapshot().input;
    const model = options.model;
    const invalid = !text.trim()
      ? new ValidationError('prompt_empty', 'prompt', 'The prompt is empty.')
      : !model && new ValidationError('model_missing', 'model', 'No model is selected.');
    if (invalid || !model) {
      this.#fail(undefined, invalid);
      return this.getSnapshot().completion;
    }
    this.stop();
    const run: Run = { controller: new AbortController(), stream: undefined, dirty: false };
    this.#run = run;
    this.setState({ ...FRESH, prompt: text, status: 'submitted' });
    const extra = { ...options.body, ...body };
    try {
      const stream = await options.client.completions.create(
        {
          model,
          prompt: text,
          stream: true,
          stream_options: { include_usage: true },
          ...(Object.keys(extra).length > 0 && { extra }),
        },
        {
          signal: run.controller.signal,
          ...(options.headers && { headers: options.headers }),
        },
      );
      if (this.#run !== run) {
        stream.abort();
        return this.getSnapshot().completion;
      }
      run.stream = stream;
      for await (const _chunk of stream) {
        if (this.#run !== run) break;
        if (this.getSnapshot().status !== 'streaming') this.setState({ status: 'streaming' });
        run.dirty = true;
        this.invalidate();
      }
      if (this.#run === run) this.#finish(run, stream.snapshot());
    } catch (error) {
      if (this.#run === run) this.#fail(run, error);
    }
    return this.getSnapshot().completion;
  }

  /** Stops the completion in flight; the text so far stays. */
  stop(): void {
    const run = this.#run;
    if (!run) return;
    this.#run = undefined;
    run.controller.abort();
    run.stream?.abort();
    const snapshot = run.stream?.snapshot();
    this.setState(snapshot ? { completion: snapshot.text, status: 'idle' } : { status: 'idle' });
    // The end of a run reaches subscribers at once, not a frame after `complete` resolves.
    this.flush();
    this.#options.onFinish?.(this.getSnapshot().completion, this.getSnapshot().prompt);
  }

  /** Stops any stream and drops a pending notification; the store stays usable. */
  dispose(): void {
    this.stop();
    this.cancelFlush();
  }

  // Copies the stream's text once per notification instead of once per chunk.
  protected override flush(): void {
    const run = this.#run;
    if (run?.dirty && run.stream) {
      run.dirty = false;
      this.setState({ completion: run.stream.snapshot().text });
    }
    super.flush();
  }

  #finish(run: Run, snapshot: AggregatedCompletion): void {
    this.#run = undefined;
    run.dirty = false;
    this.setState({
      completion: snapshot.text,
      status: 'idle',
      finishReason: snapshot.finishReason ?? undefined,
      incomplete: snapshot.incomplete || snapshot.finishReason === null,
      usage: toUsage(snapshot.usage),
    });
    this.flush();
    this.#options.onFinish?.(snapshot.text, this.getSnapshot().prompt);
  }

  #fail(run: Run | undefined, error: unknown): void {
    // Only our own stop aborts, and it detaches the run first; an abort reaching here came
    // from the stream itself and counts as a stop.
    if (run && AbortError.isInstance(error)) {
      this.stop();
      return;
    }
    if (run) this.#run = undefined;
    const err = toAitreError(error);
    const partial = run?.stream?.snapshot().text;
    this.setState({
      ...(partial !== undefined ? { completion: partial } : {}),
      // A bad prompt while a completion streams must not hide that stream's status.
      ...(run || !this.#run ? { status: 'error' as const } : {}),
      error: err,
    });
    this.flush();
    this.#options.onError?.(err);
  }
}
