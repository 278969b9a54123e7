'use client';
import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { useBaseMessages } from '../locale/useBaseMessages.js';
import { Button } from '../shared/Button.js';

/** Props of {@link ChatMessageEditor}. */
export interface ChatMessageEditorProps {
  /** The text the editor starts with. */
  initialText: string;
  /** Called with the new text when the user saves. */
  onSave: (text: string) => void;
  /** Called when the user cancels (the button or Escape). */
  onCancel: () => void;
}

/** Inline editor of a user message: save asks again, cancel (or Escape) leaves it as it was. */
export function ChatMessageEditor({ initialText, onSave, onCancel }: ChatMessageEditorProps) {
  const messages = useBaseMessages();
  const id = useId();
  const [text, setText] = useState(initialText);
  const empty = text.trim() === '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!empty) onSave(text);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };
  return (
    <form className="aitre-chat-editor" data-slot="chat-message-editor" onSubmit={submit}>
      <label htmlFor={id} className="aitre-visually-hidden">
        {messages.chat.editLabel}
      </label>
      <textarea
        id={id}
        className="aitre-textarea"
        value={text}
        // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this message
        autoFocus
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="aitre-chat-editor-actions">
        <Button variant="ghost" size="sm" onClick={onCancel}>
          {messages.chat.cancelEdit}
        </Button>
        <Button type="submit" size="sm" disabled={empty}>
          {messages.chat.saveEdit}
        </Button>
      </div>
    </form>
  );
}
