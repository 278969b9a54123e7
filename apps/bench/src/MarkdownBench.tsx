// Part 4: a 20 KB markdown answer rendered prefix by prefix (the frames of a stream), by our
// <Markdown> and by react-markdown, on exactly the same prefixes.
import { Markdown } from '@aitre/ui';
import { createElement, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import ReactMarkdown from 'react-markdown';
import { nextTask } from './streams.js';
import { markdownDocument, tokenize } from './tokens.js';

/** Frames the answer is cut into. */
export const MARKDOWN_FRAMES = 250;
/** Size of the answer, bytes. */
export const MARKDOWN_BYTES = 20_000;

/** Render and layout time of one pass over all frames. */
export interface MarkdownRun {
  /** Summed React render + commit time (flushSync), ms. */
  renderMs: number;
  /** Summed style + layout time forced after each commit, ms. */
  layoutMs: number;
  /** Bytes of the final answer. */
  bytes: number;
}

function prefixes(): string[] {
  const tokens = tokenize(markdownDocument(MARKDOWN_BYTES));
  return Array.from({ length: MARKDOWN_FRAMES }, (_, f) =>
    tokens.slice(0, Math.ceil(((f + 1) * tokens.length) / MARKDOWN_FRAMES)).join(''),
  );
}

function view(kind: 'ours' | 'react-markdown', source: string, streaming: boolean): ReactNode {
  return kind === 'ours'
    ? createElement(Markdown, { source, streaming })
    : createElement(ReactMarkdown, null, source);
}

/** Renders every prefix in turn, one task per frame, and sums the time spent. */
export async function runMarkdown(kind: 'ours' | 'react-markdown'): Promise<MarkdownRun> {
  const frames = prefixes();
  const host = document.createElement('div');
  host.className = 'aitre-root';
  document.getElementById('root')?.append(host);
  const root = createRoot(host);
  let renderMs = 0;
  let layoutMs = 0;
  for (const [index, source] of frames.entries()) {
    await nextTask();
    const t0 = performance.now();
    flushSync(() => root.render(view(kind, source, index < frames.length - 1)));
    const t1 = performance.now();
    void host.offsetHeight;
    renderMs += t1 - t0;
    layoutMs += performance.now() - t1;
  }
  root.unmount();
  host.remove();
  return { renderMs, layoutMs, bytes: frames.at(-1)?.length ?? 0 };
}
