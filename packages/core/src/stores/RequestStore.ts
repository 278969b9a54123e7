import type { AitreError } from '../errors.js';
import { type Notify, Store } from './Store.js';
import { toAitreError } from './toAitreError.js';

/** The fields every one-request-at-a-time store shares. */
export interface RequestState {
  /** `idle`, a busy status while a request is in flight, then `success` or `error`. */
  status: string;
  /** Why the last request failed. */
  error: AitreError | undefined;
}

/**
 * A store that runs one cancellable request at a time: a new request aborts the previous
 * one, an aborted request changes nothing, a failure lands in `error`. `hasResult` tells
 * `cancel` whether to go back to `success` (a result is still shown) or to `idle`.
 */
export class RequestStore<T extends RequestState> extends Store<T> {
  #controller: AbortController | undefined;
  #hasResult: (state: T) => unknown;

  constructor(initial: T, schedule: Notify | undefined, hasResult: (state: T) => unknown) {
    super(initial, schedule);
    this.#hasResult = hasResult;
  }

  /** Aborts the request in flight; what was shown before stays. */
  cancel(): void {
    if (this.#abort()) {
      this.setState((s) => ({ status: this.#hasResult(s) ? 'success' : 'idle' }) as Partial<T>);
    }
  }

  /** Aborts the request in flight; true when there was one. */
  #abort(): boolean {
    const controller = this.#controller;
    controller?.abort();
    this.#controller = undefined;
    return !!controller;
  }

  /** Aborts without a notification (for `dispose`, which resets the state itself). */
  protected abortRequest(): void {
    this.#abort();
  }

  /**
   * Runs `send` as the only request: sets `busy`, then applies `done(result)` with status
   * `success`, or the error. Resolves to the result, undefined when it failed or was aborted.
   */
  protected async request<R>(
    busy: T['status'],
    send: (signal: AbortSignal) => Promise<R>,
    done: (result: R) => Partial<T>,
  ): Promise<R | undefined> {
    this.#abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.setState({ status: busy, error: undefined } as Partial<T>);
    let patch: Partial<T>;
    let result: R | undefined;
    try {
      result = await send(controller.signal);
      if (controller.signal.aborted) return undefined;
      patch = { ...done(result), status: 'success' };
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      result = undefined;
      patch = { status: 'error', error: toAitreError(error) } as Partial<T>;
    }
    this.#controller = undefined;
    this.setState(patch);
    return result;
  }
}
