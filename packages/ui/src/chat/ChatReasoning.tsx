'use client';
import { useId, useState } from 'react';
import { format } from '../locale/format.js';
import { useBaseMessages } from '../locale/useBaseMessages.js';
import { Markdown } from '../markdown/Markdown.js';

/** Props of {@link ChatReasoning}. */
export interface ChatReasoningProps {
  /** The model's reasoning text. */
  reasoning: string;
  /** True while the reasoning is still arriving (the panel is open then). */
  live: boolean;
  /** How long the model thought, once known. */
  durationMs?: number | undefined;
}

/**
 * The collapsible "thinking" panel of an answer: open while the model reasons, then closed
 * with "Thought for N s" until the user opens it. @selector [data-state="open"]
 */
export function ChatReasoning({ reasoning, live, durationMs }: ChatReasoningProps) {
  const messages = useBaseMessages();
  const id = useId();
  // Undefined until the user toggles: the panel follows the stream until then.
  const [chosen, setChosen] = useState<boolean | undefined>(undefined);
  const open = chosen ?? live;
  const label = live
    ? messages.chat.thinking
    : durationMs !== undefined
      ? format(messages.chat.thoughtFor, { seconds: Math.max(1, Math.round(durationMs / 1000)) })
      : messages.chat.reasoning;
  return (
    <div
      className="aitre-chat-reasoning"
      data-slot="chat-reasoning"
      data-state={open ? 'open' : 'closed'}
      data-live={live || undefined}
    >
      <button
        type="button"
        className="aitre-chat-reasoning-toggle"
        aria-expanded={open}
        aria-controls={id}
        title={open ? messages.chat.hideReasoning : messages.chat.showReasoning}
        onClick={() => setChosen(!open)}
      >
        {label}
      </button>
      <div id={id} className="aitre-chat-reasoning-body" hidden={!open}>
        {open && <Markdown source={reasoning} streaming={live} />}
      </div>
    </div>
  );
}
