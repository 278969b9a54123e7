import type { BlockNode, ListItemNode, ParsedMarkdown, SourceBlock, TableAlign } from './ast.js';
import { decodeEntities } from './decodeEntities.js';
import { parseInline } from './parseInline.js';

interface Parsed {
  node: BlockNode;
  start: number;
  end: number;
}

interface ListMarker {
  ordered: boolean;
  /** The bullet character, or the delimiter after the number. */
  char: string;
  start: number;
  /** Column where the item's content starts; continuation lines indent to it. */
  contentIndent: number;
  content: string;
  empty: boolean;
}

const atxHeading = /^ {0,3}(#{1,6})(?=[ \t]|$)(.*)$/;
const thematicBreak = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const fenceOpen = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const quoteLine = /^ {0,3}> ?(.*)$/;
const listStart = /^( {0,3})([-+*]|(\d{1,9})[.)])(?=[ \t]|$)/;
const setextUnderline = /^ {0,3}(=+|-+)[ \t]*$/;
const delimiterRow = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const taskMarker = /^\[([ xX])\](?:[ \t]+|$)/;

function isBlank(line: string | undefined): boolean {
  return line === undefined || /^[ \t]*$/.test(line);
}

function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}

/** Expands tabs in a line's indentation to spaces at 4-column stops. */
function expandIndent(line: string): string {
  const lead = /^[ \t]*/.exec(line)![0];
  if (!lead.includes('\t')) return line;
  let column = 0;
  for (const char of lead) column = char === '\t' ? column + 4 - (column % 4) : column + 1;
  return ' '.repeat(column) + line.slice(lead.length);
}

function fence(line: string): { indent: number; marker: string; info: string } | null {
  const match = fenceOpen.exec(line);
  if (!match) return null;
  const marker = match[2]!;
  const info = match[3]!;
  if (marker[0] === '`' && info.includes('`')) return null;
  return { indent: match[1]!.length, marker, info: info.trim() };
}

function closesFence(line: string, marker: string): boolean {
  const match = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  return !!match && match[1]![0] === marker[0] && match[1]!.length >= marker.length;
}

/** Whether a block ends with a paragraph, directly or in its last list item or quoted block. */
function endsWithParagraph(node: BlockNode): boolean {
  if (node.type === 'paragraph') return true;
  const last =
    node.type === 'list'
      ? node.items[node.items.length - 1]?.children.at(-1)
      : node.type === 'blockquote'
        ? node.children.at(-1)
        : undefined;
  return last !== undefined && endsWithParagraph(last);
}

/** Whether `lines` end in a paragraph that a lazy continuation line may extend. */
function endsInOpenParagraph(lines: string[], depth: number): boolean {
  if (isBlank(lines[lines.length - 1])) return false;
  const last = parseLines(lines, depth).at(-1);
  return last !== undefined && endsWithParagraph(last.node);
}

function listMarker(line: string): ListMarker | null {
  const match = listStart.exec(line);
  if (!match || thematicBreak.test(line)) return null;
  const markerEnd = match[0].length;
  const rest = line.slice(markerEnd);
  const spaces = indentOf(rest);
  const empty = isBlank(rest);
  const contentIndent = empty || spaces >= 5 ? markerEnd + 1 : markerEnd + spaces;
  const number = match[3];
  return {
    ordered: number !== undefined,
    char: number !== undefined ? match[2]!.slice(-1) : match[2]!,
    start: number !== undefined ? Number.parseInt(number, 10) : 1,
    contentIndent,
    content: empty ? '' : line.slice(contentIndent),
    empty,
  };
}

function splitRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

function isTableStart(line: string, next: string | undefined): boolean {
  if (next === undefined || indentOf(line) >= 4 || !line.includes('|')) return false;
  if (!next.includes('|') || !delimiterRow.test(next)) return false;
  return splitRow(line).length === splitRow(next).length;
}

/** Whether `line` starts a block that ends a paragraph (or a lazy continuation). */
function interrupts(line: string, next: string | undefined): boolean {
  if (indentOf(line) >= 4) return false;
  if (fence(line) || atxHeading.test(line) || thematicBreak.test(line) || quoteLine.test(line)) {
    return true;
  }
  const marker = listMarker(line);
  if (marker) return !marker.empty && (!marker.ordered || marker.start === 1);
  return isTableStart(line, next);
}

function parseFenced(lines: string[], start: number): Parsed {
  const open = fence(lines[start]!)!;
  const body: string[] = [];
  let at = start + 1;
  let end = lines.length;
  for (; at < lines.length; at++) {
    const line = lines[at]!;
    if (closesFence(line, open.marker)) {
      end = at + 1;
      break;
    }
    body.push(line.slice(Math.min(open.indent, indentOf(line))));
  }
  const language = open.info === '' ? null : decodeEntities(open.info.split(/\s+/)[0]!);
  return {
    node: {
      type: 'code',
      language: language?.replace(/\\(.)/g, '$1') ?? null,
      value: body.join('\n'),
    },
    start,
    end: Math.min(end, lines.length),
  };
}

function parseIndented(lines: string[], start: number): Parsed {
  let end = start;
  for (let at = start; at < lines.length; at++) {
    const line = lines[at]!;
    if (isBlank(line)) continue;
    if (indentOf(line) < 4) break;
    end = at + 1;
  }
  const value = lines
    .slice(start, end)
    .map((line) => line.slice(Math.min(4, indentOf(line))))
    .join('\n');
  return { node: { type: 'code', language: null, value }, start, end };
}

function parseHeading(lines: string[], start: number): Parsed {
  const match = atxHeading.exec(lines[start]!)!;
  const text = match[2]!.replace(/(?:^|[ \t]+)#+[ \t]*$/, '').trim();
  const level = match[1]!.length as 1 | 2 | 3 | 4 | 5 | 6;
  return { node: { type: 'heading', level, children: parseInline(text) }, start, end: start + 1 };
}

function parseQuote(lines: string[], start: number, depth: number): Parsed {
  const inner: string[] = [];
  let at = start;
  while (at < lines.length) {
    const line = lines[at]!;
    const match = quoteLine.exec(line);
    if (match) {
      inner.push(match[1]!);
      at++;
      continue;
    }
    if (
      isBlank(line) ||
      interrupts(line, lines[at + 1]) ||
      !endsInOpenParagraph(inner, depth + 1)
    ) {
      break;
    }
    inner.push(line);
    at++;
  }
  const children = parseLines(inner, depth + 1).map((block) => block.node);
  return { node: { type: 'blockquote', children }, start, end: at };
}

function parseList(lines: string[], start: number, depth: number): Parsed {
  const first = listMarker(lines[start]!)!;
  const items: ListItemNode[] = [];
  let tight = true;
  let at = start;
  let end = start;
  while (at < lines.length) {
    const marker = listMarker(lines[at]!);
    if (!marker || marker.ordered !== first.ordered || marker.char !== first.char) break;
    const body = [marker.content];
    let next = at + 1;
    while (next < lines.length) {
      const line = lines[next]!;
      if (isBlank(line)) {
        // An item can start with at most one blank line.
        if (marker.empty && body.length === 1) break;
        body.push('');
        next++;
        continue;
      }
      if (indentOf(line) >= marker.contentIndent) {
        body.push(line.slice(marker.contentIndent));
        next++;
        continue;
      }
      if (isBlank(lines[next - 1]) || listMarker(line) || interrupts(line, lines[next + 1])) break;
      if (!endsInOpenParagraph(body, depth + 1)) break;
      body.push(line.trimStart());
      next++;
    }
    let trailingBlanks = 0;
    while (body.length > 1 && isBlank(body[body.length - 1])) {
      body.pop();
      trailingBlanks++;
    }
    end = next - trailingBlanks;
    const followedBySibling = (() => {
      const sibling = next < lines.length ? listMarker(lines[next]!) : null;
      return !!sibling && sibling.ordered === first.ordered && sibling.char === first.char;
    })();
    if (trailingBlanks > 0 && followedBySibling) tight = false;
    if (tight && hasInnerBlank(body)) tight = false;

    let checked: boolean | null = null;
    const task = taskMarker.exec(body[0]!);
    if (task) {
      checked = task[1] !== ' ';
      body[0] = body[0]!.slice(task[0].length);
    }
    items.push({ checked, children: parseLines(body, depth + 1).map((block) => block.node) });
    at = next;
    if (!followedBySibling) break;
  }
  return {
    node: { type: 'list', ordered: first.ordered, start: first.start, tight, items },
    start,
    end,
  };
}

/** Whether an item's lines hold a blank line between two blocks (outside code fences). */
function hasInnerBlank(body: string[]): boolean {
  let open: string | null = null;
  for (let at = 0; at < body.length; at++) {
    const line = body[at]!;
    if (open !== null) {
      if (closesFence(line, open)) open = null;
      continue;
    }
    const started = fence(line);
    if (started) open = started.marker;
    else if (isBlank(line) && at > 0 && at < body.length - 1) return true;
  }
  return false;
}

function parseTable(lines: string[], start: number): Parsed {
  const head = splitRow(lines[start]!);
  const align: TableAlign[] = splitRow(lines[start + 1]!).map((cell) => {
    const left = cell.startsWith(':');
    const right = cell.endsWith(':');
    return left && right ? 'center' : right ? 'right' : left ? 'left' : null;
  });
  const rows: string[][] = [];
  let at = start + 2;
  while (at < lines.length) {
    const line = lines[at]!;
    if (isBlank(line) || interrupts(line, lines[at + 1])) break;
    const cells = splitRow(line);
    rows.push(head.map((_, column) => cells[column] ?? ''));
    at++;
  }
  return {
    node: {
      type: 'table',
      align,
      head: head.map((cell) => parseInline(cell)),
      rows: rows.map((row) => row.map((cell) => parseInline(cell))),
    },
    start,
    end: at,
  };
}

function parseParagraph(lines: string[], start: number): Parsed {
  const parts = [lines[start]!];
  let at = start + 1;
  while (at < lines.length) {
    const line = lines[at]!;
    if (isBlank(line)) break;
    const underline = setextUnderline.exec(line);
    if (underline) {
      const text = parts
        .map((part) => part.trimStart())
        .join('\n')
        .trim();
      const level = underline[1]![0] === '=' ? 1 : 2;
      return { node: { type: 'heading', level, children: parseInline(text) }, start, end: at + 1 };
    }
    if (interrupts(line, lines[at + 1])) break;
    parts.push(line);
    at++;
  }
  const text = parts
    .map((part) => part.trimStart())
    .join('\n')
    .trimEnd();
  return { node: { type: 'paragraph', children: parseInline(text) }, start, end: at };
}

// Deeper quotes and lists are shown as text: the parser and React both recurse per level.
const maxDepth = 32;

function parseLines(lines: string[], depth: number): Parsed[] {
  if (depth > maxDepth) {
    const text = lines.join('\n').trim();
    return text === ''
      ? []
      : [
          {
            node: { type: 'paragraph', children: [{ type: 'text', value: text }] },
            start: 0,
            end: lines.length,
          },
        ];
  }
  const blocks: Parsed[] = [];
  let at = 0;
  while (at < lines.length) {
    const line = lines[at]!;
    if (isBlank(line)) {
      at++;
      continue;
    }
    let parsed: Parsed;
    if (indentOf(line) >= 4) parsed = parseIndented(lines, at);
    else if (fence(line)) parsed = parseFenced(lines, at);
    else if (atxHeading.test(line)) parsed = parseHeading(lines, at);
    else if (thematicBreak.test(line))
      parsed = { node: { type: 'thematicBreak' }, start: at, end: at + 1 };
    else if (quoteLine.test(line)) parsed = parseQuote(lines, at, depth);
    else if (listMarker(line)) parsed = parseList(lines, at, depth);
    else if (isTableStart(line, lines[at + 1])) parsed = parseTable(lines, at);
    else parsed = parseParagraph(lines, at);
    blocks.push(parsed);
    at = Math.max(parsed.end, at + 1);
  }
  return blocks;
}

function parseAll(source: string): SourceBlock[] {
  const lines: string[] = [];
  const offsets: number[] = [];
  const lineBreak = /\r\n?|\n/g;
  let start = 0;
  for (let match = lineBreak.exec(source); match; match = lineBreak.exec(source)) {
    lines.push(expandIndent(source.slice(start, match.index)));
    offsets.push(start);
    start = match.index + match[0].length;
  }
  lines.push(expandIndent(source.slice(start)));
  offsets.push(start);
  return parseLines(lines, 0).map(({ node, start: line, end }) => ({
    source: lines.slice(line, end).join('\n'),
    offset: offsets[line]!,
    node,
  }));
}

/**
 * Parses markdown into top-level blocks, each with the source lines it came from, so a
 * renderer can keep the rendering of every block whose text did not change.
 *
 * Given the result for an earlier text that `source` extends (a stream), only the last two
 * blocks are parsed again: text appended at the end cannot change blocks before them.
 */
export function parseBlocks(source: string, previous?: ParsedMarkdown): SourceBlock[] {
  if (!previous || !source.startsWith(previous.source) || previous.blocks.length < 3) {
    return parseAll(source);
  }
  const kept = previous.blocks.slice(0, -2);
  const from = previous.blocks[previous.blocks.length - 2]!.offset;
  const rest = parseAll(source.slice(from)).map((block) => ({
    ...block,
    offset: block.offset + from,
  }));
  return kept.concat(rest);
}
