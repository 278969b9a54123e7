const OPEN = '<think>';
const CLOSE = '</think>';

/**
 * Incrementally moves `<think>...</think>` text out of streamed content. Tags split across
 * pushes are held back until they resolve. After each `push`, `content` and `reasoning` hold
 * that piece's parts.
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
    let rest = this.#held + text;
    this.#held = '';
    this.content = this.reasoning = '';
    for (;;) {
      const tag = this.#inThink ? CLOSE : OPEN;
      const at = rest.indexOf(tag);
      // Without a whole tag, a tag's beginning at the very end waits for the next push.
      const end = at < 0 ? rest.length - partialTagLength(rest, tag) : at;
      let piece = rest.slice(0, end);
      if (this.#trimNext) {
        piece = piece.trimStart();
        if (piece !== '') this.#trimNext = false;
      }
      this.#add(piece);
      if (at < 0) {
        this.#held = rest.slice(end);
        return;
      }
      rest = rest.slice(at + tag.length);
      this.#inThink = !this.#inThink;
      this.#trimNext = true;
    }
  }

  /** Releases text held back at the end of the stream (an unfinished tag is plain text). */
  flush(): void {
    this.content = this.reasoning = '';
    this.#add(this.#held);
    this.#held = '';
  }

  // Adds tag-free text to the side the splitter is on.
  #add(text: string): void {
    if (this.#inThink) this.reasoning += text;
    else this.content += text;
  }
}

// Only the last '<' can start a partial tag, since each tag holds a single '<' (a whole tag
// there was found by the caller, so a tail that long never matches).
function partialTagLength(text: string, tag: string): number {
  const lt = text.lastIndexOf('<');
  return lt >= 0 && tag.startsWith(text.slice(lt)) ? text.length - lt : 0;
}
