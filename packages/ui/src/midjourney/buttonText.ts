import type { MidjourneyButton } from '@aitre/core';
import { format } from '../locale/format.js';
import type { Messages } from '../locale/Messages.js';

/** How a task button is shown: its visible text and its accessible name. */
export interface ButtonText {
  /** What the button shows ('U2', 'Zoom out 2x'); the label's text when `icon` is drawn instead. */
  text: string;
  /**
   * An icon drawn in place of the text: MidJourney shows emoji (🔄, ⬅️) for these, and many
   * systems (headless Chromium, older Windows) have no emoji font to draw them with.
   */
  icon?: 'reroll' | 'left' | 'right' | 'up' | 'down';
  /** The accessible name, localized, containing the visible text ('U2: upscale image 2'). */
  label: string;
}

const PAN_LABELS = {
  left: 'panLeft',
  right: 'panRight',
  up: 'panUp',
  down: 'panDown',
} as const;

const same = (text: string): ButtonText => ({ text, label: text });

/** The localized text and accessible name of a parsed MidJourney button; unknown ones keep the gateway's label or emoji. */
export function buttonText(button: MidjourneyButton, m: Messages['midjourney']): ButtonText {
  const own = button.label || button.emoji || button.customId;
  const id = button.customId.toLowerCase();
  switch (button.kind) {
    case 'upscale':
      if (button.index !== undefined) {
        const text = button.label || `U${button.index}`;
        return { text, label: format(m.upscale, { text, index: button.index }) };
      }
      if (id.includes('subtle')) return same(m.upscaleSubtle);
      if (id.includes('creative')) return same(m.upscaleCreative);
      return same(own);
    case 'variation': {
      if (button.index === undefined) return same(own);
      const text = button.label || `V${button.index}`;
      return { text, label: format(m.variation, { text, index: button.index }) };
    }
    case 'reroll':
      return { text: m.reroll, label: m.reroll, icon: 'reroll' };
    case 'vary':
      if (button.needsModal) return same(m.varyRegion);
      if (id.includes('high_variation')) return same(m.varyStrong);
      if (id.includes('low_variation')) return same(m.varySubtle);
      return same(own);
    case 'zoom':
      if (button.needsModal) return same(m.customZoom);
      if (button.zoom !== undefined) return same(format(m.zoomOut, { factor: button.zoom }));
      return same(own);
    case 'pan':
      if (!button.direction) return same(own);
      return {
        text: m[PAN_LABELS[button.direction]],
        label: m[PAN_LABELS[button.direction]],
        icon: button.direction,
      };
    default:
      // Discord's ❤️ bookmark: the emoji stays, a screen reader hears what it does.
      if (id.startsWith('mj::bookmark::')) return { text: own, label: m.bookmark };
      return same(own);
  }
}

// Describe and shorten follow-ups are refused by new-api gateways (unknown_action): the studio
// offers their prompts as new imagines instead of these buttons.
const PROMPT_FOLLOW_UP = /^MJ::(Job::PicReader|Picread|Job::PromptAnalyzer)::/;

/** True for the describe/shorten follow-up buttons the studio replaces by new imagines. */
export function isPromptFollowUp(button: MidjourneyButton): boolean {
  return PROMPT_FOLLOW_UP.test(button.customId);
}
