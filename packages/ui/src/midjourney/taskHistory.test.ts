import { afterEach, describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, readHistory, upsertEntry, writeHistory } from './taskHistory.js';

afterEach(() => localStorage.clear());

describe('taskHistory', () => {
  it('puts new tasks first and updates known ones in place', () => {
    let entries = upsertEntry([], 'a', { text: 'first' }, 1);
    entries = upsertEntry(entries, 'b', {}, 2);
    entries = upsertEntry(entries, 'a', { status: 'SUCCESS' }, 3);
    expect(entries).toEqual([
      { id: 'b', at: 2 },
      { id: 'a', at: 1, text: 'first', status: 'SUCCESS' },
    ]);
    expect(upsertEntry(entries, 'a', { status: 'SUCCESS' }, 4)).toBe(entries);
  });

  it('keeps at most the limit, newest first', () => {
    let entries = upsertEntry([], '0', {}, 0);
    for (let i = 1; i <= HISTORY_LIMIT; i++) entries = upsertEntry(entries, String(i), {}, i);
    expect(entries).toHaveLength(HISTORY_LIMIT);
    expect(entries[0]?.id).toBe(String(HISTORY_LIMIT));
  });

  it('round-trips through localStorage and ignores unreadable data', () => {
    writeHistory('k', [{ id: '1', at: 5, status: 'IN_PROGRESS' }]);
    expect(readHistory('k')).toEqual([{ id: '1', at: 5, status: 'IN_PROGRESS' }]);
    localStorage.setItem('k', '{not json');
    expect(readHistory('k')).toEqual([]);
    localStorage.setItem('k', JSON.stringify([{ id: 2 }, { id: '3', at: 1 }]));
    expect(readHistory('k')).toEqual([{ id: '3', at: 1 }]);
  });
});
