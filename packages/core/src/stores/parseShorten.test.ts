import { describe, expect, it } from 'vitest';
import { parseShorten } from './parseShorten.js';

const TEXT =
  '## Important tokens\n**appdash** **appdash**, in the ~~style~~ of ~~expert~~ **draftsmanship**, commission for, ethereal, dreamlike quality, ~~dadaistic~~, **toonami**\n## Shortened prompts\n1️⃣ appdash appdash, draftsmanship, commission for, ethereal, toonami\n\n2️⃣ appdash appdash, draftsmanship, commission, toonami\n\n3️⃣ appdash appdash, draftsmanship, toonami\n\n4️⃣ appdash appdash, toonami\n\n5️⃣ appdash appdash';

describe('parseShorten', () => {
  it('reads five suggestions and the important and removed tokens', () => {
    const result = parseShorten({ description: '提交成功', properties: { finalPrompt: TEXT } });
    expect(result.suggestions).toEqual([
      'appdash appdash, draftsmanship, commission for, ethereal, toonami',
      'appdash appdash, draftsmanship, commission, toonami',
      'appdash appdash, draftsmanship, toonami',
      'appdash appdash, toonami',
      'appdash appdash',
    ]);
    expect(result.important).toEqual(['appdash', 'draftsmanship', 'toonami']);
    expect(result.removed).toEqual(['style', 'expert', 'dadaistic']);
  });

  it('falls back to the description when finalPrompt is absent', () => {
    expect(parseShorten({ description: TEXT, properties: {} }).suggestions).toHaveLength(5);
  });

  it('stops at the next header and answers empty lists without the section', () => {
    expect(
      parseShorten({
        description: '',
        properties: { finalPrompt: '## Shortened prompts\n1️⃣ a\n2️⃣ b\n## Details\nx' },
      }).suggestions,
    ).toEqual(['a', 'b']);
    expect(parseShorten({ description: 'Submit success', properties: {} })).toEqual({
      suggestions: [],
      important: [],
      removed: [],
    });
  });
});
