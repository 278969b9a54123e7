import type { MjTask } from '../client/index.js';
import { splitNumbered } from './parseDescribePrompts.js';

/** What a SHORTEN task produced. */
export interface ShortenResult {
  /** The shortened prompts (normally five), keycaps stripped. */
  suggestions: string[];
  /** Tokens MJ marked as important (bold), in order, without repeats. */
  important: string[];
  /** Tokens MJ would remove (struck through), in order, without repeats. */
  removed: string[];
}

const HEADER = /^#+\s*shortened prompts\s*$/im;

const unique = (items: string[]): string[] => [...new Set(items)];

const tokens = (text: string, pattern: RegExp): string[] =>
  unique([...text.matchAll(pattern)].map((m) => (m[1] ?? '').trim()).filter(Boolean));

/** Parses a SHORTEN result from `properties.finalPrompt` (falling back to `description`). */
export function parseShorten(
  task: Pick<MjTask, 'description' | 'properties'> | undefined | null,
): ShortenResult {
  const finalPrompt = (task?.properties as { finalPrompt?: unknown } | null | undefined)
    ?.finalPrompt;
  const text = (typeof finalPrompt === 'string' && finalPrompt) || task?.description || '';
  const header = HEADER.exec(text);
  if (!header) return { suggestions: [], important: [], removed: [] };
  const analysis = text.slice(0, header.index);
  // The suggestions run until the next markdown header, if any.
  const rest = text.slice(header.index + header[0].length);
  const list = rest.split(/^#+\s/m)[0] ?? '';
  return {
    suggestions: splitNumbered(list),
    important: tokens(analysis, /\*\*(.+?)\*\*/g),
    removed: tokens(analysis, /~~(.+?)~~/g),
  };
}
