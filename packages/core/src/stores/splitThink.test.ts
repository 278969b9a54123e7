import { describe, expect, it } from 'vitest';
import { splitThink } from './splitThink.js';

describe('splitThink', () => {
  it('returns plain text unchanged', () => {
    expect(splitThink('Hello <b>world</b>')).toEqual({
      content: 'Hello <b>world</b>',
      reasoning: '',
      thinking: false,
    });
  });

  it('separates a leading think block the way gateways send it', () => {
    expect(splitThink('<think>\nLet me see.\n</think>\nThe answer is 4.')).toEqual({
      content: 'The answer is 4.',
      reasoning: 'Let me see.\n',
      thinking: false,
    });
  });

  it('treats an unclosed block as reasoning in progress', () => {
    expect(splitThink('<think>\nStill wor')).toEqual({
      content: '',
      reasoning: 'Still wor',
      thinking: true,
    });
  });

  it('holds back a half-received opening tag', () => {
    expect(splitThink('Hi <thi').content).toBe('Hi ');
    expect(splitThink('Hi <thi').thinking).toBe(false);
  });

  it('holds back a half-received closing tag', () => {
    expect(splitThink('<think>abc</thi')).toEqual({
      content: '',
      reasoning: 'abc',
      thinking: true,
    });
  });

  it('gives the same result whatever the chunking, once complete', () => {
    const full = '<think>\nstep 1\nstep 2\n</think>\n\nDone.';
    for (let cut = 0; cut <= full.length; cut++) {
      const partial = splitThink(full.slice(0, cut));
      expect('Done.'.startsWith(partial.content)).toBe(true);
    }
    expect(splitThink(full)).toEqual({
      content: 'Done.',
      reasoning: 'step 1\nstep 2\n',
      thinking: false,
    });
  });

  it('collects several blocks', () => {
    expect(splitThink('<think>a</think>x <think>b</think>y')).toEqual({
      content: 'x y',
      reasoning: 'ab',
      thinking: false,
    });
  });
});
