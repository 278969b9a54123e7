import { describe, expect, it } from 'vitest';
import { ThinkTagSplitter } from './ThinkTagSplitter.js';

function split(pieces: string[]): { content: string; reasoning: string } {
  const think = new ThinkTagSplitter();
  let content = '';
  let reasoning = '';
  for (const piece of pieces) {
    think.push(piece);
    content += think.content;
    reasoning += think.reasoning;
  }
  think.flush();
  return { content: content + think.content, reasoning: reasoning + think.reasoning };
}

describe('ThinkTagSplitter', () => {
  it('passes text without tags straight through', () => {
    expect(split(['Hello', ' world'])).toEqual({ content: 'Hello world', reasoning: '' });
  });

  it('moves a think block to reasoning and drops the newlines around it', () => {
    expect(split(['<think>\nLet me see.\n</think>\n\nThe answer is 4.'])).toEqual({
      content: 'The answer is 4.',
      reasoning: 'Let me see.\n',
    });
  });

  it('handles tags split across pieces at every position', () => {
    const text = '<think>plan</think>Done.';
    for (let a = 1; a < text.length; a++) {
      for (let b = a + 1; b < text.length; b++) {
        expect(split([text.slice(0, a), text.slice(a, b), text.slice(b)])).toEqual({
          content: 'Done.',
          reasoning: 'plan',
        });
      }
    }
  });

  it('releases an unfinished tag-like tail as text at the end', () => {
    expect(split(['a < b and a <th'])).toEqual({ content: 'a < b and a <th', reasoning: '' });
  });

  it('counts an unclosed block as reasoning', () => {
    const think = new ThinkTagSplitter();
    think.push('<think>still going');
    expect(think.thinking).toBe(true);
    expect(think.reasoning).toBe('still going');
    expect(think.content).toBe('');
  });
});
