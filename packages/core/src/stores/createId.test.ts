import { describe, expect, it } from 'vitest';
import { createId } from './createId.js';

describe('createId', () => {
  it('starts with the given prefix', () => {
    expect(createId('chat')).toMatch(/^chat_[0-9a-z-]+$/);
    expect(createId()).toMatch(/^msg_/);
  });

  it('never repeats within a burst of calls', () => {
    const ids = new Set(Array.from({ length: 5000 }, () => createId()));
    expect(ids.size).toBe(5000);
  });
});
