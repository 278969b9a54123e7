import { TimeoutError } from '../errors.js';

/**
 * A MidJourney task did not end within the polling timeout. The task may still finish: keep
 * `taskId` and fetch it again later (a store's `refresh()`).
 */
export class MidjourneyTaskTimeoutError extends TimeoutError {
  /** The task that was still pending. */
  readonly taskId: string;
  /** How long it was polled (ms). */
  readonly timeoutMs: number;

  constructor(taskId: string, timeoutMs: number) {
    super(
      `MidJourney task ${taskId} is still running after ${Math.round(timeoutMs / 1000)} s; check again later`,
    );
    this.name = 'MidjourneyTaskTimeoutError';
    this.taskId = taskId;
    this.timeoutMs = timeoutMs;
  }
}
