'use client';
import type { MessageImagePart } from '@aitre/react';
import { format } from '../locale/format.js';
import { useBaseMessages } from '../locale/useBaseMessages.js';
import { IconButton } from '../shared/IconButton.js';
import { CloseIcon } from './ChatIcons.js';

/** Props of {@link ChatAttachments}. */
export interface ChatAttachmentsProps {
  /** The draft's images. */
  attachments: readonly MessageImagePart[];
  /** Removes the image at `index`. */
  onRemove: (index: number) => void;
}

/** Previews of the images attached to the draft, each with a remove button. */
export function ChatAttachments({ attachments, onRemove }: ChatAttachmentsProps) {
  const messages = useBaseMessages();
  if (attachments.length === 0) return null;
  return (
    <ul
      className="aitre-chat-attachments"
      data-slot="chat-attachments"
      aria-label={messages.chat.attachments}
    >
      {attachments.map((attachment, index) => {
        const alt = format(messages.chat.attachmentAlt, { index: index + 1 });
        return (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: the same image may be attached twice
            key={index}
            className="aitre-chat-attachment"
          >
            <img className="aitre-chat-thumb-image" src={attachment.url} alt={alt} />
            <IconButton
              size="sm"
              variant="soft"
              className="aitre-chat-attachment-remove"
              aria-label={format(messages.chat.removeAttachment, { index: index + 1 })}
              onClick={() => onRemove(index)}
            >
              <CloseIcon />
            </IconButton>
          </li>
        );
      })}
    </ul>
  );
}
