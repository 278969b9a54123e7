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

/**
 * Incremental decoder for the WHATWG `text/event-stream` format: push bytes split anywhere,
 * receive complete events through the callback; `end()` closes the stream.
 */
export class SSEDecoder {
  /** The stream's last event ID, sticky across events as the WHATWG spec defines it. */
  lastEventId = '';
  /** The stream's reconnection time from the last valid `retry` field, if any. */
  reconnectionTime: number | undefined = undefined;

  readonly #onEvent: (event: SSEEvent) => void;
  // The default TextDecoder strips a BOM at stream start and replaces invalid bytes.
  readonly #decoder = new TextDecoder();
  // The unterminated tail of the previous chunk: at most one partial line, so it stays small.
  #carry = '';
  // The previous chunk ended in CR: a LF opening the next one belongs to that line break.
  #skipLF = false;
  #data = '';
  #hasData = false;
  #type = '';
  #id: string | undefined = undefined;
  #retry: number | undefined = undefined;

  constructor(onEvent: (event: SSEEvent) => void) {
    this.#onEvent = onEvent;
  }

  /** Decodes the next slice of the byte stream, dispatching every event it completes. */
  push(chunk: Uint8Array): void {
    this.#feed(this.#decoder.decode(chunk, { stream: true }));
  }

  /** Ends the stream: complete lines are processed, an unfinished event is discarded. */
  end(): void {
    this.#feed(this.#decoder.decode());
    this.#carry = '';
    this.#skipLF = false;
    this.#resetEvent();
  }

  #feed(text: string): void {
    const length = text.length;
    if (length === 0) return;
    let pos = 0;
    if (this.#skipLF) {
      this.#skipLF = false;
      if (text.charCodeAt(0) === LF) pos = 1;
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
      this.#line(text, pos, end);
      pos = this.#after(text, end, cr);
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
    // Fast path: nearly every line of a chat stream is `data: {...}`. The char at `end` is a
    // terminator or past the string, so this match never crosses into the next line.
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
        break;
      case 'id':
        if (!value.includes('\0')) {
          this.#id = value;
          this.lastEventId = value;
        }
        break;
      case 'retry':
        if (isDigits(value)) {
          this.#retry = Number(value);
          this.reconnectionTime = this.#retry;
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
