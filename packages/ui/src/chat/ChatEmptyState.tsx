'use client';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useBaseMessages } from '../locale/useBaseMessages.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { useChatActions } from './ChatContext.js';

/** Props of {@link ChatEmptyState}. */
export type ChatEmptyStateProps = Omit<ComponentPropsWithoutRef<'div'>, 'children'>;

/** What an empty thread shows: a title and four suggestions that send themselves. */
export const ChatEmptyState = forwardRef<HTMLDivElement, ChatEmptyStateProps>(
  function ChatEmptyState({ className, ...rest }, ref) {
    const messages = useBaseMessages();
    const { send, follow } = useChatActions();
    return (
      <div {...rest} ref={ref} data-slot="chat-empty" className={cx('aitre-chat-empty', className)}>
        <p className="aitre-chat-empty-title">{messages.chat.emptyTitle}</p>
        <p className="aitre-chat-empty-description">{messages.chat.emptyDescription}</p>
        <div className="aitre-chat-suggestions">
          {messages.chat.suggestions.map((suggestion) => (
            <Button
              key={suggestion}
              variant="outline"
              className="aitre-chat-suggestion"
              onClick={() => {
                follow();
                void send(suggestion);
              }}
            >
              {suggestion}
            </Button>
          ))}
        </div>
      </div>
    );
  },
);
