'use client';
import { type MjBlendInput, validateMjBlend } from '@aitre/core';
import { type ComponentPropsWithoutRef, type FormEvent, forwardRef, useId, useState } from 'react';
import { useMessages } from '../locale/LocaleProvider.js';
import { localizeError } from '../locale/localizeError.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { MidjourneyFormError } from './MidjourneyFormError.js';
import { MidjourneyImagePicker } from './MidjourneyImagePicker.js';
import { useMidjourneyStudio } from './MidjourneyStudioRoot.js';

type Dimensions = NonNullable<MjBlendInput['dimensions']>;

/** Blend: 2 to 5 images into one, as a portrait, square or landscape grid. */
export const MidjourneyBlend = forwardRef<
  HTMLFormElement,
  Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit'>
>(function MidjourneyBlend({ className, ...rest }, ref) {
  const messages = useMessages();
  const m = messages.midjourney;
  const { task, botType, submitOptions } = useMidjourneyStudio();
  const [images, setImages] = useState<string[]>([]);
  const [dimensions, setDimensions] = useState<Dimensions>('SQUARE');
  const [error, setError] = useState<string>();
  const dimensionsId = useId();
  const errorId = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    try {
      // The client's own rule, checked here so a wrong count never leaves the current task.
      validateMjBlend(images);
    } catch (e) {
      setError(localizeError(e, messages));
      return;
    }
    setError(undefined);
    void task.blend({ base64Array: images, dimensions, botType }, submitOptions);
  };
  return (
    <form
      {...rest}
      ref={ref}
      noValidate
      onSubmit={onSubmit}
      data-slot="midjourney-blend"
      className={cx('aitre-mj-form', className)}
    >
      <MidjourneyImagePicker
        label={m.blendImages}
        images={images}
        onChange={(next) => {
          setImages(next);
          setError(undefined);
        }}
        multiple
        errorId={error ? errorId : undefined}
      />
      <div className="aitre-mj-field">
        <label className="aitre-mj-label" htmlFor={dimensionsId}>
          {m.dimensions}
        </label>
        <select
          id={dimensionsId}
          className="aitre-select"
          value={dimensions}
          onChange={(e) => setDimensions(e.currentTarget.value as Dimensions)}
        >
          <option value="PORTRAIT">{m.dimensionsPortrait}</option>
          <option value="SQUARE">{m.dimensionsSquare}</option>
          <option value="LANDSCAPE">{m.dimensionsLandscape}</option>
        </select>
      </div>
      <MidjourneyFormError id={errorId} message={error} />
      <Button type="submit" loading={task.status === 'submitting'}>
        {m.blend}
      </Button>
    </form>
  );
});
