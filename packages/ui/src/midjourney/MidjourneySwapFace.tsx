'use client';
import { type ComponentPropsWithoutRef, type FormEvent, forwardRef, useId, useState } from 'react';
import { useMessages } from '../locale/LocaleProvider.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { MidjourneyFormError } from './MidjourneyFormError.js';
import { MidjourneyImagePicker } from './MidjourneyImagePicker.js';
import { useMidjourneyStudio } from './MidjourneyStudioRoot.js';

/** Swap face: puts the face of the source image onto the target image (both required). */
export const MidjourneySwapFace = forwardRef<
  HTMLFormElement,
  Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit'>
>(function MidjourneySwapFace({ className, ...rest }, ref) {
  const messages = useMessages();
  const m = messages.midjourney;
  const { task, submitOptions } = useMidjourneyStudio();
  const [source, setSource] = useState<string[]>([]);
  const [target, setTarget] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  const errorId = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const [sourceBase64] = source;
    const [targetBase64] = target;
    if (!sourceBase64 || !targetBase64) {
      setMissing(true);
      return;
    }
    setMissing(false);
    void task.swapFace({ sourceBase64, targetBase64 }, submitOptions);
  };
  return (
    <form
      {...rest}
      ref={ref}
      noValidate
      onSubmit={onSubmit}
      data-slot="midjourney-swap-face"
      className={cx('aitre-mj-form', className)}
    >
      <MidjourneyImagePicker
        label={m.swapFaceSource}
        images={source}
        onChange={(next) => {
          setSource(next);
          setMissing(false);
        }}
        errorId={missing && source.length === 0 ? errorId : undefined}
      />
      <MidjourneyImagePicker
        label={m.swapFaceTarget}
        images={target}
        onChange={(next) => {
          setTarget(next);
          setMissing(false);
        }}
        errorId={missing && target.length === 0 ? errorId : undefined}
      />
      <MidjourneyFormError
        id={errorId}
        message={missing ? messages.validation.image_missing : undefined}
      />
      <Button type="submit" loading={task.status === 'submitting'}>
        {m.swapFace}
      </Button>
    </form>
  );
});
