// The public API of @aitre/ui; the stylesheet is imported separately as '@aitre/ui/styles.css'.

/** The player part of SpeechStudio. */
export { SpeechPlayer, type SpeechPlayerProps } from './audio/SpeechPlayer.js';
/** Text to speech with a player and download, and its parts. */
export { SpeechStudio, type SpeechStudioProps } from './audio/SpeechStudio.js';
/** SpeechStudio's state, for parts of your own inside `SpeechStudio.Root`. */
export {
  type SpeechFormat,
  type SpeechStudioContextValue,
  useSpeechStudio,
} from './audio/SpeechStudioContext.js';
/** The form part of SpeechStudio. */
export { SpeechStudioForm, type SpeechStudioFormProps } from './audio/SpeechStudioForm.js';
/** The root part of SpeechStudio, holding its state. */
export {
  SpeechStudioRoot,
  type SpeechStudioRootProps,
  voicesFor,
} from './audio/SpeechStudioRoot.js';
/** Speech to text with recording, file drop and subtitles, and its parts. */
export { Transcriber, TranscriberActions, type TranscriberProps } from './audio/Transcriber.js';
/** Transcriber's state, for parts of your own inside `Transcriber.Root`. */
export {
  type TranscriberContextValue,
  type TranscriptOutput,
  useTranscriber,
} from './audio/TranscriberContext.js';
/** The mode, model, language and output part of Transcriber. */
export {
  TRANSCRIPTION_LANGUAGES,
  TranscriberOptions,
  type TranscriberOptionsProps,
} from './audio/TranscriberOptions.js';
/** The transcript part of Transcriber (copy, download). */
export { TranscriberResult, type TranscriberResultProps } from './audio/TranscriberResult.js';
/** The root part of Transcriber, holding its state. */
export { TranscriberRoot, type TranscriberRootProps } from './audio/TranscriberRoot.js';
/** The microphone and file part of Transcriber. */
export { TranscriberSource, type TranscriberSourceProps } from './audio/TranscriberSource.js';
/** A complete chat (thread, composer, model picker) with its parts as properties. */
export { Chat, type ChatProps } from './chat/Chat.js';
/** The composer part of Chat: message box, image attachments, send and stop. */
export { ChatComposer, type ChatComposerProps } from './chat/ChatComposer.js';
/** The chat state for parts of your own inside `Chat.Root`. */
export {
  type ChatActions,
  type ChatModelState,
  useChatActions,
  useChatModel,
  useChatSelector,
} from './chat/ChatContext.js';
/** The empty-thread part of Chat, with suggestions that send themselves. */
export { ChatEmptyState, type ChatEmptyStateProps } from './chat/ChatEmptyState.js';
/** One message of the chat thread (memoized on the message object). */
export { ChatMessageView, type ChatMessageViewProps } from './chat/ChatMessageView.js';
/** The chat's model picker: chat, reasoning and image (gpt-4o-image) models. */
export { ChatModelPicker, type ChatModelPickerProps } from './chat/ChatModelPicker.js';
/** The root part of Chat: owns the chat, the model choice, the lightbox and announcements. */
export { ChatRoot, type ChatRootProps } from './chat/ChatRoot.js';
/** The thread part of Chat: a scrolling log that follows the stream until the user scrolls up. */
export { ChatThread, type ChatThreadProps } from './chat/ChatThread.js';
/** The chat picker's models and groups (`models` of Chat, `sections` of `useChatModel`). */
export type { ChatModelGroup, ChatModelOption, ChatModelSection } from './chat/chatModels.js';
/** EmbeddingsPlayground's state, for parts of your own inside `EmbeddingsPlayground.Root`. */
export {
  type EmbeddingsContextValue,
  useEmbeddingsPlayground,
} from './embeddings/EmbeddingsContext.js';
/** The texts and model part of EmbeddingsPlayground. */
export { EmbeddingsInputs, type EmbeddingsInputsProps } from './embeddings/EmbeddingsInputs.js';
/** Compares texts by the cosine similarity of their embeddings, and its parts. */
export {
  EmbeddingsPlayground,
  type EmbeddingsPlaygroundProps,
} from './embeddings/EmbeddingsPlayground.js';
/** The root part of EmbeddingsPlayground, holding its state. */
export {
  EmbeddingsPlaygroundRoot,
  type EmbeddingsPlaygroundRootProps,
} from './embeddings/EmbeddingsPlaygroundRoot.js';
/** The similarity part of EmbeddingsPlayground. */
export { EmbeddingsResults, type EmbeddingsResultsProps } from './embeddings/EmbeddingsResults.js';
/** Cosine similarity of every pair of vectors. */
export { type SimilarityPair, similarityPairs } from './embeddings/similarityPairs.js';
/** The edit part of ImageStudio (edit source and mask). */
export { ImageEditor, type ImageEditorProps } from './images/ImageEditor.js';
/** The gallery part of ImageStudio. */
export { ImageGallery, type ImageGalleryProps } from './images/ImageGallery.js';
/** Image generation and editing studio, and its parts. */
export { ImageStudio, type ImageStudioProps } from './images/ImageStudio.js';
/** ImageStudio's state, for parts of your own inside `ImageStudio.Root`. */
export {
  type ImageEditSource,
  type ImageStudioContextValue,
  useImageStudio,
} from './images/ImageStudioContext.js';
/** The form part of ImageStudio (prompt, model, options). */
export { ImageStudioForm, type ImageStudioFormProps } from './images/ImageStudioForm.js';
/** The root part of ImageStudio, holding its state. */
export {
  DEFAULT_IMAGE_MODELS,
  ImageStudioRoot,
  type ImageStudioRootProps,
} from './images/ImageStudioRoot.js';
/** Option defaults of an image model for forms of your own. */
export {
  defaultImageOptions,
  definedOptions,
  formatsFor,
  type ImageOptionValues,
  withOption,
} from './images/imageOptions.js';
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
/** Which origins markdown and chat images may load from without asking the user. */
export type { ImageOrigins } from './markdown/imageOrigins.js';
/** Renders markdown safely, block by block, for streaming chat messages. */
export { Markdown, type MarkdownProps } from './markdown/Markdown.js';
/** Parses markdown into top-level blocks with their source text. */
export { parseBlocks } from './markdown/parseBlocks.js';
/** Blend form of the MidJourney studio (2 to 5 images). */
export { MidjourneyBlend } from './midjourney/MidjourneyBlend.js';
/** The finished task's buttons with localized names. */
export { MidjourneyButtons } from './midjourney/MidjourneyButtons.js';
/** Describe form of the MidJourney studio (image to four prompts). */
export { MidjourneyDescribe } from './midjourney/MidjourneyDescribe.js';
/** The studio's task history; opening an entry resumes the task by id. */
export { MidjourneyHistory } from './midjourney/MidjourneyHistory.js';
/** Imagine form of the MidJourney studio. */
export { MidjourneyImagine, type MidjourneyImagineProps } from './midjourney/MidjourneyImagine.js';
/** The dialog completing a task that waits for a modal (Vary (Region), Custom Zoom, remix). */
export {
  MidjourneyModalDialog,
  type MidjourneyModalDialogProps,
} from './midjourney/MidjourneyModalDialog.js';
/** Bot type and speed mode of the studio's submits. */
export { MidjourneyOptions } from './midjourney/MidjourneyOptions.js';
/** Shorten form of the MidJourney studio. */
export { MidjourneyShorten } from './midjourney/MidjourneyShorten.js';
/** Status, progress and polite announcements of the studio's task. */
export { MidjourneyStatus } from './midjourney/MidjourneyStatus.js';
/** The complete MidJourney studio, with its parts as properties. */
export { MidjourneyStudio, type MidjourneyStudioProps } from './midjourney/MidjourneyStudio.js';
/** The studio's state holder for custom layouts, and the hook its parts read. */
export {
  type MidjourneyBotType,
  type MidjourneyPressed,
  type MidjourneySpeedMode,
  type MidjourneyStudioContextValue,
  MidjourneyStudioRoot,
  type MidjourneyStudioRootProps,
  useMidjourneyStudio,
} from './midjourney/MidjourneyStudioRoot.js';
/** Swap face form of the MidJourney studio. */
export { MidjourneySwapFace } from './midjourney/MidjourneySwapFace.js';
/** The watched task: progress, images, buttons, prompts, failures. */
export { MidjourneyTaskView } from './midjourney/MidjourneyTaskView.js';
/** The studio's tools as tabs. */
export {
  type MidjourneyTool,
  MidjourneyTools,
  type MidjourneyToolsProps,
} from './midjourney/MidjourneyTools.js';
/** One persisted task of the studio's history. */
export type { MidjourneyHistoryEntry } from './midjourney/taskHistory.js';
/** A select of the gateway's models grouped by capability, with loading and error states. */
export { ModelPicker, type ModelPickerProps } from './models/ModelPicker.js';
/** A styled button. */
export { Button, type ButtonProps, type ButtonVariant } from './shared/Button.js';
/** A button showing only an icon, with a required accessible label. */
export { IconButton, type IconButtonProps } from './shared/IconButton.js';
/** A modal image viewer with download and close. */
export { Lightbox, type LightboxProps } from './shared/Lightbox.js';
/** Paints a PNG mask over an image (transparent or white where painted) for edits and Vary (Region). */
export { MaskPainter, type MaskPainterProps, type PaintedMask } from './shared/MaskPainter.js';
/** The style of mask an API expects (MaskPainter's `maskStyle`). */
export type { MaskStyle } from './shared/maskPixels.js';
/** A determinate or indeterminate progress bar. */
export { ProgressBar, type ProgressBarProps } from './shared/ProgressBar.js';
/** An activity indicator. */
export { Spinner, type SpinnerProps } from './shared/Spinner.js';
/** The themed `.aitre-root` of a big component (plain when nested without a theme). */
export { type Theme, ThemeRoot, type ThemeRootProps } from './shared/ThemeRoot.js';
