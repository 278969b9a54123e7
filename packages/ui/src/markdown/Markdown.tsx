'use client';
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
} from 'react';
import { cx } from '../shared/cx.js';
import type { BlockNode, ParsedMarkdown } from './ast.js';
import { type ImageOrigins, ImageOriginsContext } from './imageOrigins.js';
import { parseBlocks } from './parseBlocks.js';
import { type RenderOptions, renderBlock } from './renderBlock.js';

/** Props of {@link Markdown}. */
export interface MarkdownProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The markdown text; raw HTML in it is shown as text. */
  source: string;
  /** True while `source` is still growing. @selector [data-streaming] */
  streaming?: boolean;
  /** Called with an image's URL and alt text when the user activates it (e.g. a lightbox). */
  onImageClick?: (src: string, alt: string) => void;
  /**
   * Origins images may load from; others show a placeholder naming the host, and load only when
   * the user activates it. The page's origin, `data:` and `blob:` are always allowed. Default: the
   * enclosing chat's policy, else `'any'`.
   */
  imageOrigins?: ImageOrigins;
}

interface BlockProps extends RenderOptions {
  source: string;
  node: BlockNode;
}

// Equal source text renders equally, so a finished block is skipped while the stream goes on.
const Block = memo(
  function Block({ node, onImageClick }: BlockProps) {
    return renderBlock(node, { onImageClick });
  },
  (before, after) => before.source === after.source && before.onImageClick === after.onImageClick,
);

// While streaming, a last line of one or two backticks is likely the start of a fence: holding
// it back avoids a flash of paragraph text before the code block appears.
const partialFence = /(?:^|\n) {0,3}(?:`{1,2}|~{1,2})$/;

/** Renders markdown safely (no raw HTML, only http(s)/mailto links), block by block. */
export const Markdown = forwardRef<HTMLDivElement, MarkdownProps>(function Markdown(
  { source, streaming = false, onImageClick, imageOrigins, className, ...rest },
  ref,
) {
  const text = streaming ? source.replace(partialFence, '') : source;
  // The last parse, reused while the text only grows; a render React throws away can only
  // leave a consistent (text, blocks) pair behind, so the cache is always safe to read.
  const lastParse = useRef<ParsedMarkdown | undefined>(undefined);
  const blocks = useMemo(() => {
    const parsed = parseBlocks(text, lastParse.current);
    lastParse.current = { source: text, blocks: parsed };
    return parsed;
  }, [text]);
  // Blocks get one stable handler calling the latest prop, so an inline arrow function does not
  // re-render every block on each commit of a stream.
  const latestImageClick = useRef(onImageClick);
  useEffect(() => {
    latestImageClick.current = onImageClick;
  });
  const stableImageClick = useCallback(
    (src: string, alt: string) => latestImageClick.current?.(src, alt),
    [],
  );
  const imageClick = onImageClick ? stableImageClick : undefined;
  const content = (
    <div
      {...rest}
      ref={ref}
      data-slot="markdown"
      data-streaming={streaming || undefined}
      className={cx('aitre-md', className)}
    >
      {blocks.map((block, index) => (
        <Block
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks only grow at the end
          key={index}
          source={block.source}
          node={block.node}
          onImageClick={imageClick}
        />
      ))}
    </div>
  );
  if (imageOrigins === undefined) return content;
  return (
    <ImageOriginsContext.Provider value={imageOrigins}>{content}</ImageOriginsContext.Provider>
  );
});
