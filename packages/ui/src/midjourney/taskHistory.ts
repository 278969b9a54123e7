/** One task of the studio's history, as persisted. */
export interface MidjourneyHistoryEntry {
  /** The task id (enough to resume it). */
  id: string;
  /** The task's action (IMAGINE, UPSCALE...), once fetched. */
  action?: string;
  /** The task's last known status (SUBMITTED, IN_PROGRESS, SUCCESS...). */
  status?: string;
  /** A short text to recognise the task by (its prompt or description). */
  text?: string;
  /** When the studio first saw it (ms since epoch). */
  at: number;
}

/** How many tasks the history keeps. */
export const HISTORY_LIMIT = 50;

const storage = (): Storage | undefined => {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    // Access itself throws where storage is blocked (sandboxed frames, some privacy modes).
    return undefined;
  }
};

const isEntry = (value: unknown): value is MidjourneyHistoryEntry =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { id?: unknown }).id === 'string' &&
  typeof (value as { at?: unknown }).at === 'number';

/** Reads the saved history (newest first); empty without storage or on unreadable data. */
export function readHistory(key: string): MidjourneyHistoryEntry[] {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isEntry).slice(0, HISTORY_LIMIT) : [];
  } catch {
    return [];
  }
}

/** Saves the history; a full or blocked storage only loses persistence. */
export function writeHistory(key: string, entries: MidjourneyHistoryEntry[]): void {
  try {
    storage()?.setItem(key, JSON.stringify(entries.slice(0, HISTORY_LIMIT)));
  } catch {
    // Quota exceeded or storage disabled: the in-memory history still works.
  }
}

/** Adds or updates an entry, keeping its place; new ids go first. */
export function upsertEntry(
  entries: MidjourneyHistoryEntry[],
  id: string,
  patch: Partial<Omit<MidjourneyHistoryEntry, 'id'>>,
  now: number,
): MidjourneyHistoryEntry[] {
  const index = entries.findIndex((entry) => entry.id === id);
  if (index === -1) return [{ id, at: now, ...patch }, ...entries].slice(0, HISTORY_LIMIT);
  const current = entries[index] as MidjourneyHistoryEntry;
  const next = { ...current, ...patch };
  if (
    (Object.keys(next) as Array<keyof MidjourneyHistoryEntry>).every((k) => next[k] === current[k])
  ) {
    return entries;
  }
  const copy = entries.slice();
  copy[index] = next;
  return copy;
}
