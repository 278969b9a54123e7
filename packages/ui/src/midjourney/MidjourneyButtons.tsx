'use client';
import type { MidjourneyButton } from '@aitre/core';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useMessages } from '../locale/LocaleProvider.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { buttonText, isPromptFollowUp } from './buttonText.js';
import { MidjourneyButtonIcon } from './MidjourneyButtonIcon.js';
import { useMidjourneyStudio } from './MidjourneyStudioRoot.js';

type Row = 'upscale' | 'variation' | 'more';

const rowOf = (button: MidjourneyButton): Row => {
  if (button.kind === 'upscale' && button.index !== undefined) return 'upscale';
  if (button.kind === 'reroll') return 'upscale';
  if (button.kind === 'variation' && button.index !== undefined) return 'variation';
  return 'more';
};

/** The finished task's buttons (U1-U4, V1-V4, reroll, vary, zoom, pan, and any unknown ones), with localized names. */
export const MidjourneyButtons = forwardRef<
  HTMLFieldSetElement,
  ComponentPropsWithoutRef<'fieldset'>
>(function MidjourneyButtons({ className, ...rest }, ref) {
  const m = useMessages().midjourney;
  const { task, press, pressed } = useMidjourneyStudio();
  const busy = task.status === 'submitting';
  // While a press is submitting, the pressed task's buttons stay, disabled, until the next task's arrive.
  const buttons =
    task.status === 'success' || busy ? task.buttons.filter((b) => !isPromptFollowUp(b)) : [];
  if (buttons.length === 0) return null;
  const rows: Record<Row, MidjourneyButton[]> = { upscale: [], variation: [], more: [] };
  for (const button of buttons) rows[rowOf(button)].push(button);
  return (
    <fieldset
      {...rest}
      ref={ref}
      data-slot="midjourney-buttons"
      className={cx('aitre-mj-buttons', className)}
    >
      <legend className="aitre-visually-hidden">{m.actions}</legend>
      {(Object.keys(rows) as Row[]).map((row) =>
        rows[row].length === 0 ? null : (
          <div key={row} className="aitre-mj-button-row" data-row={row}>
            {rows[row].map((button) => {
              const { text, label, icon } = buttonText(button, m);
              return (
                <Button
                  key={button.customId}
                  size="sm"
                  variant="outline"
                  aria-label={label === text && !icon ? undefined : label}
                  title={label === text && !icon ? undefined : label}
                  data-kind={button.kind}
                  disabled={busy}
                  loading={busy && pressed?.button.customId === button.customId}
                  onClick={(event) => {
                    // The buttons are replaced by the next task's: keep keyboard focus in the task view.
                    event.currentTarget
                      .closest<HTMLElement>('[data-slot="midjourney-task"]')
                      ?.focus();
                    void press(button);
                  }}
                >
                  {icon ? <MidjourneyButtonIcon icon={icon} /> : text}
                </Button>
              );
            })}
          </div>
        ),
      )}
    </fieldset>
  );
});
