'use client';
import type { ReactNode } from 'react';
import { useBaseMessages } from '../locale/useBaseMessages.js';

/** Props of {@link MarkdownTable}. */
export interface MarkdownTableProps {
  /** The header row. */
  head: ReactNode;
  /** The body rows. */
  rows: ReactNode[];
}

/** A markdown table in a labelled region that scrolls sideways and takes keyboard focus. */
export function MarkdownTable({ head, rows }: MarkdownTableProps) {
  const messages = useBaseMessages();
  return (
    <section
      className="aitre-md-table-scroll"
      data-slot="table-scroll"
      aria-label={messages.markdown.table}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users must be able to scroll it
      tabIndex={0}
    >
      <table className="aitre-md-table">
        <thead>{head}</thead>
        <tbody>{rows}</tbody>
      </table>
    </section>
  );
}
