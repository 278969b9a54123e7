import type { MjButton, MjTask } from './typesMidjourney.js';

type Loose = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const time = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** A task with its types fixed: id a string, progress like '45%', arrays and objects present. */
export function normaliseMjTask(raw: Loose): MjTask {
  const progress = raw.progress;
  const buttons = Array.isArray(raw.buttons)
    ? (raw.buttons.filter((button) => typeof button === 'object' && button !== null) as MjButton[])
    : [];
  return {
    ...raw,
    id: raw.id == null ? '' : String(raw.id),
    action: text(raw.action),
    status: text(raw.status),
    progress: typeof progress === 'number' ? `${progress}%` : text(progress),
    prompt: text(raw.prompt),
    promptEn: text(raw.promptEn),
    description: text(raw.description),
    submitTime: time(raw.submitTime),
    startTime: time(raw.startTime),
    finishTime: time(raw.finishTime),
    imageUrl: typeof raw.imageUrl === 'string' && raw.imageUrl !== '' ? raw.imageUrl : null,
    failReason: typeof raw.failReason === 'string' ? raw.failReason : null,
    buttons,
    properties:
      typeof raw.properties === 'object' && raw.properties !== null
        ? (raw.properties as MjTask['properties'])
        : {},
  };
}
