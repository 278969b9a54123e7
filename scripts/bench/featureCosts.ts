// Part of `pnpm bench`: what the gateway-facing behaviour the issues require costs the `useChat`
// import (6,000 B goal). Each row measures the same app with that behaviour's module swapped
// for the smallest stand-in that keeps the exports, so the difference is its price; the last row
// swaps them all. Only the measure lives here: no stand-in ever ships.
import { measureSizes, type SizeEntry } from '../sizes.js';

const USE_CHAT = `
  import { createChatClient } from '@aitre/core';
  import { useChat } from '@aitre/react';
  const client = createChatClient({ baseURL: 'https://gateway.example' });
  export const useAppChat = () => useChat({ model: 'gpt-4o-mini', client });
`;

/** A behaviour, the module that holds it, and its stand-in. */
interface Feature {
  what: string;
  replace: Record<string, string>;
}

const FEATURES: Feature[] = [
  {
    what: 'gateway error bodies read in every shape ({error}, {message}, text, HTML)',
    replace: {
      'client/createApiError.ts': `
        import { ApiError } from '../errors.js';
        export const parseJsonOrText = (text: string): unknown => { try { return JSON.parse(text); } catch { return text; } };
        export const errorFields = (body: any): any => ({ message: String(body?.error?.message ?? body) });
        export const createApiError = ({ status, body }: any): ApiError =>
          new ApiError(String(body?.error?.message ?? status), { kind: 'upstream', retryable: false, status });
      `,
    },
  },
  {
    what: 'error kinds from code, type and message (quota, no channel, auth...)',
    replace: {
      'client/classifyError.ts': `export const classifyError = (_: unknown): any => ({ kind: 'upstream', retryable: false });`,
    },
  },
  {
    what: '<think> tags moved into the reasoning',
    replace: {
      'client/ThinkTagSplitter.ts': `export class ThinkTagSplitter { push(content: string) { return { content, reasoning: '' }; } end() { return { content: '', reasoning: '' }; } }`,
    },
  },
  {
    what: 'retry-after-ms / retry-after honoured',
    replace: {
      'client/retryDelay.ts': `export const retryAfterMs = (): undefined => undefined; export const retryDelay = (n: number): number => 500 * 2 ** n;`,
    },
  },
  {
    what: 'images found in markdown answers (gpt-4o-image)',
    replace: {
      'stores/extractMarkdownImages.ts':
        'export const extractMarkdownImages = (_: string): never[] => [];',
    },
  },
  {
    what: 'image attachments read from Blobs',
    replace: {
      'stores/toDataUrl.ts': `export const toDataUrl = async (_: Blob): Promise<string> => '';`,
    },
  },
  {
    what: 'one notification per animation frame',
    replace: {
      'stores/frameScheduler.ts':
        'export const frameScheduler = () => (notify: () => void) => { notify(); return () => {}; };',
    },
  },
  {
    what: 'the gateway request id moved out of messages',
    replace: {
      'client/stripRequestId.ts':
        'export const stripRequestId = (message: string) => ({ message });',
    },
  },
];

/** One row: the behaviour and the gzip bytes it adds to `useChat` with its client. */
export type FeatureCost = { what: string; bytes: number | undefined };

/** Measures every row, then all stand-ins at once; `base` is the real import. */
export async function runFeatureCosts(): Promise<{
  base: number | undefined;
  rows: FeatureCost[];
}> {
  const entry = (name: string, replace?: Record<string, string>): SizeEntry => ({
    name,
    code: USE_CHAT,
    budget: Infinity,
    ...(replace && { replace }),
  });
  const all = Object.assign({}, ...FEATURES.map((f) => f.replace));
  const results = await measureSizes([
    entry('base'),
    ...FEATURES.map((f) => entry(f.what, f.replace)),
    entry('all of the above', all),
  ]);
  const base = results[0]?.gzip;
  const rows = results.slice(1).map((r) => ({
    what: r.name,
    bytes: base !== undefined && r.gzip !== undefined ? base - r.gzip : undefined,
  }));
  return { base, rows };
}

/** The costs as a Markdown table. */
export function featureCostTable({
  base,
  rows,
}: Awaited<ReturnType<typeof runFeatureCosts>>): string {
  const num = (n: number | undefined) => (n === undefined ? 'failed' : n.toLocaleString('en-US'));
  return [
    `### What useChat with createChatClient (${num(base)} B gzip, goal 6,000) spends on each behaviour`,
    '',
    '| behaviour (swapped for a one-line stand-in) | B gzip |',
    '| --- | ---: |',
    ...rows.map((r) => `| ${r.what} | ${num(r.bytes)} |`),
  ].join('\n');
}
