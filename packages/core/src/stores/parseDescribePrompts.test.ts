import { describe, expect, it } from 'vitest';
import { parseDescribePrompts, splitNumbered } from './parseDescribePrompts.js';

const FOUR = '1️⃣ Cat --ar 5:4\n\n2️⃣ Cat2 --ar 5:4\n\n3️⃣ Cat3 --ar 5:4\n\n4️⃣ Cat4 --ar 5:4';

describe('parseDescribePrompts', () => {
  it('reads four prompts from properties.finalPrompt with keycaps stripped', () => {
    expect(
      parseDescribePrompts({ prompt: '', promptEn: '', properties: { finalPrompt: FOUR } }),
    ).toEqual(['Cat --ar 5:4', 'Cat2 --ar 5:4', 'Cat3 --ar 5:4', 'Cat4 --ar 5:4']);
  });

  it('falls back to promptEn, then prompt', () => {
    expect(parseDescribePrompts({ prompt: 'x', promptEn: FOUR, properties: {} })).toHaveLength(4);
    expect(parseDescribePrompts({ prompt: '1️⃣ a\n2️⃣ b', promptEn: '', properties: {} })).toEqual([
      'a',
      'b',
    ]);
  });

  it('handles CRLF lines and keycaps without the variation selector', () => {
    expect(splitNumbered('1\u20E3 one\r\n\r\n2\u20E3 two\r\nthree')).toEqual([
      'one',
      'two',
      'three',
    ]);
  });

  it('answers an empty list for a missing task', () => {
    expect(parseDescribePrompts(undefined)).toEqual([]);
  });
});
