'use client';
import type { ChatMessage } from '@aitre/react';
import { type CSSProperties, forwardRef, memo, useState } from 'react';
import { format } from '../locale/format.js';
import { localizeError } from '../locale/localizeError.js';
import { useBaseMessages } from '../locale/useBaseMessages.js';
import { isImageAllowed, useImageOrigins, usePageOrigin } from '../markdown/imageOrigins.js';
import { Markdown } from '../markdown/Markdown.js';
import { MarkdownImage } from '../markdown/MarkdownImage.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { IconButton } from '../shared/IconButton.js';
import { useChatActions } from './ChatContext.js';
import { ChatCopyButton } from './ChatCopyButton.js';
import { EditIcon, RegenerateIcon } from './ChatIcons.js';
import { ChatImageProgress } from './ChatImageProgress.js';
import { ChatMessageEditor } from './ChatMessageEditor.js';
import { ChatMessageMeta } from './ChatMessageMeta.js';
import { ChatReasoning } from './ChatReasoning.js';
import { isChatImageModel } from './chatModels.js';
import { finishNoteOf } from './finishNote.js';

/** Props of {@link ChatMessageView}. */
export interface ChatMessageViewProps {
  /** The message; a new object means it changed (messages are immutable). */
  message: ChatMessage;
  /** Class of the message element, merged last. */
  className?: string;
  /** Style of the message element, merged last. */
  style?: CSSProperties;
}

function UserContent({ message }: { message: ChatMessage }) {
  const messages = useBaseMessages();
  const { openImage } = useChatActions();
  const origins = useImageOrigins();
  const pageOrigin = usePageOrigin();
  const images = message.parts.filter((part) => part.type === 'image');
  return (
    <>
      {images.length > 0 && (
        <div className="aitre-chat-attachments" data-slot="chat-message-images">
          {images.map((image, index) => {
            const alt = format(messages.chat.attachmentAlt, { index: index + 1 });
            // A restored thread may hold images from anywhere: they wait for the user too.
            if (!isImageAllowed(image.url, origins, pageOrigin)) {
              return (
                <MarkdownImage
                  // biome-ignore lint/suspicious/noArrayIndexKey: a sent message's parts never move
                  key={index}
                  src={image.url}
                  alt={alt}
                  title={null}
                  onImageClick={openImage}
                />
              );
            }
            return (
              <button
                // biome-ignore lint/suspicious/noArrayIndexKey: a sent message's parts never move
                key={index}
                type="button"
                className="aitre-chat-thumb"
                aria-label={format(messages.common.openImageNamed, { alt })}
                onClick={() => openImage(image.url, alt)}
              >
                <img className="aitre-chat-thumb-image" src={image.url} alt={alt} />
              </button>
            );
          })}
        </div>
      )}
      {/* Users' text is shown as typed, never parsed as markdown. */}
      {message.content !== '' && <p className="aitre-chat-text">{message.content}</p>}
    </>
  );
}

/**
 * One message of the thread: user text and images, or an answer rendered as markdown with its
 * reasoning, image progress, status, usage and actions (copy, regenerate, edit, retry).
 * Memoized on the message object, so a streaming answer re-renders alone.
 * @selector [data-role] [data-status]
 */
export const ChatMessageView = memo(
  forwardRef<HTMLDivElement, ChatMessageViewProps>(function ChatMessageView(
    { message, className, style },
    ref,
  ) {
    const messages = useBaseMessages();
    const actions = useChatActions();
    const [editing, setEditing] = useState(false);
    const streaming = message.status === 'streaming';
    const assistant = message.role === 'assistant';
    const reasoningLive = streaming && message.content === '';
    const who = assistant ? messages.chat.assistant : messages.chat.you;
    const finishNote = finishNoteOf(message, messages);

    const saveEdit = (text: string) => {
      setEditing(false);
      actions.follow();
      const images = message.parts.filter((part) => part.type === 'image');
      void actions.edit(message.id, [{ type: 'text', text }, ...images]);
    };

    return (
      <article
        ref={ref}
        aria-label={who}
        data-slot="chat-message"
        data-role={message.role}
        data-status={message.status}
        data-editing={editing || undefined}
        className={cx('aitre-chat-message', className)}
        style={style}
      >
        <div className="aitre-chat-bubble" data-slot="chat-message-body">
          {assistant && message.reasoning !== '' && (
            <ChatReasoning
              reasoning={message.reasoning}
              live={reasoningLive}
              durationMs={message.timings?.reasoningMs}
            />
          )}
          {assistant && streaming && isChatImageModel(message.model) && (
            <ChatImageProgress content={message.content} />
          )}
          {assistant ? (
            (message.content !== '' || !streaming) && (
              <Markdown
                source={message.content}
                streaming={streaming}
                onImageClick={actions.openImage}
              />
            )
          ) : editing ? (
            <ChatMessageEditor
              initialText={message.content}
              onSave={saveEdit}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <UserContent message={message} />
          )}
          {finishNote !== undefined && (
            <p
              className="aitre-chat-status"
              data-slot="chat-message-status"
              data-finish-reason={message.finishReason}
            >
              {finishNote}
            </p>
          )}
          {message.status === 'error' && (
            <div className="aitre-chat-error" data-slot="chat-message-status" role="alert">
              <p className="aitre-chat-error-text">
                {message.error ? localizeError(message.error, messages) : messages.chat.statusError}
              </p>
              <Button variant="soft" size="sm" onClick={() => void actions.regenerate(message.id)}>
                {messages.chat.retry}
              </Button>
            </div>
          )}
        </div>
        {!streaming && !editing && (
          <div className="aitre-chat-footer" data-slot="chat-message-footer">
            <fieldset aria-label={messages.chat.messageActions} className="aitre-chat-actions">
              {message.content !== '' && <ChatCopyButton text={message.content} />}
              {assistant && (
                <IconButton
                  size="sm"
                  className="aitre-chat-action"
                  aria-label={messages.chat.regenerate}
                  onClick={() => {
                    actions.follow();
                    void actions.regenerate(message.id);
                  }}
                >
                  <RegenerateIcon />
                </IconButton>
              )}
              {message.role === 'user' && (
                <IconButton
                  size="sm"
                  className="aitre-chat-action"
                  aria-label={messages.chat.edit}
                  onClick={() => setEditing(true)}
                >
                  <EditIcon />
                </IconButton>
              )}
            </fieldset>
            {assistant && <ChatMessageMeta usage={message.usage} timings={message.timings} />}
          </div>
        )}
      </article>
    );
  }),
);
