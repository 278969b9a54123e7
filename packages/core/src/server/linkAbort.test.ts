import { describe, expect, it } from 'vitest';
import { linkAbort } from './linkAbort.js';

describe('linkAbort', () => {
  it('aborts with the reason of the caller when it aborts', () => {
    const caller = new AbortController();
    const { abort } = linkAbort(caller);
    expect(abort.signal.aborted).toBe(false);
    caller.abort(new Error('gone'));
    expect(abort.signal.aborted).toBe(true);
    expect((abort.signal.reason as Error).message).toBe('gone');
  });

  it('starts aborted for a caller that already left', () => {
    const caller = new AbortController();
    caller.abort('left');
    expect(linkAbort(caller).abort.signal.reason).toBe('left');
  });

  it('stops following the caller once unlinked, or once it aborted on its own', () => {
    const caller = new AbortController();
    const unlinked = linkAbort(caller);
    unlinked.unlink();
    const selfAborted = linkAbort(caller);
    selfAborted.abort.abort('timeout');
    caller.abort('late');
    expect(unlinked.abort.signal.aborted).toBe(false);
    // Its own reason stays: the caller's later abort does not reach it.
    expect(selfAborted.abort.signal.reason).toBe('timeout');
  });
});
