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
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const BOM = 0xfeff;
const STREAM = { stream: true };

/**
 * Incremental decoder for the WHATWG `text/event-stream` format: push bytes split anywhere,
 * receive complete events through the callback; `end()` closes the stream.
 */
export class SSEDecoder {
  readonly #onEvent: (event: SSEEvent) => void;
  // Split UTF-8 sequences are carried by hand, so every decode sees whole characters and may
  // pick its decoder: in V8 (Node) a one-shot decode is ~5x faster for ASCII, a streaming one
  // ~2x faster for multi-byte text. Each chunk uses the one that suited the previous chunk.
  // The BOM is stripped by hand too: it may only be dropped at the very start of the stream.
  readonly #ascii = new TextDecoder('utf-8', { ignoreBOM: true });
  readonly #multiByte = new TextDecoder('utf-8', { ignoreBOM: true });
  #wide = false;
  // The first 1-3 bytes of a UTF-8 sequence cut off at the end of the previous chunk.
  #pending: Uint8Array | undefined = undefined;
  #started = false;
  // The unterminated tail of the previous chunk: at most one partial line, so it stays small.
  #carry = '';
  // The previous chunk ended in CR: a LF opening the next one belongs to that line break.
  #skipLF = false;
  #data = '';
  #hasData = false;
  // Any field of the current block seen (data, event, id or retry)?
  #open = false;
  #type = '';
  #id: string | undefined = undefined;
  #retry: number | undefined = undefined;

  #lastEventId = '';
  #reconnectionTime: number | undefined = undefined;

  constructor(onEvent: (event: SSEEvent) => void) {
    this.#onEvent = onEvent;
  }

  /** The stream's last event ID, sticky across events as the WHATWG spec defines it. */
  get lastEventId(): string {
    return this.#lastEventId;
  }

  /** The stream's reconnection time in ms from the last valid `retry` field, if any. */
  get reconnectionTime(): number | undefined {
    return this.#reconnectionTime;
  }

  /** Decodes the next slice of the byte stream, dispatching every event it completes. */
  push(chunk: Uint8Array): void {
    let start = 0;
    const pending = this.#pending;
    if (pending !== undefined) {
      // Complete the cut sequence with the continuation bytes that open this chunk; any other
      // byte ends it early and the decoder replaces what was cut.
      const missing = sequenceLength(pending[0]!) - pending.length;
      while (start < missing && start < chunk.length && (chunk[start]! & 0xc0) === 0x80) start++;
      const joined = new Uint8Array(pending.length + start);
      joined.set(pending);
      joined.set(chunk.subarray(0, start), pending.length);
      if (start < missing && start === chunk.length) {
        this.#pending = joined;
        return;
      }
      this.#pending = undefined;
      this.#feed(this.#ascii.decode(joined));
    }
    let end = chunk.length;
    const cut = cutSequence(chunk, start);
    if (cut > 0) {
      end -= cut;
      this.#pending = chunk.slice(end);
    }
    if (end > start) {
      this.#feed(this.#decode(end - start === chunk.length ? chunk : chunk.subarray(start, end)));
    }
  }

  /** Ends the stream: complete lines are processed, an unfinished event is discarded. */
  end(): void {
    if (this.#pending !== undefined) this.#feed(this.#ascii.decode(this.#pending));
    this.#pending = undefined;
    this.#multiByte.decode();
    this.#wide = false;
    this.#started = false;
    this.#carry = '';
    this.#skipLF = false;
    this.#resetEvent();
  }

  /** Decodes whole characters; a text shorter than its bytes held multi-byte characters. */
  #decode(bytes: Uint8Array): string {
    const text = this.#wide ? this.#multiByte.decode(bytes, STREAM) : this.#ascii.decode(bytes);
    this.#wide = text.length !== bytes.length;
    return text;
  }

  #feed(text: string): void {
    const length = text.length;
    if (length === 0) return;
    let pos = 0;
    if (!this.#started) {
      this.#started = true;
      if (text.charCodeAt(0) === BOM) pos = 1;
    }
    if (this.#skipLF) {
      this.#skipLF = false;
      if (text.charCodeAt(pos) === LF) pos++;
    }
    // Each terminator index is searched once and reused until the scan passes it, so a chunk
    // without any CR costs one failed search, not one per line.
    let lf = text.indexOf('\n', pos);
    let cr = text.indexOf('\r', pos);
    if (this.#carry !== '') {
      const end = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
      if (end === -1) {
        this.#carry += text.slice(pos);
        return;
      }
      const line = this.#carry + text.slice(pos, end);
      this.#carry = '';
      this.#line(line, 0, line.length);
      pos = this.#after(text, end, cr);
    }
    while (pos < length) {
      if (lf !== -1 && lf < pos) lf = text.indexOf('\n', pos);
      if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
      const end = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
      if (end === -1) break;
      if (end === pos) {
        this.#dispatch();
      } else if (isDataField(text, pos)) {
        // The hot path, inlined: nearly every line of a chat stream is `data: {...}`.
        let from = pos + 5;
        if (text.charCodeAt(from) === SPACE && from < end) from++;
        // `data: ...` LF LF opening a block is a whole event: emit it without touching the
        // block state and without another search for LF.
        if (!this.#open && end === lf && text.charCodeAt(end + 1) === LF) {
          pos = end + 2;
          this.#onEvent({ event: 'message', data: text.slice(from, end) });
          continue;
        }
        this.#appendData(text.slice(from, end));
      } else {
        this.#line(text, pos, end);
      }
      pos = end + 1;
      if (end === cr) {
        if (pos === length) this.#skipLF = true;
        else if (text.charCodeAt(pos) === LF) pos++;
      }
    }
    if (pos < length) this.#carry = text.slice(pos);
  }

  /** Position after the terminator at `end`, treating CR LF as one line break. */
  #after(text: string, end: number, cr: number): number {
    const next = end + 1;
    if (end !== cr) return next;
    if (next === text.length) {
      this.#skipLF = true;
      return next;
    }
    return text.charCodeAt(next) === LF ? next + 1 : next;
  }

  /** Processes the line `text[start, end)`, which holds no line terminator. */
  #line(text: string, start: number, end: number): void {
    if (start === end) {
      this.#dispatch();
      return;
    }
    // The char at `end` is a terminator or past the string: the match stays inside the line.
    if (text.startsWith('data:', start)) {
      let from = start + 5;
      if (from < end && text.charCodeAt(from) === SPACE) from++;
      this.#appendData(text.slice(from, end));
      return;
    }
    if (text.charCodeAt(start) === COLON) return;
    let colon = start;
    while (colon < end && text.charCodeAt(colon) !== COLON) colon++;
    const field = text.slice(start, colon);
    let from = colon + 1;
    if (from < end && text.charCodeAt(from) === SPACE) from++;
    const value = from < end ? text.slice(from, end) : '';
    switch (field) {
      case 'data':
        this.#appendData(value);
        break;
      case 'event':
        this.#type = value;
        this.#open = true;
        break;
      case 'id':
        if (!value.includes('\0')) {
          this.#id = value;
          this.#open = true;
          this.#lastEventId = value;
        }
        break;
      case 'retry':
        if (isDigits(value)) {
          this.#retry = Number(value);
          this.#open = true;
          this.#reconnectionTime = this.#retry;
        }
        break;
    }
  }

  #appendData(value: string): void {
    if (this.#hasData) {
      this.#data += `\n${value}`;
    } else {
      this.#data = value;
      this.#hasData = true;
      this.#open = true;
    }
  }

  #dispatch(): void {
    if (!this.#hasData) {
      this.#resetEvent();
      return;
    }
    const event: SSEEvent = { event: this.#type === '' ? 'message' : this.#type, data: this.#data };
    if (this.#id !== undefined) event.id = this.#id;
    if (this.#retry !== undefined) event.retry = this.#retry;
    // Reset first: a callback that throws must not leave this event half-dispatched.
    this.#resetEvent();
    this.#onEvent(event);
  }

  #resetEvent(): void {
    this.#data = '';
    this.#hasData = false;
    this.#open = false;
    this.#type = '';
    this.#id = undefined;
    this.#retry = undefined;
  }
}

function isDigits(value: string): boolean {
  if (value === '') return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) return false;
  }
  return true;
}

/** Bytes in the UTF-8 sequence that `lead` starts. */
function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

/** How many bytes at the end of `bytes[start..]` are an incomplete UTF-8 sequence (0-3). */
function cutSequence(bytes: Uint8Array, start: number): number {
  const length = bytes.length;
  for (let back = 1; back <= 3 && length - back >= start; back++) {
    const byte = bytes[length - back]!;
    if (byte < 0x80) return 0;
    if (byte >= 0xc0) return back < sequenceLength(byte) ? back : 0;
  }
  return 0;
}

/** Whether the line at `pos` starts with `data:`; compiles to plain loads, unlike startsWith. */
function isDataField(text: string, pos: number): boolean {
  return (
    text.charCodeAt(pos + 4) === COLON &&
    text.charCodeAt(pos) === 100 &&
    text.charCodeAt(pos + 1) === 97 &&
    text.charCodeAt(pos + 2) === 116 &&
    text.charCodeAt(pos + 3) === 97
  );
}
