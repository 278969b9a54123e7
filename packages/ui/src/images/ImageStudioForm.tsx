'use client';
import { type ComponentPropsWithoutRef, forwardRef, type KeyboardEvent, useId } from 'react';
import { useMessages } from '../locale/LocaleProvider.js';
import { localizeError } from '../locale/localizeError.js';
import type { Messages } from '../locale/Messages.js';
import { ModelPicker } from '../models/ModelPicker.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { useImageStudio } from './ImageStudioContext.js';
import { formatsFor, type ImageOptionValues } from './imageOptions.js';

type OptionKey = Exclude<keyof ImageOptionValues, 'n'>;

function OptionSelect({
  name,
  label,
  choices,
  describe = (value) => value,
}: {
  name: OptionKey;
  label: string;
  choices: readonly string[] | undefined;
  describe?: (value: string) => string;
}) {
  const id = useId();
  const { values, setValue, gen } = useImageStudio();
  const value = values[name];
  if (!choices || value === undefined) return null;
  return (
    <div className="aitre-media-field" data-slot={`image-option-${name}`}>
      <label htmlFor={id} className="aitre-media-label">
        {label}
      </label>
      <select
        id={id}
        className="aitre-select"
        value={value}
        disabled={gen.status === 'generating'}
        onChange={(event) => setValue(name, event.currentTarget.value)}
      >
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {describe(choice)}
          </option>
        ))}
      </select>
    </div>
  );
}

function backgroundName(messages: Messages, value: string): string {
  if (value === 'transparent') return messages.images.backgroundTransparent;
  if (value === 'opaque') return messages.images.backgroundOpaque;
  if (value === 'auto') return messages.images.backgroundAuto;
  return value;
}

// The API's option values are words users read: shown in the user's language.
const qualityKeys: Record<string, keyof Messages['images']> = {
  standard: 'qualityStandard',
  hd: 'qualityHd',
  low: 'qualityLow',
  medium: 'qualityMedium',
  high: 'qualityHigh',
  auto: 'qualityAuto',
};

function qualityName(messages: Messages, value: string): string {
  const key = qualityKeys[value];
  return key ? messages.images[key] : value;
}

function styleName(messages: Messages, value: string): string {
  if (value === 'vivid') return messages.images.styleVivid;
  if (value === 'natural') return messages.images.styleNatural;
  return value;
}

/** Props of {@link ImageStudioForm}. */
export type ImageStudioFormProps = ComponentPropsWithoutRef<'form'>;

/**
 * The prompt, the model picker, only the options the chosen model accepts, Generate (and
 * Cancel while generating) and the localized error of the last request.
 */
export const ImageStudioForm = forwardRef<HTMLFormElement, ImageStudioFormProps>(
  function ImageStudioForm({ className, onSubmit, ...rest }, ref) {
    const messages = useMessages();
    const promptId = useId();
    const countId = useId();
    const { gen, model, setModel, extraModels, prompt, setPrompt, values, setValue, generate } =
      useImageStudio();
    // The option table of the chosen model, as useImageGen exposes it.
    const options = gen.modelOptions;
    const busy = gen.status === 'generating';
    const counts = options ? range(options.n.min, options.n.max) : [];

    function onPromptKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
      if (event.key === 'Enter' && (event.metaKey || event.ctrlKey) && !busy) {
        event.preventDefault();
        generate();
      }
    }

    return (
      <form
        {...rest}
        ref={ref}
        data-slot="image-studio-form"
        className={cx('aitre-image-studio-form', className)}
        onSubmit={(event) => {
          onSubmit?.(event);
          event.preventDefault();
          if (!busy) generate();
        }}
      >
        <div className="aitre-media-field">
          <label htmlFor={promptId} className="aitre-media-label">
            {messages.images.prompt}
          </label>
          <textarea
            id={promptId}
            className="aitre-textarea"
            rows={3}
            value={prompt}
            placeholder={messages.images.promptPlaceholder}
            maxLength={options?.promptMaxLength}
            aria-invalid={gen.error?.kind === 'validation' || undefined}
            onChange={(event) => setPrompt(event.currentTarget.value)}
            onKeyDown={onPromptKeyDown}
          />
        </div>
        <div className="aitre-image-studio-options" data-slot="image-studio-options">
          <ModelPicker
            value={model}
            onChange={setModel}
            capabilities={['image']}
            extraModels={extraModels}
            label={messages.images.model}
            disabled={busy}
          />
          <OptionSelect
            name="size"
            label={messages.images.size}
            choices={options?.sizes}
            describe={(value) => (value === 'auto' ? messages.images.sizeAuto : value)}
          />
          <OptionSelect
            name="aspect_ratio"
            label={messages.images.aspectRatio}
            choices={options?.aspectRatios}
          />
          <OptionSelect
            name="quality"
            label={messages.images.quality}
            choices={options?.qualities}
            describe={(value) => qualityName(messages, value)}
          />
          <OptionSelect
            name="style"
            label={messages.images.style}
            choices={options?.styles}
            describe={(value) => styleName(messages, value)}
          />
          <OptionSelect
            name="background"
            label={messages.images.background}
            choices={options?.backgrounds}
            describe={(value) => backgroundName(messages, value)}
          />
          <OptionSelect
            name="output_format"
            label={messages.images.format}
            choices={formatsFor(options?.outputFormats, values.background)}
          />
          {counts.length > 1 ? (
            <div className="aitre-media-field" data-slot="image-option-n">
              <label htmlFor={countId} className="aitre-media-label">
                {messages.images.count}
              </label>
              <select
                id={countId}
                className="aitre-select"
                value={values.n}
                disabled={busy}
                onChange={(event) => setValue('n', Number(event.currentTarget.value))}
              >
                {counts.map((count) => (
                  <option key={count} value={count}>
                    {count}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
        <div className="aitre-image-studio-actions">
          <Button type="submit" loading={busy}>
            {busy ? messages.images.generating : messages.images.generate}
          </Button>
          {busy ? (
            <Button variant="ghost" onClick={gen.cancel}>
              {messages.common.cancel}
            </Button>
          ) : null}
        </div>
        {gen.error ? (
          <p className="aitre-media-error" role="alert" data-slot="image-studio-error">
            {localizeError(gen.error, messages)}
          </p>
        ) : null}
      </form>
    );
  },
);

function range(min: number, max: number): number[] {
  const out: number[] = [];
  for (let n = min; n <= max; n++) out.push(n);
  return out;
}
