'use client';
import { type ComponentPropsWithoutRef, type FormEvent, forwardRef, useId, useState } from 'react';
import { useMessages } from '../locale/LocaleProvider.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { MidjourneyFormError } from './MidjourneyFormError.js';
import { useMidjourneyStudio } from './MidjourneyStudioRoot.js';
import { submitOnModEnter } from './submitOnModEnter.js';

/** Shorten: analyses a prompt; the shorter suggestions appear in the task view, each one click from an imagine. */
export const MidjourneyShorten = forwardRef<
  HTMLFormElement,
  Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit'>
>(function MidjourneyShorten({ className, ...rest }, ref) {
  const messages = useMessages();
  const m = messages.midjourney;
  const { task, botType, submitOptions } = useMidjourneyStudio();
  const [prompt, setPrompt] = useState('');
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
    void task.shorten({ prompt: prompt.trim(), botType }, submitOptions);
  };
  return (
    <form
      {...rest}
      ref={ref}
      noValidate
      onSubmit={onSubmit}
      data-slot="midjourney-shorten"
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
      <MidjourneyFormError
        id={errorId}
        message={invalid ? messages.validation.prompt_empty : undefined}
      />
      <Button type="submit" loading={task.status === 'submitting'}>
        {m.shorten}
      </Button>
    </form>
  );
});
