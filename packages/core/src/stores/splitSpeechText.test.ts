import { describe, expect, it } from 'vitest';
import { splitSpeechText } from './splitSpeechText.js';

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** Splits and checks what every split must hold: parts within the limit, nothing lost or added. */
function split(text: string, maxBytes?: number): string[] {
  const parts = splitSpeechText(text, maxBytes);
  expect(parts.join('')).toBe(text);
  for (const part of parts) {
    expect(bytes(part)).toBeLessThanOrEqual(maxBytes ?? 4096);
    if (text) expect(part).not.toBe('');
    // No lone surrogate at either end of a part.
    expect(part).toBe(new TextDecoder().decode(new TextEncoder().encode(part)));
  }
  return parts;
}

describe('splitSpeechText', () => {
  it('keeps a text within the limit as one part, the empty text too', () => {
    expect(split('Hello there.')).toEqual(['Hello there.']);
    expect(split('')).toEqual(['']);
    expect(split('你'.repeat(1365))).toHaveLength(1);
  });

  it('keeps a text of exactly the limit in bytes whole and splits one byte more', () => {
    expect(split('a'.repeat(4096))).toEqual(['a'.repeat(4096)]);
    expect(split('a'.repeat(4097))).toEqual(['a'.repeat(4096), 'a']);
    // 1,365 three-byte characters make 4,095 bytes: one more ASCII letter fits, a fourth byte does not.
    expect(split(`${'你'.repeat(1365)}a`)).toHaveLength(1);
    expect(split(`${'你'.repeat(1365)}ab`)).toHaveLength(2);
  });

  it('cuts Chinese text after the last sentence end that fits', () => {
    const sentence = `${'这是一个测试'.repeat(9)}。`; // 55 characters, 165 bytes
    const text = sentence.repeat(40);
    const parts = split(text);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toBe(sentence.repeat(24)); // 24 * 165 = 3,960 bytes; 25 would be 4,125
    expect(parts.every((part) => part.endsWith('。'))).toBe(true);
  });

  it('takes closing quotes and the following spaces with the sentence end', () => {
    expect(split('他说：“好。”然后走了', 21)).toEqual(['他说：“好。”', '然后走了']);
    expect(split('One two. Three four five', 12)).toEqual(['One two. ', 'Three four ', 'five']);
  });

  it('does not treat a full stop inside a word or number as a sentence end', () => {
    expect(split('Pi is 3.14159 and e is 2.71828', 19)).toEqual([
      'Pi is 3.14159 and ',
      'e is 2.71828',
    ]);
  });

  it('falls back to clause marks, then spaces, before cutting anywhere', () => {
    expect(split('第一部分，第二部分，第三部分', 30)).toEqual(['第一部分，第二部分，', '第三部分']);
    expect(split('alpha, beta gamma delta', 14)).toEqual(['alpha, beta ', 'gamma delta']);
    expect(split('word '.repeat(5), 12)).toEqual(['word word ', 'word word ', 'word ']);
  });

  it('splits mixed English and Chinese by bytes', () => {
    const text = 'Hello 世界. '.repeat(400); // 15 bytes a sentence
    const parts = split(text);
    expect(parts.length).toBe(2);
    expect(parts[0]?.endsWith('. ')).toBe(true);
  });

  it('cuts text without any punctuation or space between characters', () => {
    const parts = split('字'.repeat(2000));
    expect(parts.map((part) => part.length)).toEqual([1365, 635]);
  });

  it('never cuts inside a surrogate pair when an emoji meets the boundary', () => {
    // 4,094 ASCII bytes, then a four-byte emoji: it would end at 4,098, so it starts the next part.
    const text = `${'a'.repeat(4094)}😀b`;
    expect(split(text)).toEqual(['a'.repeat(4094), '😀b']);
    const emoji = split('😀'.repeat(2000));
    expect(emoji.map((part) => part.length)).toEqual([2048, 1952]);
  });

  it('holds its guarantees on generated text of every kind of character', () => {
    const pieces = [
      'a',
      'Z',
      ' ',
      '.',
      '. ',
      '。',
      '，',
      '\n',
      'é',
      '你',
      '😀',
      '👍🏽',
      '!',
      '”',
      '3.1',
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed;
    };
    for (let round = 0; round < 200; round++) {
      let text = '';
      const length = next() % 300;
      for (let i = 0; i < length; i++) text += pieces[next() % pieces.length];
      split(text, 4 + (next() % 60));
    }
  });

  it('gives a character larger than a tiny limit a part of its own rather than looping', () => {
    expect(splitSpeechText('a😀b', 3)).toEqual(['a', '😀', 'b']);
  });
});
