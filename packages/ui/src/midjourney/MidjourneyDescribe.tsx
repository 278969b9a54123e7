'use client';
import { type ComponentPropsWithoutRef, type FormEvent, forwardRef, useId, useState } from 'react';
import { useMessages } from '../locale/LocaleProvider.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { MidjourneyFormError } from './MidjourneyFormError.js';
import { MidjourneyImagePicker } from './MidjourneyImagePicker.js';
import { useMidjourneyStudio } from './MidjourneyStudioRoot.js';

/** Describe: one image in, four prompts out (shown by the task view, each one click from an imagine). */
export const MidjourneyDescribe = forwardRef<
  HTMLFormElement,
  Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit'>
>(function MidjourneyDescribe({ className, ...rest }, ref) {
  const messages = useMessages();
  const m = messages.midjourney;
  const { task, botType, submitOptions } = useMidjourneyStudio();
  const [images, setImages] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  const errorId = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const [image] = images;
    if (!image) {
      setMissing(true);
      return;
    }
    setMissing(false);
    void task.describe({ base64: image, botType }, submitOptions);
  };
  return (
    <form
      {...rest}
      ref={ref}
      noValidate
      onSubmit={onSubmit}
      data-slot="midjourney-describe"
      className={cx('aitre-mj-form', className)}
    >
      <MidjourneyImagePicker
        label={m.describeImage}
        images={images}
        onChange={(next) => {
          setImages(next);
          setMissing(false);
        }}
        errorId={missing ? errorId : undefined}
      />
      <MidjourneyFormError
        id={errorId}
        message={missing ? messages.validation.image_missing : undefined}
      />
      <Button type="submit" loading={task.status === 'submitting'}>
        {m.describe}
      </Button>
    </form>
  );
});
