'use client';
import { useBaseMessages } from '../locale/useBaseMessages.js';

/** The read-only checkbox of a markdown task item, named by its state. */
export function TaskCheckbox({ checked }: { checked: boolean }) {
  const messages = useBaseMessages();
  return (
    <input
      className="aitre-md-task"
      type="checkbox"
      checked={checked}
      disabled
      readOnly
      aria-label={checked ? messages.markdown.taskDone : messages.markdown.taskOpen}
    />
  );
}
