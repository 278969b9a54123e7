// setTimeout's longest delay; a longer one would fire at once (Node warns and waits 1 ms).
const MAX_DELAY = 2 ** 31 - 1;

/**
 * Fires once when `ms` pass without a sign of life. `start()` only reads the clock (the timer
 * is re-armed lazily when it fires), so it is cheap enough to call on every streamed chunk.
 * An `undefined` limit never fires and never sets a timer.
 */
export class Watchdog {
  readonly #ms: number | undefined;
  readonly #onTimeout: () => void;
  #since = 0;
  #running = false;
  #stopped = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(ms: number | undefined, onTimeout: () => void) {
    this.#ms = ms;
    this.#onTimeout = onTimeout;
  }

  /** Starts the clock, or restarts it from zero: call it on every sign of life. */
  start(): void {
    if (this.#ms === undefined || this.#stopped) return;
    this.#since = performance.now();
    this.#running = true;
    if (this.#timer === undefined) this.#arm(this.#ms);
  }

  /** Holds the clock until the next `start()`, while the wait is not the watched side's fault. */
  pause(): void {
    this.#running = false;
  }

  /** Stops for good and clears the timer; later calls do nothing. */
  stop(): void {
    this.#stopped = true;
    this.#running = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(delay: number): void {
    this.#timer = setTimeout(this.#check, Math.min(delay, MAX_DELAY));
    // A watch alone must not keep a process alive: a response nobody reads would hold it for
    // the whole limit (a server stays up through its sockets anyway).
    (this.#timer as { unref?: () => void }).unref?.();
  }

  readonly #check = (): void => {
    this.#timer = undefined;
    if (!this.#running || this.#ms === undefined) return;
    const left = this.#since + this.#ms - performance.now();
    if (left > 0) {
      this.#arm(left);
      return;
    }
    this.stop();
    this.#onTimeout();
  };
}
