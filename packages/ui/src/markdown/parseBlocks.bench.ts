import { bench, describe } from 'vitest';
import type { ParsedMarkdown } from './ast.js';
import { parseBlocks } from './parseBlocks.js';

const section = [
  '## Section',
  '',
  'Some *text* with `code`, a [link](https://example.com) and **bold** words.',
  '',
  '- item one',
  '- item two with _emphasis_',
  '  continued',
  '',
  '```ts',
  'const a = 1;',
  '```',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '',
  '',
].join('\n');
// About 20 KB, streamed in 40-character chunks.
const doc = section.repeat(90);
const chunk = 40;

describe('streaming a 20 KB answer in 40-character chunks', () => {
  bench('parse from scratch on every chunk', () => {
    for (let end = chunk; end <= doc.length; end += chunk) parseBlocks(doc.slice(0, end));
  });

  bench('parse incrementally', () => {
    let previous: ParsedMarkdown | undefined;
    for (let end = chunk; end <= doc.length; end += chunk) {
      const source = doc.slice(0, end);
      previous = { source, blocks: parseBlocks(source, previous) };
    }
  });
});
