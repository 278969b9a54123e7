import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFormHandlers } from './useFormHandlers.js';

class Draft {
  input = '';
  sent: string[] = [];
  setInput(input: string) {
    this.input = input;
  }
  async send() {
    this.sent.push(this.input);
  }
}

afterEach(cleanup);

describe('useFormHandlers', () => {
  it('handleInputChange writes the input value into the store draft', () => {
    const draft = new Draft();
    const { result } = renderHook(() => useFormHandlers(draft, () => draft.send()));
    result.current.handleInputChange({ target: { value: 'hello' } });
    expect(draft.input).toBe('hello');
  });

  it('handleSubmit prevents the page load and submits the draft', () => {
    const draft = new Draft();
    const { result } = renderHook(() => useFormHandlers(draft, () => draft.send()));
    draft.setInput('hi');
    const preventDefault = vi.fn();
    result.current.handleSubmit({ preventDefault });
    expect(preventDefault).toHaveBeenCalledOnce();
    expect(draft.sent).toEqual(['hi']);
  });

  it('handleSubmit works without an event and with an event lacking preventDefault', () => {
    const draft = new Draft();
    const { result } = renderHook(() => useFormHandlers(draft, () => draft.send()));
    result.current.handleSubmit();
    result.current.handleSubmit({});
    expect(draft.sent).toEqual(['', '']);
  });

  it('keeps the same handlers across renders with the same store', () => {
    const draft = new Draft();
    const { result, rerender } = renderHook(() => useFormHandlers(draft, () => draft.send()));
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
    expect(result.current.handleSubmit).toBe(first.handleSubmit);
    expect(result.current.handleInputChange).toBe(first.handleInputChange);
  });

  it('forwards to the new store once the store changes', () => {
    const a = new Draft();
    const b = new Draft();
    const { result, rerender } = renderHook(
      ({ store }) => useFormHandlers(store, () => store.send()),
      { initialProps: { store: a } },
    );
    const first = result.current;
    rerender({ store: b });
    expect(result.current).not.toBe(first);
    result.current.handleInputChange({ target: { value: 'to b' } });
    result.current.handleSubmit();
    expect(b.sent).toEqual(['to b']);
    expect(a.input).toBe('');
    expect(a.sent).toEqual([]);
  });
});
