'use client';
import { toDataUrl } from '@aitre/core';
import {
  type ClipboardEvent,
  type ComponentPropsWithoutRef,
  type DragEvent,
  type FormEvent,
  forwardRef,
  type KeyboardEvent,
  useId,
  useRef,
  useState,
} from 'react';
import { format } from '../locale/format.js';
import { useBaseMessages } from '../locale/useBaseMessages.js';
import { cx } from '../shared/cx.js';
import { IconButton } from '../shared/IconButton.js';
import { ChatAttachments } from './ChatAttachments.js';
import { useChatActions, useChatSelector } from './ChatContext.js';
import { AttachIcon, SendIcon, StopIcon } from './ChatIcons.js';
import { ChatModelPicker } from './ChatModelPicker.js';

/** Props of {@link ChatComposer}. */
export interface ChatComposerProps
  extends Omit<ComponentPropsWithoutRef<'form'>, 'children' | 'onSubmit'> {
  /** Shows the model picker beside the send button. Default true. */
  modelPicker?: boolean;
  /** Shows the attach button and accepts pasted or dropped images. Default true. */
  attachments?: boolean;
}

const imagesOf = (files: FileList | readonly File[] | null | undefined): File[] =>
  Array.from(files ?? []).filter((file) => file.type.startsWith('image/'));

/**
 * The message box: Enter sends, Shift+Enter adds a line, an IME composition never sends;
 * images come by button, paste or drop; the send button turns into stop while answering.
 * @selector [data-status] [data-dragging]
 */
export const ChatComposer = forwardRef<HTMLFormElement, ChatComposerProps>(function ChatComposer(
  { modelPicker = true, attachments: allowAttachments = true, className, ...rest },
  ref,
) {
  const messages = useBaseMessages();
  const { store, send, stop, follow, maxAttachments } = useChatActions();
  const input = useChatSelector((state) => state.input);
  const attachments = useChatSelector((state) => state.attachments);
  const status = useChatSelector((state) => state.status);
  const busy = status === 'submitted' || status === 'streaming';
  const canSend = input.trim() !== '' || attachments.length > 0;
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  // Some browsers end a composition before the keydown of the Enter that commits it.
  const composing = useRef(false);
  const [dragging, setDragging] = useState(false);
  const [overLimit, setOverLimit] = useState(false);

  const submit = () => {
    if (busy || !canSend) return;
    follow();
    void send();
  };

  const addFiles = async (files: File[]) => {
    if (files.length === 0) return;
    const room = maxAttachments - store.getSnapshot().attachments.length;
    setOverLimit(files.length > room);
    const urls = await Promise.all(files.slice(0, Math.max(0, room)).map(toDataUrl));
    const current = store.getSnapshot().attachments;
    const added = urls.map((url) => ({ type: 'image' as const, url }));
    store.setAttachments([...current, ...added].slice(0, maxAttachments));
  };

  const removeAttachment = (index: number) => {
    setOverLimit(false);
    store.setAttachments(attachments.filter((_, i) => i !== index));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey) return;
    // 229 is the keyCode of keys an input method is still handling.
    if (event.nativeEvent.isComposing || event.keyCode === 229 || composing.current) return;
    event.preventDefault();
    submit();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    if (!allowAttachments) return;
    const files = imagesOf(event.clipboardData.files);
    if (files.length === 0) return;
    event.preventDefault();
    void addFiles(files);
  };

  // Dragged text keeps the browser's own behaviour (dropping it into the text box).
  const carriesFiles = (event: DragEvent) =>
    allowAttachments && Array.from(event.dataTransfer.types).includes('Files');

  const onDragOver = (event: DragEvent<HTMLFormElement>) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    setDragging(true);
  };

  const onDragLeave = (event: DragEvent<HTMLFormElement>) => {
    // Moving over a child (the text box) is not leaving the composer.
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  };

  const onDrop = (event: DragEvent<HTMLFormElement>) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    void addFiles(imagesOf(event.dataTransfer.files));
  };

  return (
    <form
      {...rest}
      ref={ref}
      data-slot="chat-composer"
      data-status={status}
      data-dragging={dragging || undefined}
      className={cx('aitre-chat-composer', className)}
      onSubmit={onSubmit}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      {dragging && (
        <p className="aitre-chat-drop-hint" aria-hidden="true">
          {messages.chat.dropImages}
        </p>
      )}
      <ChatAttachments attachments={attachments} onRemove={removeAttachment} />
      {overLimit && (
        <p className="aitre-chat-notice" role="status">
          {format(messages.chat.attachmentLimit, { max: maxAttachments })}
        </p>
      )}
      <label htmlFor={inputId} className="aitre-visually-hidden">
        {messages.chat.inputLabel}
      </label>
      <textarea
        id={inputId}
        className="aitre-chat-input"
        data-slot="chat-input"
        rows={1}
        value={input}
        placeholder={messages.chat.placeholder}
        onChange={(event) => store.setInput(event.target.value)}
        onKeyDown={onKeyDown}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={() => {
          composing.current = false;
        }}
        onPaste={onPaste}
      />
      <div className="aitre-chat-toolbar">
        {allowAttachments && (
          <>
            <IconButton
              aria-label={messages.chat.attachImage}
              className="aitre-chat-attach"
              onClick={() => fileInput.current?.click()}
            >
              <AttachIcon />
            </IconButton>
            <input
              ref={fileInput}
              type="file"
              accept="image/*"
              multiple
              hidden
              data-slot="chat-file-input"
              aria-label={messages.chat.attachImage}
              onChange={(event) => {
                const files = imagesOf(event.target.files);
                event.target.value = '';
                void addFiles(files);
              }}
            />
          </>
        )}
        {modelPicker && <ChatModelPicker />}
        <span className="aitre-chat-toolbar-spacer" />
        {busy ? (
          <IconButton
            key="stop"
            variant="solid"
            aria-label={messages.chat.stop}
            data-slot="chat-stop"
            className="aitre-chat-send"
            onClick={stop}
          >
            <StopIcon />
          </IconButton>
        ) : (
          <IconButton
            key="send"
            type="submit"
            variant="solid"
            aria-label={messages.chat.send}
            data-slot="chat-send"
            className="aitre-chat-send"
            disabled={!canSend}
          >
            <SendIcon />
          </IconButton>
        )}
      </div>
    </form>
  );
});
