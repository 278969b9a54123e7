// The text up to its last sentence end (with closing quotes and the spaces after it; ASCII
// . ! ? only before a space, so "3.14" and "e.g." inside a sentence stay whole), else up to its
// last clause mark or space. Anchored and greedy: one pass finds the last one.
const SENTENCE = /^[\s\S]*(?:[。！？\n]|[.!?]["'”’)]*\s)["'”’」』）]*\s*/u;
const CLAUSE = /^[\s\S]*[，、；;,:：\s]\s*/u;

/**
 * Splits TTS text into parts of at most `maxBytes` UTF-8 bytes (gateways such as one-api count
 * their 4096 limit in bytes), cut after a sentence end, else a clause mark or space, else
 * between two characters; the parts joined give the text back.
 */
export function splitSpeechText(text: string, maxBytes = 4096): string[] {
  const parts: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i) as number;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code > 0xffff ? 4 : 3;
    // `bytes` is 0 only for a character larger than `maxBytes` on its own: it becomes a part.
    if (bytes && bytes + size > maxBytes) {
      const head = text.slice(start, i);
      // Every match ends after a one-unit character, so no cut splits a surrogate pair.
      i = start + ((head.match(SENTENCE) ?? head.match(CLAUSE))?.[0].length ?? head.length);
      parts.push(text.slice(start, i));
      start = i;
      bytes = 0;
    } else {
      bytes += size;
      i += code > 0xffff ? 2 : 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
