'use client';
import { type ComponentPropsWithoutRef, type FormEvent, forwardRef, useId, useState } from 'react';
import { useMessages } from '../locale/LocaleProvider.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { MidjourneyFormError } from './MidjourneyFormError.js';
import { MidjourneyImagePicker } from './MidjourneyImagePicker.js';
import { useMidjourneyStudio } from './MidjourneyStudioRoot.js';
import { submitOnModEnter } from './submitOnModEnter.js';

/** Props of {@link MidjourneyImagine}. */
export interface MidjourneyImagineProps extends Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit'> {
  /** The prompt to start with. */
  defaultPrompt?: string;
}

/** The imagine form: prompt (MJ parameters included) and optional reference images. */
export const MidjourneyImagine = forwardRef<HTMLFormElement, MidjourneyImagineProps>(
  function MidjourneyImagine({ defaultPrompt = '', className, ...rest }, ref) {
    const messages = useMessages();
    const m = messages.midjourney;
    const { task, botType, submitOptions } = useMidjourneyStudio();
    const [prompt, setPrompt] = useState(defaultPrompt);
    const [images, setImages] = useState<string[]>([]);
    const [invalid, setInvalid] = useState(false);
    const promptId = useId();
    const errorId = useId();
    const onSubmit = (event: FormEvent) => {
      event.preventDefault();
      if (!prompt.trim()) {
        setInvalid(true);
        return;
      }
      setInvalid(false);
      void task.imagine(
        { prompt: prompt.trim(), botType, ...(images.length ? { base64Array: images } : {}) },
        submitOptions,
      );
    };
    return (
      <form
        {...rest}
        ref={ref}
        noValidate
        onSubmit={onSubmit}
        data-slot="midjourney-imagine"
        className={cx('aitre-mj-form', className)}
      >
        <div className="aitre-mj-field">
          <label className="aitre-mj-label" htmlFor={promptId}>
            {m.prompt}
          </label>
          <textarea
            id={promptId}
            className="aitre-textarea"
            rows={3}
            value={prompt}
            placeholder={m.promptPlaceholder}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? errorId : undefined}
            onChange={(e) => setPrompt(e.currentTarget.value)}
            onKeyDown={submitOnModEnter}
          />
        </div>
        <MidjourneyImagePicker
          label={m.referenceImages}
          images={images}
          onChange={setImages}
          multiple
          itemLabel={m.referenceImage}
        />
        <MidjourneyFormError
          id={errorId}
          message={invalid ? messages.validation.prompt_empty : undefined}
        />
        <Button type="submit" loading={task.status === 'submitting'}>
          {m.imagine}
        </Button>
      </form>
    );
  },
);
