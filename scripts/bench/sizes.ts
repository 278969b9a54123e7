// Part 2 of `pnpm bench`: our bundle sizes next to what users would pick instead, measured the
// same way as the size gate (scripts/sizes.ts). Only the comparison lives here, never budgets.
import { measureSizes, SIZE_ENTRIES, type SizeEntry, type SizeResult } from '../sizes.js';

/** One row of the comparison: our entry and the alternative doing the same job. */
interface Pair {
  job: string;
  ours: SizeEntry;
  theirs: SizeEntry;
}

// Budgets do not apply to a comparison; the gate owns them.
const unbudgeted = (name: string, code: string): SizeEntry => ({ name, code, budget: Infinity });

const PAIRS: Pair[] = [
  {
    job: 'chat hook: useChat',
    ours: unbudgeted('@aitre/react useChat', `export { useChat } from '@aitre/react';`),
    theirs: unbudgeted('@ai-sdk/react useChat', `export { useChat } from '@ai-sdk/react';`),
  },
  {
    job: 'streaming chat call',
    ours: unbudgeted(
      '@aitre/core client',
      SIZE_ENTRIES.find((e) => e.name === 'client: streaming chat call')?.code ?? '',
    ),
    theirs: unbudgeted(
      'openai client',
      `
      import OpenAI from 'openai';
      const client = new OpenAI({ baseURL: 'https://gateway.example/v1', apiKey: 'key', dangerouslyAllowBrowser: true });
      const stream = await client.chat.completions.create({
        model: 'gpt-4o-mini',
        stream: true,
        messages: [{ role: 'user', content: 'Hello' }],
      });
      for await (const chunk of stream) console.log(chunk.choices[0]?.delta?.content);
    `,
    ),
  },
];

/** Entries without an alternative, shown for completeness. */
const SOLO: SizeEntry[] = [
  unbudgeted('all of @aitre/react', `export * from '@aitre/react';`),
  unbudgeted(
    '<Chat /> (@aitre/ui)',
    `import { createElement } from 'react'; import { Chat } from '@aitre/ui'; export const app = createElement(Chat);`,
  ),
];

/** Gzipped sizes, ours next to the alternative; results are in table order. */
export async function runSizeComparison(): Promise<SizeResult[]> {
  return measureSizes([...PAIRS.flatMap((p) => [p.ours, p.theirs]), ...SOLO]);
}

const bytes = (r: SizeResult | undefined) =>
  r?.gzip === undefined ? `failed: ${r?.error ?? 'missing'}` : r.gzip.toLocaleString('en-US');

/** The comparison as a Markdown table. */
export function sizeTable(results: SizeResult[]): string {
  const by = new Map(results.map((r) => [r.name, r]));
  const lines = [
    '### Bundle size (esbuild, minified, gzip -9; react, react-dom, radix external)',
    '',
    '| job | ours, bytes | alternative | alternative, bytes | alternative ÷ ours |',
    '| --- | ---: | --- | ---: | ---: |',
  ];
  for (const { job, ours, theirs } of PAIRS) {
    const a = by.get(ours.name);
    const b = by.get(theirs.name);
    const ratio = a?.gzip && b?.gzip ? `${(b.gzip / a.gzip).toFixed(2)}x` : '-';
    lines.push(`| ${job} | ${bytes(a)} | ${theirs.name} | ${bytes(b)} | ${ratio} |`);
  }
  for (const entry of SOLO)
    lines.push(`| ${entry.name} | ${bytes(by.get(entry.name))} | - | - | - |`);
  return lines.join('\n');
}
