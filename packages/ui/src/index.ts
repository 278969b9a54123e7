// The public API of @aitre/ui; the stylesheet is imported separately as '@aitre/ui/styles.css'.

/** English messages. */
export { en } from './locale/en.js';
/** Fills `{name}` placeholders in a message. */
export { format } from './locale/format.js';
/** Locale context for @aitre/ui components and the hooks reading it. */
export {
  LocaleProvider,
  type LocaleProviderProps,
  useLocale,
  useMessages,
} from './locale/LocaleProvider.js';
/** Shipped message tables by tag, and the mapping of any tag to one of them. */
export { type LocaleTag, messages, resolveLocale } from './locale/locales.js';
/** Turns an error from @aitre/core into a localized sentence. */
export { localizeError } from './locale/localizeError.js';
/** The shape of every message table. */
export type { Messages } from './locale/Messages.js';
/** Overrides part of a message table. */
export { type MessagesOverride, mergeMessages } from './locale/mergeMessages.js';
/** Simplified Chinese messages. */
export { zhCN } from './locale/zhCN.js';
/** The markdown syntax tree produced by the parser. */
export type {
  BlockNode,
  InlineNode,
  ListItemNode,
  ParsedMarkdown,
  SourceBlock,
  TableAlign,
} from './markdown/ast.js';
/** A code block with a language label and a copy button. */
export { CodeBlock, type CodeBlockProps } from './markdown/CodeBlock.js';
/** Renders markdown safely, block by block, for streaming chat messages. */
export { Markdown, type MarkdownProps } from './markdown/Markdown.js';
/** Parses markdown into top-level blocks with their source text. */
export { parseBlocks } from './markdown/parseBlocks.js';
/** Parses the inline markdown of one block into nodes. */
export { parseInline } from './markdown/parseInline.js';
/** URL checks used for markdown links and images. */
export { safeImageUrl, safeLinkUrl } from './markdown/safeUrl.js';
/** A select of the gateway's models grouped by capability, with loading and error states. */
export {
  groupModelOptions,
  MODEL_GROUPS,
  ModelPicker,
  type ModelPickerProps,
} from './models/ModelPicker.js';
/** A styled button. */
export { Button, type ButtonProps, type ButtonVariant } from './shared/Button.js';
/** A button showing only an icon, with a required accessible label. */
export { IconButton, type IconButtonProps } from './shared/IconButton.js';
/** A modal image viewer with download and close. */
export { Lightbox, type LightboxProps } from './shared/Lightbox.js';
/** Paints a PNG mask over an image (transparent or white where painted) for edits and Vary (Region). */
export { MaskPainter, type MaskPainterProps, type PaintedMask } from './shared/MaskPainter.js';
/** Turns a paint layer into mask pixels; the style of mask an API expects. */
export { hasPaint, type MaskStyle, paintToMask } from './shared/maskPixels.js';
/** A determinate or indeterminate progress bar. */
export { ProgressBar, type ProgressBarProps } from './shared/ProgressBar.js';
/** An activity indicator. */
export { Spinner, type SpinnerProps } from './shared/Spinner.js';
