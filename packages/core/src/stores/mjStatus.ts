import type { MjTask } from '../client/index.js';

/** Task statuses after which nothing changes any more. */
const TERMINAL = new Set(['SUCCESS', 'FAILURE', 'CANCEL']);

/** True for SUCCESS, FAILURE and CANCEL; unknown and empty statuses are pending. */
export function isTerminal(status: MjTask['status'] | string | null | undefined): boolean {
  return typeof status === 'string' && TERMINAL.has(status);
}

/** Reads a task's progress ('45%', '', 45, 'stopped') as a number from 0 to 100. */
export function parseProgress(progress: string | number | null | undefined): number {
  const n = typeof progress === 'number' ? progress : Number.parseFloat(String(progress ?? ''));
  if (!Number.isFinite(n)) return 0;
  return Math.min(100, Math.max(0, n));
}
