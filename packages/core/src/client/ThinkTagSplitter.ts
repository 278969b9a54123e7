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
    this.content = this.reasoning = '';
    for (;;) {
      const tag = this.#inThink ? CLOSE : OPEN;
      const at = rest.indexOf(tag);
      // Without a whole tag, a tag's beginning at the very end waits for the next push. Each
      // tag holds one '<', so only the last '<' can start one (with none, slice(-1) is not one).
      const lt = rest.lastIndexOf('<');
      const end = at >= 0 ? at : tag.startsWith(rest.slice(lt)) ? lt : rest.length;
      this.#add(rest.slice(0, end));
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

  // Adds tag-free text to the side the splitter is on. Held text starts with '<', so
  // trimming it on flush changes nothing.
  #add(text: string): void {
    if (this.#trimNext) {
      text = text.trimStart();
      if (text !== '') this.#trimNext = false;
    }
    if (this.#inThink) this.reasoning += text;
    else this.content += text;
  }
}
