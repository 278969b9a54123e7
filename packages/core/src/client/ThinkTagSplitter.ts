const OPEN = '<think>';
const CLOSE = '</think>';

/**
 * Incrementally moves `<think>...</think>` text out of streamed content. Tags split across
 * pushes are held back until they resolve. After each `push`, `content` and `reasoning` hold
 * that piece's parts; plain text with no `<` costs one `indexOf`.
 */
export class ThinkTagSplitter {
  /** The answer part of the last push (or flush). */
  content = '';
  /** The thinking part of the last push (or flush). */
  reasoning = '';
  #inThink = false;
  #held = '';
  // Whitespace right after a tag is formatting, not text.
  #trimNext = false;

  /** True while a think block is open. */
  get thinking(): boolean {
    return this.#inThink;
  }

  /** Splits the next piece of content. */
  push(text: string): void {
    if (this.#held === '' && !this.#trimNext && text.indexOf('<') === -1) {
      this.#whole(text);
      return;
    }
    let rest = this.#held + text;
    this.#held = '';
    let content = '';
    let reasoning = '';
    for (;;) {
      const tag = this.#inThink ? CLOSE : OPEN;
      const at = rest.indexOf(tag);
      let piece: string;
      if (at < 0) {
        const keep = partialTagLength(rest, tag);
        piece = rest.slice(0, rest.length - keep);
        this.#held = rest.slice(rest.length - keep);
      } else {
        piece = rest.slice(0, at);
      }
      if (this.#trimNext) {
        piece = piece.replace(/^\s+/, '');
        if (piece !== '') this.#trimNext = false;
      }
      if (this.#inThink) reasoning += piece;
      else content += piece;
      if (at < 0) break;
      rest = rest.slice(at + tag.length);
      this.#inThink = !this.#inThink;
      this.#trimNext = true;
    }
    this.content = content;
    this.reasoning = reasoning;
  }

  /** Releases text held back at the end of the stream (an unfinished tag is plain text). */
  flush(): void {
    const held = this.#held;
    this.#held = '';
    this.#whole(held);
  }

  // `text` holds no tag: all of it goes to the side the splitter is on.
  #whole(text: string): void {
    this.content = this.#inThink ? '' : text;
    this.reasoning = this.#inThink ? text : '';
  }
}

// Only the last '<' can start a partial tag, since each tag holds a single '<'.
function partialTagLength(text: string, tag: string): number {
  const lt = text.lastIndexOf('<');
  if (lt < 0 || text.length - lt >= tag.length) return 0;
  return tag.startsWith(text.slice(lt)) ? text.length - lt : 0;
}
