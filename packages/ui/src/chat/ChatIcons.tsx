'use client';
import { StrokeIcon as Icon } from '../shared/StrokeIcon.js';
// Decorative 16px stroke icons of the chat; the buttons holding them carry the labels.

/** Two overlapping sheets. */
export function CopyIcon() {
  return (
    <Icon d="M5.5 5.5V3.5a1 1 0 0 1 1-1h6a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1h-2M3.5 5.5h6a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1h-6a1 1 0 0 1-1-1v-6a1 1 0 0 1 1-1z" />
  );
}

/** A tick. */
export function CheckIcon() {
  return <Icon d="M3 8.5l3 3 7-7" />;
}

/** A circular arrow. */
export function RegenerateIcon() {
  return <Icon d="M13 8a5 5 0 1 1-1.5-3.56M13 2.5v3h-3" />;
}

/** A pencil. */
export function EditIcon() {
  return <Icon d="M10.5 3l2.5 2.5L6 12.5H3.5V10L10.5 3z" />;
}

/** An arrow pointing up (send). */
export function SendIcon() {
  return <Icon d="M8 13V3M3.5 7.5L8 3l4.5 4.5" />;
}

/** A square (stop). */
export function StopIcon() {
  return <Icon d="M4.5 4.5h7v7h-7z" />;
}

/** A paper clip. */
export function AttachIcon() {
  return (
    <Icon d="M12.5 7.5l-4.8 4.8a2.8 2.8 0 0 1-4-4l5.3-5.3a1.9 1.9 0 0 1 2.7 2.7L6.5 10.9a.9.9 0 0 1-1.3-1.3L9.7 5" />
  );
}

/** An arrow pointing down (jump to latest). */
export function ArrowDownIcon() {
  return <Icon d="M8 3v10M3.5 8.5L8 13l4.5-4.5" />;
}

/** A cross. */
export function CloseIcon() {
  return <Icon d="M4 4l8 8M12 4l-8 8" />;
}
