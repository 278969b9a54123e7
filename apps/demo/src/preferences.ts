const STORAGE_PREFIX = 'aitre-demo:';

/**
 * A page preference: the URL query wins (handy for links and screenshots), then what the user
 * chose last time, then `fallback`. Values outside `allowed` are ignored.
 */
export function readPreference<T extends string>(
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const candidates = [
    new URLSearchParams(window.location.search).get(name),
    safeStorage()?.getItem(STORAGE_PREFIX + name),
  ];
  for (const value of candidates) {
    const match = allowed.find((option) => option === value);
    if (match !== undefined) return match;
  }
  return fallback;
}

/** Remembers a preference for the next visit. */
export function savePreference(name: string, value: string): void {
  safeStorage()?.setItem(STORAGE_PREFIX + name, value);
}

/** localStorage, or undefined where it is blocked (private modes, sandboxed frames). */
function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
