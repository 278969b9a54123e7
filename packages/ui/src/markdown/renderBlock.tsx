'use client';
import { createElement, type ReactNode } from 'react';
import type { BlockNode, InlineNode, ListItemNode, TableAlign } from './ast.js';
import { CodeBlock } from './CodeBlock.js';
import { MarkdownImage } from './MarkdownImage.js';
import { MarkdownTable } from './MarkdownTable.js';
import { TaskCheckbox } from './TaskCheckbox.js';

/** What the renderer needs from the host. */
export interface RenderOptions {
  /** Called with an image's URL and alt text when the user activates it. */
  onImageClick?: (src: string, alt: string) => void;
  /** True inside a link, where images must not become buttons. */
  inLink?: boolean;
}

// Children are passed as arguments, not as an array: positional children need no keys, and a
// parsed block never reorders its own children.
function element(type: string, props: Record<string, unknown> | null, children: ReactNode[]) {
  return createElement(type, props, ...children);
}

function renderInlineNode(node: InlineNode, options: RenderOptions): ReactNode {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'break':
      return element('br', null, []);
    case 'code':
      return element('code', { className: 'aitre-md-code' }, [node.value]);
    case 'emphasis':
      return element('em', { className: 'aitre-md-em' }, renderInline(node.children, options));
    case 'strong':
      return element(
        'strong',
        { className: 'aitre-md-strong' },
        renderInline(node.children, options),
      );
    case 'strikethrough':
      return element('del', { className: 'aitre-md-del' }, renderInline(node.children, options));
    case 'link':
      return element(
        'a',
        {
          className: 'aitre-md-link',
          href: node.href,
          title: node.title ?? undefined,
          target: '_blank',
          rel: 'noopener noreferrer',
        },
        // A button inside a link would nest interactive elements: the link wins.
        renderInline(node.children, { ...options, onImageClick: undefined, inLink: true }),
      );
    case 'image':
      return createElement(MarkdownImage, {
        src: node.src,
        alt: node.alt,
        title: node.title,
        onImageClick: options.onImageClick,
        inLink: options.inLink,
      });
  }
}

/** Renders inline nodes to React elements; text stays text, so nothing in it becomes markup. */
export function renderInline(nodes: InlineNode[], options: RenderOptions): ReactNode[] {
  return nodes.map((node) => renderInlineNode(node, options));
}

function renderItem(item: ListItemNode, tight: boolean, options: RenderOptions): ReactNode {
  // Tight lists show their paragraphs without <p>, as CommonMark renders them.
  const content = item.children.flatMap((child) =>
    tight && child.type === 'paragraph'
      ? renderInline(child.children, options)
      : [renderBlock(child, options)],
  );
  if (item.checked === null) return element('li', { className: 'aitre-md-li' }, content);
  const box = createElement(TaskCheckbox, { checked: item.checked });
  return element(
    'li',
    { className: 'aitre-md-li', 'data-task': item.checked ? 'checked' : 'unchecked' },
    [box, ' ', ...content],
  );
}

function renderRow(
  cells: InlineNode[][],
  align: TableAlign[],
  tag: 'th' | 'td',
  options: RenderOptions,
  key?: number,
) {
  return element(
    'tr',
    { className: 'aitre-md-tr', key },
    cells.map((cell, column) =>
      element(
        tag,
        { className: `aitre-md-${tag}`, style: { textAlign: align[column] ?? undefined } },
        renderInline(cell, options),
      ),
    ),
  );
}

/** Renders one block node (and its children) to React elements. */
export function renderBlock(node: BlockNode, options: RenderOptions): ReactNode {
  switch (node.type) {
    case 'paragraph':
      return element('p', { className: 'aitre-md-p' }, renderInline(node.children, options));
    case 'heading':
      return element(
        `h${node.level}`,
        { className: `aitre-md-h${node.level}` },
        renderInline(node.children, options),
      );
    case 'thematicBreak':
      return element('hr', { className: 'aitre-md-hr' }, []);
    case 'blockquote':
      return element(
        'blockquote',
        { className: 'aitre-md-blockquote' },
        node.children.map((child) => renderBlock(child, options)),
      );
    case 'list':
      return element(
        node.ordered ? 'ol' : 'ul',
        {
          className: node.ordered ? 'aitre-md-ol' : 'aitre-md-ul',
          start: node.ordered && node.start !== 1 ? node.start : undefined,
          'data-tight': node.tight || undefined,
        },
        node.items.map((item) => renderItem(item, node.tight, options)),
      );
    case 'code':
      return createElement(CodeBlock, { code: node.value, language: node.language });
    case 'table':
      return createElement(MarkdownTable, {
        head: renderRow(node.head, node.align, 'th', options),
        rows: node.rows.map((row, index) => renderRow(row, node.align, 'td', options, index)),
      });
  }
}
