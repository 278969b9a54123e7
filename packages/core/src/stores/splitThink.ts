import { ThinkTagSplitter } from '../client/ThinkTagSplitter.js';

/** Visible content and reasoning separated from a `<think>...</think>` answer. */
export interface ThinkSplit {
  /** The answer without think blocks. */
  content: string;
  /** The text of the think blocks. */
  reasoning: string;
  /** True while a think block is open (the answer is still thinking). */
  thinking: boolean;
}

/**
 * Splits `<think>...</think>` blocks (gateways with "thinking to content" send reasoning that
 * way) out of a whole text, e.g. a stored message. Streaming-safe: an unclosed block counts
 * as reasoning so far, and a tag cut in half at the end (`<thi`) is held back. Streams from
 * the client are already split chunk by chunk with the same rules.
 */
export function splitThink(text: string): ThinkSplit {
  const splitter = new ThinkTagSplitter();
  splitter.push(text);
  return { content: splitter.content, reasoning: splitter.reasoning, thinking: splitter.thinking };
}
