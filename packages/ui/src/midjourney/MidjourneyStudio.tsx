'use client';
import { forwardRef } from 'react';
import { MidjourneyBlend } from './MidjourneyBlend.js';
import { MidjourneyButtons } from './MidjourneyButtons.js';
import { MidjourneyDescribe } from './MidjourneyDescribe.js';
import { MidjourneyHistory } from './MidjourneyHistory.js';
import { MidjourneyImagine } from './MidjourneyImagine.js';
import { MidjourneyModalDialog } from './MidjourneyModalDialog.js';
import { MidjourneyOptions } from './MidjourneyOptions.js';
import { MidjourneyShorten } from './MidjourneyShorten.js';
import { MidjourneyStatus } from './MidjourneyStatus.js';
import { MidjourneyStudioRoot, type MidjourneyStudioRootProps } from './MidjourneyStudioRoot.js';
import { MidjourneySwapFace } from './MidjourneySwapFace.js';
import { MidjourneyTaskView } from './MidjourneyTaskView.js';
import { type MidjourneyTool, MidjourneyTools } from './MidjourneyTools.js';

/** Props of {@link MidjourneyStudio}. */
export interface MidjourneyStudioProps extends Omit<MidjourneyStudioRootProps, 'children'> {
  /** The tool tab shown first (default imagine). */
  defaultTool?: MidjourneyTool;
  /** Tools to offer, in order (default all). */
  tools?: readonly MidjourneyTool[];
}

const Studio = forwardRef<HTMLDivElement, MidjourneyStudioProps>(function MidjourneyStudio(
  { defaultTool, tools, ...rest },
  ref,
) {
  return (
    <MidjourneyStudioRoot {...rest} ref={ref}>
      <div className="aitre-mj-controls" data-slot="midjourney-controls">
        <MidjourneyOptions />
        <MidjourneyTools defaultTool={defaultTool} tools={tools} />
        <MidjourneyHistory />
      </div>
      <MidjourneyTaskView />
      <MidjourneyModalDialog />
    </MidjourneyStudioRoot>
  );
});

/**
 * A complete MidJourney studio (imagine, blend, describe, shorten, swap face; live progress;
 * task buttons; modals with a region mask; resumable history). Its parts are properties for
 * custom layouts inside `MidjourneyStudio.Root`.
 */
export const MidjourneyStudio = Object.assign(Studio, {
  Root: MidjourneyStudioRoot,
  Options: MidjourneyOptions,
  Tools: MidjourneyTools,
  Imagine: MidjourneyImagine,
  Blend: MidjourneyBlend,
  Describe: MidjourneyDescribe,
  Shorten: MidjourneyShorten,
  SwapFace: MidjourneySwapFace,
  TaskView: MidjourneyTaskView,
  Status: MidjourneyStatus,
  Buttons: MidjourneyButtons,
  ModalDialog: MidjourneyModalDialog,
  History: MidjourneyHistory,
});
