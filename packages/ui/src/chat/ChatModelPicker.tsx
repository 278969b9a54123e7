'use client';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useBaseMessages } from '../locale/useBaseMessages.js';
import { cx } from '../shared/cx.js';
import { useChatModel } from './ChatContext.js';

/** Props of {@link ChatModelPicker}. */
export type ChatModelPickerProps = Omit<
  ComponentPropsWithoutRef<'select'>,
  'value' | 'defaultValue' | 'onChange' | 'children'
>;

/** A native select of the chat's models, grouped into chat, reasoning and image models. */
export const ChatModelPicker = forwardRef<HTMLSelectElement, ChatModelPickerProps>(
  function ChatModelPicker({ className, ...rest }, ref) {
    const messages = useBaseMessages();
    const { model, setModel, sections, loading } = useChatModel();
    const known = sections.some((section) => section.options.some((o) => o.id === model));
    const empty = sections.length === 0;
    return (
      <select
        aria-label={messages.chat.modelPicker}
        {...rest}
        ref={ref}
        data-slot="chat-model-picker"
        className={cx('aitre-select', 'aitre-chat-model-picker', className)}
        value={model ?? ''}
        disabled={rest.disabled ?? (empty && model === undefined)}
        onChange={(event) => setModel(event.target.value)}
      >
        {model === undefined && (
          <option value="" disabled>
            {loading ? messages.models.loading : messages.chat.noModels}
          </option>
        )}
        {/* A model given by the app but missing from the list stays selectable. */}
        {model !== undefined && !known && <option value={model}>{model}</option>}
        {sections.map((section) => (
          <optgroup key={section.group} label={messages.models.groups[section.group]}>
            {section.options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label ?? option.id}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    );
  },
);
