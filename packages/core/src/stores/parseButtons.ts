import type { MjButton, MjTask } from '../client/index.js';

/** What a MidJourney button does, read from its customId. */
export type MidjourneyButtonKind =
  | 'upscale'
  | 'variation'
  | 'reroll'
  | 'zoom'
  | 'pan'
  | 'vary'
  | 'custom';

/** The direction a pan button extends the canvas. */
export type PanDirection = 'left' | 'right' | 'up' | 'down';

/** A task button with its customId decoded (send `customId` back verbatim). */
export interface MidjourneyButton {
  /** The id to send to `/mj/submit/action`, exactly as the gateway gave it. */
  customId: string;
  /** The button text ('U1', 'Vary (Strong)'); may be empty when only an emoji is shown. */
  label: string;
  /** The Discord emoji name: a character ('🔄') or a custom name ('upscale_1'); may be empty. */
  emoji: string;
  /** What the button does. Unknown ids are `custom`. */
  kind: MidjourneyButtonKind;
  /** The grid image (1..4) for U/V buttons, or the numbered prompt for describe/shorten. */
  index?: number;
  /** For `pan` buttons. */
  direction?: PanDirection;
  /** For zoom-out buttons, the factor (2, 1.5, 1 = make square); absent for Custom Zoom. */
  zoom?: number;
  /** True when the action always waits for `/mj/submit/modal` (Custom Zoom, Vary (Region), describe/shorten to imagine). */
  needsModal: boolean;
}

// Outpaint percentages as MJ labels them: 50 -> "Zoom Out 2x", 75 -> "Zoom Out 1.5x", 100 -> square.
const OUTPAINT_ZOOM: Record<string, number> = { '50': 2, '75': 1.5, '100': 1 };

const toIndex = (segment: string | undefined): number | undefined => {
  const n = Number(segment);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

type Decoded = Omit<MidjourneyButton, 'customId' | 'label' | 'emoji'>;

function decode(customId: string): Decoded {
  const parts = customId.split('::');
  const [, family, job, segment] = parts;
  if (family === 'JOB' && job) {
    if (job === 'upsample') return { kind: 'upscale', index: toIndex(segment), needsModal: false };
    // upsample_v5_2x, upsample_v6_2x_subtle...: a second-stage upscale of one image.
    if (job.startsWith('upsample')) return { kind: 'upscale', needsModal: false };
    if (job === 'variation')
      return { kind: 'variation', index: toIndex(segment), needsModal: false };
    if (job === 'reroll') return { kind: 'reroll', needsModal: false };
    if (job === 'low_variation' || job === 'high_variation')
      return { kind: 'vary', needsModal: false };
    const pan = /^pan_(left|right|up|down)$/.exec(job);
    if (pan) return { kind: 'pan', direction: pan[1] as PanDirection, needsModal: false };
  }
  if (family === 'Outpaint' && job !== undefined) {
    return { kind: 'zoom', zoom: OUTPAINT_ZOOM[job] ?? 100 / Number(job), needsModal: false };
  }
  if (family === 'CustomZoom') return { kind: 'zoom', needsModal: true };
  // Vary (Region): always a modal carrying a mask.
  if (family === 'Inpaint') return { kind: 'vary', needsModal: true };
  if (family === 'Job' && (job === 'PicReader' || job === 'PromptAnalyzer')) {
    return { kind: 'custom', index: toIndex(parts.at(-1)), needsModal: true };
  }
  return { kind: 'custom', needsModal: false };
}

/** Decodes one raw button from a task. */
export function parseButton(button: MjButton): MidjourneyButton {
  const customId = String(button.customId ?? '');
  const decoded = decode(customId);
  const result: MidjourneyButton = {
    customId,
    label: button.label ?? '',
    emoji: button.emoji ?? '',
    kind: decoded.kind,
    needsModal: decoded.needsModal,
  };
  if (decoded.index !== undefined) result.index = decoded.index;
  if (decoded.direction !== undefined) result.direction = decoded.direction;
  if (decoded.zoom !== undefined && Number.isFinite(decoded.zoom)) result.zoom = decoded.zoom;
  return result;
}

/** The task's buttons decoded, in the gateway's order; buttons without a customId are dropped. */
export function parseButtons(task: Pick<MjTask, 'buttons'> | undefined | null): MidjourneyButton[] {
  const buttons = task?.buttons;
  if (!Array.isArray(buttons)) return [];
  return buttons.filter((b) => b && typeof b.customId === 'string' && b.customId).map(parseButton);
}
