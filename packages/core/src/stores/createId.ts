let counter = 0;

/**
 * A short id unique within this page and very likely across reloads: `prefix` + time +
 * a counter + randomness. Uses `crypto.randomUUID` where available, never at import time.
 */
export function createId(prefix = 'msg'): string {
  const uuid = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto?.randomUUID;
  const random =
    typeof uuid === 'function'
      ? uuid.call(globalThis.crypto).slice(0, 8)
      : Math.random().toString(36).slice(2, 10);
  counter = (counter + 1) % 1_679_616;
  return `${prefix}_${Date.now().toString(36)}${counter.toString(36).padStart(4, '0')}${random}`;
}
