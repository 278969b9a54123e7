import type { KeyboardEvent } from 'react';

/** Ctrl/Cmd+Enter in a textarea submits its form (plain Enter keeps adding lines). */
export function submitOnModEnter(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }
}
