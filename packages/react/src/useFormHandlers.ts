'use client';
import { useMemo } from 'react';

/** Form handlers of a store with a draft: `onSubmit` sends it, `onChange` edits it. */
export interface FormHandlers {
  /** Form `onSubmit` handler: prevents the page load and submits the draft. */
  handleSubmit: (event?: { preventDefault?: () => void }) => void;
  /** Input `onChange` handler bound to the draft. */
  handleInputChange: (event: { target: { value: string } }) => void;
}

/** Stable `handleSubmit` / `handleInputChange` for a store with `setInput` and a submit. */
export function useFormHandlers(
  store: { setInput(input: string): void },
  submit: () => Promise<unknown>,
): FormHandlers {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `submit` only calls into `store`.
  return useMemo(
    () => ({
      handleSubmit: (event) => {
        event?.preventDefault?.();
        void submit();
      },
      handleInputChange: (event) => store.setInput(event.target.value),
    }),
    [store],
  );
}
