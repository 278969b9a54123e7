'use client';
import { StrokeIcon } from '../shared/StrokeIcon.js';
import type { ButtonText } from './buttonText.js';

// A circular arrow for reroll, and one arrow per pan direction.
const PATHS: Record<NonNullable<ButtonText['icon']>, string> = {
  reroll: 'M13 8a5 5 0 1 1-1.5-3.56M13 2.5v3h-3',
  left: 'M13 8H3M7.5 3.5L3 8l4.5 4.5',
  right: 'M3 8h10M8.5 3.5L13 8l-4.5 4.5',
  up: 'M8 13V3M3.5 7.5L8 3l4.5 4.5',
  down: 'M8 3v10M3.5 8.5L8 13l4.5-4.5',
};

/** The decorative icon of a MidJourney task button (reroll, pan); the button carries the label. */
export function MidjourneyButtonIcon({ icon }: { icon: NonNullable<ButtonText['icon']> }) {
  return <StrokeIcon d={PATHS[icon]} />;
}
