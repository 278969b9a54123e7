import type { InlineNode } from './ast.js';
import { decodeEntities, decodeEntity } from './decodeEntities.js';
import { safeImageUrl, safeLinkUrl } from './safeUrl.js';

interface Delimiter {
  type: 'delimiter';
  char: '*' | '_' | '~';
  count: number;
  original: number;
  canOpen: boolean;
  canClose: boolean;
}

type Item = InlineNode | Delimiter;

const asciiPunctuation = /[!-/:-@[-`{-~]/;
const punctuation = /[\p{P}\p{S}]/u;
const whitespace = /\s/u;
const entityAt = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/y;
const uriAutolink = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/y;
const emailAutolink =
  /<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;
const bareUrl = /(?:https?:\/\/|www\.)[^\s<]*/iy;

/** Removes backslash escapes and decodes character references, as in link destinations. */
function unescapeMarkdown(text: string): string {
  return decodeEntities(text.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
}

/** Length of the run of `char` starting at `from`. */
function runLength(text: string, from: number, char: string): number {
  let end = from;
  while (text[end] === char) end++;
  return end - from;
}

/** Index just past the code span opening at `from`, or -1 when it has no closing run. */
function codeSpanEnd(text: string, from: number): number {
  const open = runLength(text, from, '`');
  let at = from + open;
  while (at < text.length) {
    const next = text.indexOf('`', at);
    if (next === -1) return -1;
    const run = runLength(text, next, '`');
    if (run === open) return next + run;
    at = next + run;
  }
  return -1;
}

// Link text longer than this is not looked for (CommonMark caps link labels likewise), which
// keeps text full of unmatched brackets linear.
const maxLabelLength = 1000;

/** Index of the `]` closing the bracket opened at `from`, skipping escapes and code spans. */
function closingBracket(text: string, from: number): number {
  let depth = 0;
  const end = Math.min(text.length, from + maxLabelLength);
  for (let at = from; at < end; at++) {
    const char = text[at];
    if (char === '\\') at++;
    else if (char === '`') {
      const end = codeSpanEnd(text, at);
      if (end !== -1) at = end - 1;
      else at += runLength(text, at, '`') - 1;
    } else if (char === '[') depth++;
    else if (char === ']') {
      depth--;
      if (depth === 0) return at;
    }
  }
  return -1;
}

interface Destination {
  url: string;
  title: string | null;
  end: number;
}

function skipSpace(text: string, from: number): number {
  let at = from;
  let newlines = 0;
  while (at < text.length) {
    const char = text[at];
    if (char === '\n') {
      if (++newlines > 1) break;
    } else if (char !== ' ' && char !== '\t') break;
    at++;
  }
  return at;
}

/** Parses `(destination "title")` starting at the `(` at `from`. */
function linkDestination(text: string, from: number): Destination | null {
  let at = skipSpace(text, from + 1);
  let raw = '';
  if (text[at] === '<') {
    const close = text.slice(at + 1).search(/(?<!\\)[<>\n]/);
    if (close === -1 || text[at + 1 + close] !== '>') return null;
    raw = text.slice(at + 1, at + 1 + close);
    at += close + 2;
  } else {
    let depth = 0;
    const start = at;
    while (at < text.length) {
      const char = text[at]!;
      if (char === '\\' && asciiPunctuation.test(text[at + 1] ?? '')) {
        at += 2;
        continue;
      }
      if (char === '(') depth++;
      else if (char === ')') {
        if (depth === 0) break;
        depth--;
      } else if (/[\s\u0000-\u001f\u007f]/.test(char)) break;
      at++;
    }
    if (depth !== 0) return null;
    raw = text.slice(start, at);
  }
  const beforeTitle = at;
  at = skipSpace(text, at);
  let title: string | null = null;
  const quote = text[at];
  if (at > beforeTitle && (quote === '"' || quote === "'" || quote === '(')) {
    const closer = quote === '(' ? ')' : quote;
    let end = at + 1;
    while (end < text.length && text[end] !== closer) end += text[end] === '\\' ? 2 : 1;
    if (end >= text.length) return null;
    title = unescapeMarkdown(text.slice(at + 1, end));
    at = skipSpace(text, end + 1);
  }
  if (text[at] !== ')') return null;
  return { url: unescapeMarkdown(raw), title, end: at + 1 };
}

/** The text a reader sees in some inline nodes, used for image alt text. */
export function inlineText(nodes: InlineNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'code') out += node.value;
    else if (node.type === 'image') out += node.alt;
    else if (node.type === 'break') out += '\n';
    else out += inlineText(node.children);
  }
  return out;
}

/** Trims punctuation that ends a sentence rather than a bare URL, keeping balanced parentheses. */
function trimBareUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last !== undefined && /[?!.,:*_~'"]/.test(last)) end--;
    else if (last === ')') {
      const part = url.slice(0, end);
      if (part.split('(').length >= part.split(')').length) break;
      end--;
    } else if (last === ';') {
      const entity = /&[A-Za-z0-9]+;$/.exec(url.slice(0, end));
      if (!entity) break;
      end -= entity[0].length;
    } else break;
  }
  return url.slice(0, end);
}

function classify(text: string, start: number, end: number) {
  const before = start === 0 ? ' ' : text[start - 1]!;
  const after = end >= text.length ? ' ' : text[end]!;
  const beforeSpace = whitespace.test(before);
  const afterSpace = whitespace.test(after);
  const beforePunct = punctuation.test(before);
  const afterPunct = punctuation.test(after);
  const left = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
  const right = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
  return { left, right, beforePunct, afterPunct };
}

function tokenize(text: string, inLink: boolean): Item[] {
  const items: Item[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer !== '') items.push({ type: 'text', value: buffer });
    buffer = '';
  };
  const push = (node: Item) => {
    flush();
    items.push(node);
  };

  let at = 0;
  while (at < text.length) {
    const char = text[at]!;

    if (char === '\\') {
      const next = text[at + 1];
      if (next === '\n') {
        push({ type: 'break' });
        at += 2;
      } else if (next !== undefined && asciiPunctuation.test(next)) {
        buffer += next;
        at += 2;
      } else {
        buffer += char;
        at++;
      }
      continue;
    }

    if (char === '`') {
      const run = runLength(text, at, '`');
      const end = codeSpanEnd(text, at);
      if (end === -1) {
        buffer += text.slice(at, at + run);
        at += run;
        continue;
      }
      let value = text.slice(at + run, end - run).replace(/\n/g, ' ');
      if (/^ [\s\S]*[^ ][\s\S]* $/.test(value)) value = value.slice(1, -1);
      push({ type: 'code', value });
      at = end;
      continue;
    }

    if (char === '*' || char === '_' || char === '~') {
      const run = runLength(text, at, char);
      const { left, right, beforePunct, afterPunct } = classify(text, at, at + run);
      let canOpen = left;
      let canClose = right;
      if (char === '_') {
        canOpen = left && (!right || beforePunct);
        canClose = right && (!left || afterPunct);
      }
      if (char === '~' && run > 2) {
        buffer += text.slice(at, at + run);
      } else {
        push({ type: 'delimiter', char, count: run, original: run, canOpen, canClose });
      }
      at += run;
      continue;
    }

    // Links cannot nest, but a link may wrap an image (a clickable badge or thumbnail).
    if ((char === '[' && !inLink) || (char === '!' && text[at + 1] === '[')) {
      const isImage = char === '!';
      const open = isImage ? at + 1 : at;
      const close = closingBracket(text, open);
      const destination =
        close !== -1 && text[close + 1] === '(' ? linkDestination(text, close + 1) : null;
      if (destination) {
        const label = parseInlineNodes(text.slice(open + 1, close), true);
        if (isImage) {
          const alt = inlineText(label);
          const src = safeImageUrl(destination.url);
          push(
            src
              ? { type: 'image', src, alt, title: destination.title }
              : { type: 'text', value: alt },
          );
        } else {
          const href = safeLinkUrl(destination.url);
          if (href) push({ type: 'link', href, title: destination.title, children: label });
          else {
            flush();
            items.push(...label);
          }
        }
        at = destination.end;
        continue;
      }
      buffer += isImage ? '![' : '[';
      at = open + 1;
      continue;
    }

    if (char === '<') {
      uriAutolink.lastIndex = at;
      emailAutolink.lastIndex = at;
      const uri = uriAutolink.exec(text);
      const email = uri ? null : emailAutolink.exec(text);
      const match = uri ?? email;
      if (match) {
        const target = match[1]!;
        const href = inLink ? null : safeLinkUrl(uri ? decodeEntities(target) : `mailto:${target}`);
        push(
          href
            ? { type: 'link', href, title: null, children: [{ type: 'text', value: target }] }
            : { type: 'text', value: target },
        );
        at += match[0].length;
        continue;
      }
    }

    if (char === '&') {
      entityAt.lastIndex = at;
      const match = entityAt.exec(text);
      if (match) {
        buffer += decodeEntity(match[0], match[1], match[2], match[3]);
        at += match[0].length;
        continue;
      }
    }

    if (char === '\n') {
      const trailing = /( *)$/.exec(buffer)![1]!.length;
      buffer = buffer.slice(0, buffer.length - trailing);
      if (trailing >= 2) push({ type: 'break' });
      else buffer += '\n';
      at++;
      while (text[at] === ' ' || text[at] === '\t') at++;
      continue;
    }

    if (!inLink && (char === 'h' || char === 'H' || char === 'w' || char === 'W')) {
      const before = at === 0 ? ' ' : text[at - 1]!;
      if (/[\s(*_~]/.test(before)) {
        bareUrl.lastIndex = at;
        const match = bareUrl.exec(text);
        const url = match ? trimBareUrl(match[0]) : '';
        const href =
          url.length > 4 ? safeLinkUrl(/^www\./i.test(url) ? `http://${url}` : url) : null;
        if (href && /[^.]\.[^.]|^https?:\/\/[^/]/i.test(url)) {
          push({ type: 'link', href, title: null, children: [{ type: 'text', value: url }] });
          at += url.length;
          continue;
        }
      }
    }

    buffer += char;
    at++;
  }
  flush();
  return items;
}

/** Applies CommonMark's emphasis rules to the delimiter runs in `items`, in place. */
function resolveEmphasis(items: Item[]): void {
  // Per kind of closer, the opener below which no match can exist (keeps long runs linear).
  const bottoms = new Map<string, Item>();
  let closerIndex = 0;
  while (closerIndex < items.length) {
    const closer = items[closerIndex]!;
    if (closer.type !== 'delimiter' || !closer.canClose || closer.count === 0) {
      closerIndex++;
      continue;
    }
    const key = `${closer.char}${closer.canOpen}${closer.original % 3}`;
    const bottom = bottoms.get(key);
    let openerIndex = -1;
    for (let index = closerIndex - 1; index >= 0; index--) {
      const opener = items[index]!;
      if (opener === bottom) break;
      if (opener.type !== 'delimiter' || !opener.canOpen || opener.char !== closer.char) continue;
      if (opener.count === 0) continue;
      if (closer.char === '~') {
        if (opener.count !== closer.count) continue;
      } else if (
        (opener.canClose || closer.canOpen) &&
        (opener.original + closer.original) % 3 === 0 &&
        !(opener.original % 3 === 0 && closer.original % 3 === 0)
      ) {
        continue;
      }
      openerIndex = index;
      break;
    }
    if (openerIndex === -1) {
      const previous = items[closerIndex - 1];
      if (previous) bottoms.set(key, previous);
      if (!closer.canOpen) closer.canClose = false;
      closerIndex++;
      continue;
    }
    const opener = items[openerIndex] as Delimiter;
    const used =
      closer.char === '~' ? closer.count : opener.count >= 2 && closer.count >= 2 ? 2 : 1;
    const children = finish(items.slice(openerIndex + 1, closerIndex));
    const node: InlineNode =
      closer.char === '~'
        ? { type: 'strikethrough', children }
        : used === 2
          ? { type: 'strong', children }
          : { type: 'emphasis', children };
    opener.count -= used;
    closer.count -= used;
    items.splice(openerIndex + 1, closerIndex - openerIndex - 1, node);
    closerIndex = openerIndex + 2;
    if (opener.count === 0) {
      items.splice(openerIndex, 1);
      closerIndex--;
    }
    if (closer.count === 0) {
      items.splice(closerIndex, 1);
    }
  }
}

/** Turns leftover delimiters into text and merges neighbouring text nodes. */
function finish(items: Item[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const item of items) {
    const node: InlineNode =
      item.type === 'delimiter' ? { type: 'text', value: item.char.repeat(item.count) } : item;
    if (node.type === 'text') {
      if (node.value === '') continue;
      const last = out[out.length - 1];
      if (last?.type === 'text') {
        out[out.length - 1] = { type: 'text', value: last.value + node.value };
        continue;
      }
    }
    out.push(node);
  }
  return out;
}

function parseInlineNodes(text: string, inLink: boolean): InlineNode[] {
  const items = tokenize(text, inLink);
  resolveEmphasis(items);
  return finish(items);
}

/** Parses the inline markdown of one block (paragraph, heading, table cell) into nodes. */
export function parseInline(text: string): InlineNode[] {
  return parseInlineNodes(text, false);
}
