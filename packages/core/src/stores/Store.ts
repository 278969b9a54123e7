/** A listener called after the store's snapshot changed. */
export type Listener = () => void;

/** What every store exposes, so any framework can bind it (React: useSyncExternalStore). */
export interface ExternalStore<T> {
  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: Listener): () => void;
  /** The current immutable snapshot: a new object only when something changed. */
  getSnapshot(): T;
}

/**
 * How a store delivers change notifications: at once, or batched (e.g. once per frame).
 * It may return a function that cancels the scheduled flush, so a disposed store leaves no
 * pending timer or frame callback behind.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a schedule returning nothing, like `(flush) => flush()`, stays valid.
export type Notify = (flush: () => void) => void | (() => void);

/**
 * The smallest useful store: an immutable snapshot, a set of listeners, and a pluggable
 * notification schedule. Feature stores extend it and call `setState` with a patch.
 */
export class Store<T extends object> implements ExternalStore<T> {
  #state: T;
  #listeners = new Set<Listener>();
  #schedule: Notify | undefined;
  #pending = false;
  #cancel: (() => void) | undefined;

  constructor(initial: T, schedule?: Notify) {
    this.#state = initial;
    this.#schedule = schedule;
  }

  /** Registers a listener; returns the function that removes it. */
  subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** The current immutable snapshot. */
  getSnapshot = (): T => this.#state;

  /** How many listeners are attached (used to stop work when nobody watches). */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  /** Whether a batched notification is waiting for its schedule. */
  get hasPendingFlush(): boolean {
    return this.#pending;
  }

  /** Replaces the snapshot with a shallow merge of `patch`; notifies unless nothing changed. */
  protected setState(patch: Partial<T> | ((state: T) => Partial<T>)): void {
    const next = typeof patch === 'function' ? patch(this.#state) : patch;
    let changed = false;
    for (const key in next) {
      if (!Object.is(next[key], this.#state[key])) {
        changed = true;
        break;
      }
    }
    if (!changed) return;
    this.#state = { ...this.#state, ...next };
    this.invalidate();
  }

  /**
   * Asks for a notification without changing the snapshot yet: stores that accumulate fast
   * input (stream deltas) override `flush` to build their snapshot once per notification.
   */
  protected invalidate(): void {
    if (this.#pending) return;
    this.#pending = true;
    if (!this.#schedule) {
      this.flush();
      return;
    }
    const cancel = this.#schedule(() => {
      this.#cancel = undefined;
      this.flush();
    });
    this.#cancel = typeof cancel === 'function' ? cancel : undefined;
  }

  /** Delivers any batched notification now (e.g. when a stream ends). */
  protected flush(): void {
    if (!this.#pending) return;
    this.#pending = false;
    this.#cancel?.();
    this.#cancel = undefined;
    this.#emit();
  }

  /** Drops a batched notification that has not run yet, cancelling its timer or frame. */
  protected cancelFlush(): void {
    this.#pending = false;
    this.#cancel?.();
    this.#cancel = undefined;
  }

  #emit(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
