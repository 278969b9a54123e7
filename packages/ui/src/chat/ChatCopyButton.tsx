'use client';
import { useEffect, useRef, useState } from 'react';
import { useBaseMessages } from '../locale/useBaseMessages.js';
import { IconButton } from '../shared/IconButton.js';
import { CheckIcon, CopyIcon } from './ChatIcons.js';

/** Props of {@link ChatCopyButton}. */
export interface ChatCopyButtonProps {
  /** The text put on the clipboard. */
  text: string;
}

/** Copies a message's text; says "Copied" (or that copying failed) for two seconds. @selector [data-state] */
export function ChatCopyButton({ text }: ChatCopyButtonProps) {
  const messages = useBaseMessages();
  const [state, setState] = useState<'idle' | 'copied' | 'error'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const show = (next: 'copied' | 'error') => {
    setState(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 2000);
  };
  const copy = () => {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) {
      show('error');
      return;
    }
    clipboard.writeText(text).then(
      () => show('copied'),
      () => show('error'),
    );
  };
  const label =
    state === 'copied'
      ? messages.chat.copied
      : state === 'error'
        ? messages.common.copyFailed
        : messages.chat.copy;
  return (
    <IconButton
      size="sm"
      aria-label={label}
      data-state={state}
      className="aitre-chat-action"
      onClick={copy}
    >
      {state === 'copied' ? <CheckIcon /> : <CopyIcon />}
    </IconButton>
  );
}
