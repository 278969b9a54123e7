import { describe, expect, it } from 'vitest';
import { AitreError, ApiError } from '../errors.js';
import { RequestStore } from './RequestStore.js';

interface State {
  status: 'idle' | 'busy' | 'success' | 'error';
  error: AitreError | undefined;
  value: string | undefined;
}

class Echo extends RequestStore<State> {
  constructor() {
    super({ status: 'idle', error: undefined, value: undefined }, undefined, (s) => s.value);
  }

  run(send: (signal: AbortSignal) => Promise<string>): Promise<string | undefined> {
    return this.request('busy', send, (value) => ({ value }));
  }
}

// A request that settles when told to, and remembers the signal it was given.
function deferred() {
  let resolve!: (value: string) => void;
  let signal!: AbortSignal;
  const send = (s: AbortSignal) => {
    signal = s;
    return new Promise<string>((r) => {
      resolve = r;
    });
  };
  return { send, resolve: (v: string) => resolve(v), signal: () => signal };
}

describe('RequestStore', () => {
  it('applies a result with status success and resolves to it', async () => {
    const store = new Echo();
    const pending = store.run(async () => 'one');
    expect(store.getSnapshot().status).toBe('busy');
    await expect(pending).resolves.toBe('one');
    expect(store.getSnapshot()).toMatchObject({ status: 'success', value: 'one' });
  });

  it('lands a failure in error as an AitreError and resolves to undefined', async () => {
    const store = new Echo();
    const failure = new ApiError('nope', { kind: 'upstream', retryable: false, status: 500 });
    await expect(store.run(() => Promise.reject(failure))).resolves.toBeUndefined();
    expect(store.getSnapshot()).toMatchObject({ status: 'error', error: failure });
    await store.run(() => Promise.reject(new Error('socket closed')));
    expect(AitreError.isInstance(store.getSnapshot().error)).toBe(true);
    expect(store.getSnapshot().error?.kind).toBe('network');
  });

  it('aborts the previous request when a new one starts; the aborted one changes nothing', async () => {
    const store = new Echo();
    const first = deferred();
    const second = deferred();
    const a = store.run(first.send);
    const b = store.run(second.send);
    expect(first.signal().aborted).toBe(true);
    second.resolve('second');
    first.resolve('first');
    await expect(a).resolves.toBeUndefined();
    await expect(b).resolves.toBe('second');
    expect(store.getSnapshot().value).toBe('second');
  });

  it('cancel goes back to success while a result is shown, to idle otherwise', async () => {
    const store = new Echo();
    const first = deferred();
    void store.run(first.send);
    store.cancel();
    expect(first.signal().aborted).toBe(true);
    expect(store.getSnapshot().status).toBe('idle');
    await store.run(async () => 'shown');
    const next = deferred();
    void store.run(next.send);
    store.cancel();
    expect(store.getSnapshot()).toMatchObject({ status: 'success', value: 'shown' });
  });
});
