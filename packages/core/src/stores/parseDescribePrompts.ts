import type { MjTask } from '../client/index.js';

// A leading keycap: '1️⃣' is '1' + U+FE0F + U+20E3 (some proxies drop the U+FE0F).
const KEYCAP = /^\s*[0-9]\uFE0F?\u20E3\s*/;

/** Splits numbered MJ text ('1️⃣ a\n\n2️⃣ b') into its items, keycaps stripped, empty lines dropped. */
export function splitNumbered(text: string): string[] {
  return text
    .split(/\r?\n+/)
    .map((line) => line.replace(KEYCAP, '').trim())
    .filter((line) => line.length > 0);
}

/** The prompts a DESCRIBE task produced (normally four), from `finalPrompt`, `promptEn` or `prompt`. */
export function parseDescribePrompts(
  task: Pick<MjTask, 'prompt' | 'promptEn' | 'properties'> | undefined | null,
): string[] {
  if (!task) return [];
  const finalPrompt = (task.properties as { finalPrompt?: unknown } | null | undefined)
    ?.finalPrompt;
  const text =
    (typeof finalPrompt === 'string' && finalPrompt) || task.promptEn || task.prompt || '';
  return splitNumbered(text);
}
