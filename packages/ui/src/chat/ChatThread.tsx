'use client';
import type { ChatMessage } from '@aitre/react';
import { type ComponentPropsWithoutRef, forwardRef, memo, useEffect, useLayoutEffect } from 'react';
import { localizeError } from '../locale/localizeError.js';
import { useBaseMessages } from '../locale/useBaseMessages.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { Spinner } from '../shared/Spinner.js';
import { useChatActions, useChatSelector } from './ChatContext.js';
import { ChatEmptyState } from './ChatEmptyState.js';
import { ArrowDownIcon } from './ChatIcons.js';
import { ChatMessageView } from './ChatMessageView.js';
import { useAutoScroll } from './useAutoScroll.js';

// Layout effects warn during server rendering on React 18; scrolling must happen before paint.
const useClientLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

// Messages per group. Each group skips layout and paint while off-screen (content-visibility),
// so a long thread costs the browser one box per group rather than per message, and React one
// comparison per group on each frame of a stream.
const GROUP_SIZE = 16;

function sameMessages(a: readonly ChatMessage[], b: readonly ChatMessage[]): boolean {
  return a.length === b.length && a.every((message, i) => message === b[i]);
}

const ChatMessageGroup = memo(
  function ChatMessageGroup({ messages }: { messages: readonly ChatMessage[] }) {
    return (
      <div className="aitre-chat-group" data-slot="chat-message-group">
        {messages.map((message) =>
          // The system prompt is configuration, not part of the conversation shown.
          message.role === 'system' ? null : <ChatMessageView key={message.id} message={message} />,
        )}
      </div>
    );
  },
  (before, after) => sameMessages(before.messages, after.messages),
);

function groupsOf(list: readonly ChatMessage[]): ChatMessage[][] {
  const groups: ChatMessage[][] = [];
  for (let i = 0; i < list.length; i += GROUP_SIZE) groups.push(list.slice(i, i + GROUP_SIZE));
  return groups;
}

/** Props of {@link ChatThread}. */
export interface ChatThreadProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Pixels from the bottom within which the thread keeps following the stream. Default 80. */
  followThreshold?: number;
}

/**
 * The scrolling message list (`role="log"`): follows the stream until the user scrolls up,
 * then offers "Jump to latest"; shows the empty state, a pending answer and send failures.
 * @selector [data-following]
 */
export const ChatThread = forwardRef<HTMLDivElement, ChatThreadProps>(function ChatThread(
  { followThreshold = 80, className, ...rest },
  ref,
) {
  const messages = useBaseMessages();
  const actions = useChatActions();
  const list = useChatSelector((state) => state.messages);
  const status = useChatSelector((state) => state.status);
  const error = useChatSelector((state) => state.error);
  const scroll = useAutoScroll(followThreshold);

  const { setFollow, retry } = actions;
  const { jump, stick } = scroll;
  useEffect(() => {
    setFollow(jump);
    return () => setFollow(undefined);
  }, [setFollow, jump]);
  // After every change of the list, before paint.
  useClientLayoutEffect(() => {
    stick();
  }, [list, status, stick]);

  const last = list.at(-1);
  // A failure the thread has no message for (the send was taken back into the draft).
  const sendError = status === 'error' && error && last?.status !== 'error' ? error : undefined;

  return (
    <div
      {...rest}
      ref={ref}
      data-slot="chat-thread"
      data-following={scroll.following || undefined}
      className={cx('aitre-chat-thread', className)}
    >
      <div
        ref={scroll.ref}
        role="log"
        // The log role is polite by default; the chat's own live region announces instead,
        // so a screen reader does not read every streamed token.
        aria-live="off"
        aria-label={messages.chat.threadLabel}
        aria-busy={status === 'submitted' || status === 'streaming'}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        tabIndex={0}
        className="aitre-chat-scroll"
        onScroll={scroll.onScroll}
      >
        <div className="aitre-chat-list">
          {list.length === 0 && status === 'idle' ? (
            <ChatEmptyState />
          ) : (
            groupsOf(list).map((group, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: group n always holds messages 16n..16n+15
              <ChatMessageGroup key={index} messages={group} />
            ))
          )}
          {status === 'submitted' && (
            <div className="aitre-chat-pending" data-slot="chat-pending">
              <Spinner size="sm" label={messages.chat.generating} />
            </div>
          )}
          {sendError && (
            <div className="aitre-chat-error" data-slot="chat-send-error" role="alert">
              <p className="aitre-chat-error-text">{localizeError(sendError, messages)}</p>
              {sendError.kind !== 'validation' && (
                <Button variant="soft" size="sm" onClick={() => void retry()}>
                  {messages.chat.retry}
                </Button>
              )}
            </div>
          )}
        </div>
      </div>
      {!scroll.following && (
        <Button
          variant="soft"
          size="sm"
          className="aitre-chat-jump"
          data-slot="chat-jump"
          onClick={jump}
        >
          <ArrowDownIcon />
          {messages.chat.jumpToLatest}
        </Button>
      )}
    </div>
  );
});
