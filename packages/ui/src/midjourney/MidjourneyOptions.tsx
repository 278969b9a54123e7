'use client';
import { type ComponentPropsWithoutRef, forwardRef, useId } from 'react';
import { useMessages } from '../locale/LocaleProvider.js';
import { cx } from '../shared/cx.js';
import {
  type MidjourneyBotType,
  type MidjourneySpeedMode,
  useMidjourneyStudio,
} from './MidjourneyStudioRoot.js';

/** Bot type and speed mode for every submit of the studio. */
export const MidjourneyOptions = forwardRef<
  HTMLFieldSetElement,
  ComponentPropsWithoutRef<'fieldset'>
>(function MidjourneyOptions({ className, ...rest }, ref) {
  const m = useMessages().midjourney;
  const { botType, setBotType, mode, setMode, modes } = useMidjourneyStudio();
  const botId = useId();
  const modeId = useId();
  const modeLabels: Record<MidjourneySpeedMode, string> = {
    fast: m.modeFast,
    relax: m.modeRelax,
    turbo: m.modeTurbo,
  };
  return (
    <fieldset
      {...rest}
      ref={ref}
      data-slot="midjourney-options"
      className={cx('aitre-mj-options', className)}
    >
      <legend className="aitre-visually-hidden">{m.options}</legend>
      <div className="aitre-mj-field">
        <label className="aitre-mj-label" htmlFor={botId}>
          {m.botType}
        </label>
        <select
          id={botId}
          className="aitre-select"
          value={botType}
          onChange={(e) => setBotType(e.currentTarget.value as MidjourneyBotType)}
        >
          <option value="MID_JOURNEY">{m.botMidjourney}</option>
          <option value="NIJI_JOURNEY">{m.botNiji}</option>
        </select>
      </div>
      {modes.length > 0 && (
        <div className="aitre-mj-field">
          <label className="aitre-mj-label" htmlFor={modeId}>
            {m.mode}
          </label>
          <select
            id={modeId}
            className="aitre-select"
            value={mode ?? ''}
            onChange={(e) =>
              setMode((e.currentTarget.value || undefined) as MidjourneySpeedMode | undefined)
            }
          >
            <option value="">{m.modeDefault}</option>
            {modes.map((value) => (
              <option key={value} value={value}>
                {modeLabels[value]}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
});
