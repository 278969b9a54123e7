'use client';
import type { ButtonText } from './buttonText.js';

// 16px stroke paths: a circular arrow, and an arrow pointing right that the CSS never needs to
// rotate because each direction has its own path.
const PATHS: Record<NonNullable<ButtonText['icon']>, string> = {
  reroll: 'M13 8a5 5 0 1 1-1.5-3.56M13 2.5v3h-3',
  left: 'M13 8H3M7.5 3.5L3 8l4.5 4.5',
  right: 'M3 8h10M8.5 3.5L13 8l-4.5 4.5',
  up: 'M8 13V3M3.5 7.5L8 3l4.5 4.5',
  down: 'M8 3v10M3.5 8.5L8 13l4.5-4.5',
};

/** The decorative icon of a MidJourney task button (reroll, pan); the button carries the label. */
export function MidjourneyButtonIcon({ icon }: { icon: NonNullable<ButtonText['icon']> }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" fill="none">
      <path
        d={PATHS[icon]}
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
