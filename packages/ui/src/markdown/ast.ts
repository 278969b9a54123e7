/** Column alignment of a markdown table. */
export type TableAlign = 'left' | 'center' | 'right' | null;

/** An inline markdown node. */
export type InlineNode =
  | { type: 'text'; value: string }
  | { type: 'emphasis'; children: InlineNode[] }
  | { type: 'strong'; children: InlineNode[] }
  | { type: 'strikethrough'; children: InlineNode[] }
  | { type: 'code'; value: string }
  | { type: 'link'; href: string; title: string | null; children: InlineNode[] }
  | { type: 'image'; src: string; alt: string; title: string | null }
  | { type: 'break' };

/** One item of a markdown list; `checked` is null unless it is a task item. */
export interface ListItemNode {
  checked: boolean | null;
  children: BlockNode[];
}

/** A block-level markdown node. */
export type BlockNode =
  | { type: 'paragraph'; children: InlineNode[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: InlineNode[] }
  | { type: 'thematicBreak' }
  | { type: 'blockquote'; children: BlockNode[] }
  | { type: 'list'; ordered: boolean; start: number; tight: boolean; items: ListItemNode[] }
  | { type: 'code'; language: string | null; value: string }
  | {
      type: 'table';
      align: TableAlign[];
      head: InlineNode[][];
      rows: InlineNode[][][];
    };

/** A top-level block with the exact source text it was parsed from. */
export interface SourceBlock {
  /** The block's source lines; equal text means an equal rendering. */
  source: string;
  /** Offset in the whole text where the block's first line starts. */
  offset: number;
  node: BlockNode;
}

/** The result of parsing a text, reusable when the text grows. */
export interface ParsedMarkdown {
  source: string;
  blocks: SourceBlock[];
}
