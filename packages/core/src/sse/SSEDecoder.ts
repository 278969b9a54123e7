/** One Server-Sent Event, as dispatched by a blank line in an event stream. */
export type SSEEvent = {
  /** The `event` field of the block, `'message'` when absent or empty. */
  event: string;
  /** The `data` lines of the block joined with `\n`. */
  data: string;
  /** The `id` field, when this block carried a valid one (no NUL). */
  id?: string;
  /** The `retry` field in milliseconds, when this block carried a valid one (digits only). */
  retry?: number;
};

const LF = 10;
const SPACE = 32;
const COLON = 58;
const STREAM = { stream: true };

/**
 * Incremental decoder for the WHATWG `text/event-stream` format: push bytes split anywhere,
 * receive complete events through the callback; `end()` closes the stream.
 */
export class SSEDecoder {
  readonly #onEvent: (event: SSEEvent) => void;
  // In V8 (Node) a one-shot decode is ~5x faster for ASCII, a streaming one ~2x faster for
  // multi-byte text, so each chunk uses the one that suited the previous chunk. A one-shot
  // decode must not see a character cut by the chunk's end, so a chunk ending in a non-ASCII
  // byte goes to the streaming decoder, which carries the cut bytes. The stream starts in the
  // streaming decoder, the only one that strips a BOM, and only at the start of its stream.
  readonly #ascii = new TextDecoder('utf-8', { ignoreBOM: true });
  readonly #multiByte = new TextDecoder();
  #wide = true;
  // The unterminated last line of the previous chunk.
  #carry = '';
  // The previous chunk ended in CR: a LF opening the next one belongs to that line break.
  #skipLF = false;
  // The current block once any field was seen: the fields it set so far.
  #block: Partial<SSEEvent> | undefined = undefined;

  constructor(onEvent: (event: SSEEvent) => void) {
    this.#onEvent = onEvent;
  }

  /** Decodes the next slice of the byte stream, dispatching every event it completes. */
  push(chunk: Uint8Array): void {
    // An empty read must not reset #wide while the streaming decoder holds a cut character.
    if (chunk.length === 0) return;
    // Only a chunk ending in a non-ASCII byte can leave a character cut.
    const cut = chunk[chunk.length - 1]! > 0x7f;
    const text =
      this.#wide || cut ? this.#multiByte.decode(chunk, STREAM) : this.#ascii.decode(chunk);
    // A text shorter than its bytes held multi-byte characters. After a possible cut, the
    // streaming decoder may hold its first bytes: the next chunk must go there too.
    this.#wide = cut || text.length !== chunk.length;
    this.#feed(text);
  }

  /** Ends the stream: complete lines are processed, an unfinished event is discarded. */
  end(): void {
    // What is left is at most an unfinished line and a cut character: both are dropped.
    this.#multiByte.decode();
    this.#wide = true;
    this.#carry = '';
    this.#skipLF = false;
    this.#block = undefined;
  }

  #feed(text: string): void {
    const length = text.length;
    let pos = 0;
    if (this.#skipLF && pos < length) {
      this.#skipLF = false;
      if (text.charCodeAt(pos) === LF) pos++;
    }
    // Each terminator is searched once and reused until the scan passes it, so a chunk
    // without any CR costs one failed search, not one per line.
    let lf = text.indexOf('\n', pos);
    let cr = text.indexOf('\r', pos);
    while (pos < length) {
      if (lf !== -1 && lf < pos) lf = text.indexOf('\n', pos);
      if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
      const end = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
      if (end === -1) break;
      if (this.#carry !== '') {
        const line = this.#carry + text.slice(pos, end);
        this.#carry = '';
        this.#line(line, 0, line.length);
      } else if (end === pos) {
        this.#dispatch();
      } else if (
        // `data:` compared char by char, which compiles to plain loads (startsWith does not).
        // The char at `end` is a terminator, so the match never crosses into the next line.
        text.charCodeAt(pos + 4) === COLON &&
        text.charCodeAt(pos) === 100 &&
        text.charCodeAt(pos + 1) === 97 &&
        text.charCodeAt(pos + 2) === 116 &&
        text.charCodeAt(pos + 3) === 97
      ) {
        // The hot path: nearly every line of a chat stream is `data: {...}`.
        let from = pos + 5;
        // The char at `end` is a terminator, never a space: no bound check needed.
        if (text.charCodeAt(from) === SPACE) from++;
        // `data: ...` LF LF opening a block is a whole event: emit it at once, without
        // touching the block state or searching for the next LF.
        if (this.#block === undefined && end === lf && text.charCodeAt(end + 1) === LF) {
          pos = end + 2;
          this.#onEvent({ event: 'message', data: text.slice(from, end) });
          continue;
        }
        this.#addData(text.slice(from, end));
      } else {
        this.#line(text, pos, end);
      }
      pos = end + 1;
      if (end === cr) {
        if (pos === length) this.#skipLF = true;
        else if (text.charCodeAt(pos) === LF) pos++;
      }
    }
    if (pos < length) this.#carry += text.slice(pos);
  }

  /** Processes the non-empty line `text[start, end)`, which holds no line terminator. */
  #line(text: string, start: number, end: number): void {
    if (text.charCodeAt(start) === COLON) return;
    let colon = start;
    while (colon < end && text.charCodeAt(colon) !== COLON) colon++;
    let from = colon + 1;
    if (text.charCodeAt(from) === SPACE) from++;
    // Past `end` (a field without a colon, or nothing after its space) slice gives ''.
    const value = text.slice(from, end);
    switch (text.slice(start, colon)) {
      case 'data':
        this.#addData(value);
        break;
      case 'event':
        this.#fields().event = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.#fields().id = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.#fields().retry = Number(value);
        break;
    }
  }

  #addData(value: string): void {
    const block = this.#fields();
    block.data = block.data === undefined ? value : `${block.data}\n${value}`;
  }

  /** The current block, opened by its first field. */
  #fields(): Partial<SSEEvent> {
    this.#block ??= {};
    return this.#block;
  }

  #dispatch(): void {
    const block = this.#block;
    // Cleared first: a callback that throws must not leave this event half-dispatched.
    this.#block = undefined;
    // A block without data dispatches nothing; an empty `event` is the default one. The block
    // itself is the event (a spread copy cost the bench 10%).
    if (block?.data !== undefined) {
      block.event ||= 'message';
      this.#onEvent(block as SSEEvent);
    }
  }
}
