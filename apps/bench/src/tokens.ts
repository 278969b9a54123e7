// Deterministic bench content: the same tokens and the same markdown on every run.

/** Deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  ' the',
  ' model',
  ' streams',
  ' tokens',
  ' and',
  ' each',
  ' delta',
  ' carries',
  ' a',
  ' few',
  ' characters',
  ' of',
  ' text',
  ' **bold**',
  ' `code`',
  ' render',
  ' frame',
  ',',
  '.',
];

/** The last token: unique, so its arrival on screen can be detected. */
export const LAST_TOKEN = ' zzend.';

/** `count` tokens of answer text (a paragraph break every ~60 tokens), ending in LAST_TOKEN. */
export function answerTokens(count: number): string[] {
  const random = prng(6);
  const tokens: string[] = [];
  for (let i = 0; i < count - 1; i++) {
    tokens.push(i % 60 === 59 ? '\n\n' : (WORDS[Math.floor(random() * WORDS.length)] ?? ''));
  }
  tokens.push(LAST_TOKEN);
  return tokens;
}

/** One earlier answer of the long thread: a heading, a list, code and a paragraph. */
export function historyAnswer(index: number): string {
  return [
    `### Answer ${index}`,
    '',
    `Here is **item ${index}** with \`inline code\` and a [link](https://example.com/${index}).`,
    '',
    '- first point of the list',
    `- second point, number ${index * 2}`,
    '- third point with *emphasis*',
    '',
    '```ts',
    `const value${index} = compute(${index});`,
    `console.log(value${index});`,
    '```',
    '',
    'A closing paragraph that wraps over a couple of lines in a narrow column so layout has some work to do.',
  ].join('\n');
}

const LANGS = ['ts', 'python', 'bash'];

/** A markdown answer of at least `bytes` bytes: sections with paragraphs, lists, code and tables. */
export function markdownDocument(bytes: number): string {
  const random = prng(20);
  const word = () => (WORDS[Math.floor(random() * WORDS.length)] ?? ' x').trimStart();
  const sentence = (n: number) =>
    Array.from({ length: n }, word)
      .join(' ')
      .replace(/ ([,.])/g, '$1');
  const parts: string[] = [];
  let size = 0;
  for (let section = 1; size < bytes; section++) {
    const lang = LANGS[section % LANGS.length] ?? 'ts';
    const block = [
      `## Section ${section}`,
      '',
      `${sentence(40)}. ${sentence(25)}.`,
      '',
      `1. ${sentence(8)}`,
      `2. ${sentence(10)}`,
      `   - nested ${sentence(5)}`,
      `3. ${sentence(6)}`,
      '',
      `\`\`\`${lang}`,
      `function step${section}(input) {`,
      `  const result = input.map((x) => x * ${section});`,
      '  return result.filter(Boolean);',
      '}',
      '```',
      '',
      '| name | value | note |',
      '| --- | ---: | --- |',
      `| alpha | ${section} | ${sentence(3)} |`,
      `| beta | ${section * 2} | ${sentence(4)} |`,
      `| gamma | ${section * 3} | ${sentence(2)} |`,
      '',
      `> ${sentence(12)}.`,
      '',
    ].join('\n');
    parts.push(block);
    size += block.length;
  }
  return parts.join('\n');
}

/** Splits text into stream-sized tokens (a word with its leading space, or punctuation). */
export function tokenize(text: string): string[] {
  return text.match(/\s*\S{1,6}|\s+/g) ?? [];
}
