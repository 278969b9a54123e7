import { describe, expect, it } from 'vitest';
import { baseMessages } from './baseMessages.js';
import { enAreas } from './enAreas.js';
import { enBase } from './enBase.js';
import { messages } from './locales.js';
import { zhCNAreas } from './zhCNAreas.js';
import { zhCNBase } from './zhCNBase.js';

describe('the split message tables', () => {
  it('make up the whole table of each locale, each group in exactly one part', () => {
    for (const [tag, base, areas] of [
      ['en', enBase, enAreas],
      ['zh-CN', zhCNBase, zhCNAreas],
    ] as const) {
      const shared = Object.keys(base).filter((group) => group in areas);
      expect(shared, tag).toEqual([]);
      expect({ ...base, ...areas }, tag).toEqual(messages[tag]);
      expect(baseMessages[tag], tag).toBe(base);
    }
  });

  it('keep what the chat reads in the base part and the other components apart', () => {
    expect(Object.keys(enBase).sort()).toEqual(
      ['chat', 'common', 'errors', 'language', 'markdown', 'models', 'theme', 'validation'].sort(),
    );
    expect(Object.keys(enAreas).sort()).toEqual(
      ['audio', 'embeddings', 'images', 'midjourney', 'speech'].sort(),
    );
  });
});
