// Part 2 of `pnpm bench`: our bundle sizes next to what users would pick instead, measured the
// same way as the size gate (scripts/sizes.ts). Only the comparison lives here, never budgets.
import { measureSizes, type SizeEntry, type SizeResult } from '../sizes.js';

/** One row of the comparison: our entry and the alternative doing the same job. */
interface Pair {
  job: string;
  ours: SizeEntry;
  theirs: SizeEntry;
}

// Budgets do not apply to a comparison; the gate owns them.
const unbudgeted = (name: string, code: string): SizeEntry => ({ name, code, budget: Infinity });

// The same call for every client: one streamed answer, printed chunk by chunk.
const STREAM_CALL = `
  const stream = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    stream: true,
    messages: [{ role: 'user', content: 'Hello' }],
  });
  for await (const chunk of stream) console.log(chunk.choices[0]?.delta?.content);
`;

const aiSdkUseChat = unbudgeted(
  '@ai-sdk/react useChat',
  `export { useChat } from '@ai-sdk/react';`,
);

const openaiCall = unbudgeted(
  'openai client',
  `
      import OpenAI from 'openai';
      const client = new OpenAI({ baseURL: 'https://gateway.example/v1', apiKey: 'key', dangerouslyAllowBrowser: true });
      ${STREAM_CALL}
    `,
);

const PAIRS: Pair[] = [
  {
    job: 'useChat import',
    ours: unbudgeted('@aitre/react useChat', `export { useChat } from '@aitre/react';`),
    theirs: aiSdkUseChat,
  },
  {
    // The AI SDK's hook brings its HTTP transport; ours gets its client from the app.
    job: 'useChat with the client it needs',
    ours: unbudgeted(
      '@aitre/react useChat + createChatClient',
      `
      import { createChatClient } from '@aitre/core';
      import { useChat } from '@aitre/react';
      const client = createChatClient({ baseURL: 'https://gateway.example' });
      export const useAppChat = () => useChat({ model: 'gpt-4o-mini', client });
    `,
    ),
    theirs: aiSdkUseChat,
  },
  {
    job: 'streaming chat call (createChatClient)',
    ours: unbudgeted(
      '@aitre/core createChatClient',
      `
      import { createChatClient } from '@aitre/core';
      const client = createChatClient({ baseURL: 'https://gateway.example' });
      ${STREAM_CALL}
    `,
    ),
    theirs: openaiCall,
  },
  {
    job: 'streaming chat call (createClient, every endpoint)',
    ours: unbudgeted(
      '@aitre/core createClient',
      `
      import { createClient } from '@aitre/core';
      const client = createClient({ baseURL: 'https://gateway.example' });
      ${STREAM_CALL}
    `,
    ),
    theirs: openaiCall,
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
  const entries = [...PAIRS.flatMap((p) => [p.ours, p.theirs]), ...SOLO];
  return measureSizes(entries.filter((entry, i) => entries.indexOf(entry) === i));
}

const bytes = (r: SizeResult | undefined) =>
  r?.gzip === undefined ? `failed: ${r?.error ?? 'missing'}` : r.gzip.toLocaleString('en-US');

/** The comparison as a Markdown table. */
export function sizeTable(results: SizeResult[]): string {
  const by = new Map(results.map((r) => [r.name, r]));
  const lines = [
    '### Bundle size (esbuild, minified, gzip -9 bytes; react, react-dom, radix external; zod, a peer of the AI SDK, bundled)',
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
