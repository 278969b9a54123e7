/** Visible content and reasoning separated from a `<think>...</think>` answer. */
export interface ThinkSplit {
  /** The answer without think blocks. */
  content: string;
  /** The text of every think block, joined by blank lines. */
  reasoning: string;
  /** True while a think block is open (the stream is still thinking). */
  thinking: boolean;
}

const OPEN = '<think>';
const CLOSE = '</think>';

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialTagLength(text: string, tag: string): number {
  for (let n = Math.min(tag.length - 1, text.length); n > 0; n--) {
    if (text.endsWith(tag.slice(0, n))) return n;
  }
  return 0;
}

/**
 * Splits `<think>...</think>` blocks (gateways with "thinking to content" send reasoning that
 * way) out of `content`. Streaming-safe: an unclosed block counts as reasoning so far, and a
 * tag cut in half at the end of the text (`<thi`) is held back instead of flashing as text.
 */
export function splitThink(text: string): ThinkSplit {
  if (!text.includes('<')) return { content: text, reasoning: '', thinking: false };
  const content: string[] = [];
  const reasoning: string[] = [];
  let thinking = false;
  let rest = text;
  for (;;) {
    const at = rest.indexOf(OPEN);
    if (at < 0) {
      content.push(rest.slice(0, rest.length - partialTagLength(rest, OPEN)));
      break;
    }
    content.push(rest.slice(0, at));
    rest = rest.slice(at + OPEN.length);
    const end = rest.indexOf(CLOSE);
    if (end < 0) {
      reasoning.push(rest.slice(0, rest.length - partialTagLength(rest, CLOSE)).trim());
      thinking = true;
      break;
    }
    reasoning.push(rest.slice(0, end).trim());
    rest = rest.slice(end + CLOSE.length);
  }
  const joined = content.join('');
  return {
    // The gateway wraps the block in newlines; the answer itself starts after them.
    content: reasoning.length > 0 ? joined.replace(/^\s+/, '') : joined,
    reasoning: reasoning.filter(Boolean).join('\n\n'),
    thinking,
  };
}
