import { describe, expect, it } from 'vitest';
import type { ParsedMarkdown } from './ast.js';
import { parseBlocks } from './parseBlocks.js';

describe('parseBlocks', () => {
  it('splits top-level blocks and keeps each block source without blank lines around it', () => {
    const blocks = parseBlocks('# Title\n\n\npara\nline two\n\n- a\n- b\n\n```js\nx\n\ny\n```\n');
    expect(blocks.map((block) => block.node.type)).toEqual([
      'heading',
      'paragraph',
      'list',
      'code',
    ]);
    expect(blocks.map((block) => block.source)).toEqual([
      '# Title',
      'para\nline two',
      '- a\n- b',
      '```js\nx\n\ny\n```',
    ]);
  });

  it('keeps the source of earlier blocks unchanged as text is appended', () => {
    const full = 'Intro\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n\nend';
    const final = parseBlocks(full).map((block) => block.source);
    for (let length = 1; length <= full.length; length++) {
      const partial = parseBlocks(full.slice(0, length)).map((block) => block.source);
      // Every block but the last one being written is already final.
      for (const [index, source] of partial.slice(0, -1).entries()) {
        expect(source).toBe(final[index]);
      }
    }
  });

  it('parses an unclosed fence to the end of the text', () => {
    const [block] = parseBlocks('```rust\nfn main() {}\n');
    expect(block!.node).toEqual({ type: 'code', language: 'rust', value: 'fn main() {}\n' });
  });

  it('reads the list start, task state and looseness', () => {
    const [block] = parseBlocks('7. [x] done\n\n8. [ ] next');
    expect(block!.node).toMatchObject({
      type: 'list',
      ordered: true,
      start: 7,
      tight: false,
      items: [{ checked: true }, { checked: false }],
    });
  });

  it('does not let an ordered list other than 1 interrupt a paragraph', () => {
    const blocks = parseBlocks('The year\n2024. was good');
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.node.type).toBe('paragraph');
  });

  it('treats a table row without a delimiter row as a paragraph', () => {
    expect(parseBlocks('a | b\nc | d')[0]!.node.type).toBe('paragraph');
  });

  it('parses long runs of emphasis markers without blowing up', () => {
    const blocks = parseBlocks(`${'*a '.repeat(2000)}${'_'.repeat(3000)}`);
    expect(blocks).toHaveLength(1);
  });

  it('continues a paragraph lazily in quotes and lists, but not after code', () => {
    expect(parseBlocks('> quoted\nlazy').map((block) => block.node.type)).toEqual(['blockquote']);
    expect(parseBlocks('> ```\n> x\n> ```\nafter').map((block) => block.node.type)).toEqual([
      'blockquote',
      'paragraph',
    ]);
    const [list] = parseBlocks('- a\n  - b\nlazy');
    expect(list!.source).toBe('- a\n  - b\nlazy');
    expect(parseBlocks('- ```\n  x\n  ```\nafter')).toHaveLength(2);
  });

  it('gives the same blocks incrementally as from scratch at every length of a stream', () => {
    const full = [
      '# Title\n\npara\n#not heading\n',
      '> quote\nlazy\n\n- a\n  - b\nlazy\n- [x] c\n\n',
      'x | y\n--|--\n1 | 2\n\n',
      '```js\ncode\n```\n\n    indented\n\nText\n===\n\n***\n',
    ].join('');
    let previous: ParsedMarkdown | undefined;
    for (let length = 0; length <= full.length; length++) {
      const text = full.slice(0, length);
      const incremental = parseBlocks(text, previous);
      expect(incremental).toEqual(parseBlocks(text));
      previous = { source: text, blocks: incremental };
    }
  });

  it('parses from scratch when the text does not extend the previous one', () => {
    const previous = { source: 'a\n\nb\n\nc\n\nd', blocks: parseBlocks('a\n\nb\n\nc\n\nd') };
    expect(parseBlocks('x\n\ny\n\nz\n\nw', previous)).toEqual(parseBlocks('x\n\ny\n\nz\n\nw'));
  });

  it('shows quotes and lists nested beyond 32 levels as text instead of recursing further', () => {
    const [quote] = parseBlocks(`${'> '.repeat(5000)}deep`);
    let node = quote!.node;
    let depth = 0;
    while (node.type === 'blockquote') {
      node = node.children[0]!;
      depth++;
    }
    expect(depth).toBe(33);
    expect(node.type).toBe('paragraph');
    expect(parseBlocks(`${'- '.repeat(5000)}x`)).toHaveLength(1);
  });
});
