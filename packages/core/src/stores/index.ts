export type {
  AudioRecorderErrorKind,
  AudioRecorderOptions,
  AudioRecorderSnapshot,
  AudioRecorderStatus,
  LevelMeter,
  MediaRecorderConstructor,
  MediaRecorderLike,
} from './AudioRecorder.js';
export { AudioRecorder, AudioRecorderError } from './AudioRecorder.js';
export type {
  ChatMessage,
  ChatMessageError,
  ChatMessageStatus,
  ChatTimings,
  ChatUsage,
  MessageImagePart,
  MessagePart,
  MessageTextPart,
} from './ChatMessage.js';
export type { ChatStorage } from './ChatStorage.js';
export type {
  ChatAttachment,
  ChatSendOptions,
  ChatState,
  ChatStatus,
  ChatStoreOptions,
} from './ChatStore.js';
export { ChatStore } from './ChatStore.js';
export type {
  CompletionState,
  CompletionStatus,
  CompletionStoreOptions,
} from './CompletionStore.js';
export { CompletionStore } from './CompletionStore.js';
export { getChatStore, retainChatStore } from './chatStoreRegistry.js';
export { cosineSimilarity } from './cosineSimilarity.js';
export { createId } from './createId.js';
export type {
  EmbeddingsSnapshot,
  EmbeddingsStatus,
  EmbeddingsStoreOptions,
  EmbedOptions,
} from './EmbeddingsStore.js';
export { EmbeddingsStore } from './EmbeddingsStore.js';
export type { MarkdownImage } from './extractMarkdownImages.js';
export { extractMarkdownImages } from './extractMarkdownImages.js';
export type { GroupedModels, ModelGroup } from './groupModels.js';
export { groupModels, modelGroup } from './groupModels.js';
export type {
  GeneratedImage,
  ImageEditInput,
  ImageGenerateInput,
  ImageGeneration,
  ImageSnapshot,
  ImageStatus,
  ImageStoreOptions,
} from './ImageStore.js';
export { ImageStore } from './ImageStore.js';
export type { KeyValueStorage, LocalStorageAdapterOptions } from './localStorageAdapter.js';
export { localStorageAdapter } from './localStorageAdapter.js';
export type { MidjourneyPollOptions } from './MidjourneyPoller.js';
export type {
  MidjourneyTaskSnapshot,
  MidjourneyTaskStatus,
  MidjourneyTaskStoreOptions,
  MjBlendInput,
  MjDescribeInput,
  MjImagineInput,
  MjShortenInput,
  MjSubmitOptions,
  MjSwapFaceInput,
  PendingModal,
} from './MidjourneyTaskStore.js';
export { MidjourneyTaskStore } from './MidjourneyTaskStore.js';
export { MidjourneyTaskTimeoutError } from './MidjourneyTaskTimeoutError.js';
export type { ModelsSnapshot, ModelsStatus } from './ModelsStore.js';
export { ModelsStore, modelsStoreFor } from './ModelsStore.js';
export { isTerminal, parseProgress } from './mjStatus.js';
export { base64ToBlob } from './objectUrl.js';
export type { MidjourneyButton, MidjourneyButtonKind, PanDirection } from './parseButtons.js';
export { parseButton, parseButtons } from './parseButtons.js';
export { parseDescribePrompts } from './parseDescribePrompts.js';
export type { ImageProgress, ImageProgressStage } from './parseImageProgress.js';
export { parseImageProgress } from './parseImageProgress.js';
export type { ShortenResult } from './parseShorten.js';
export { parseShorten } from './parseShorten.js';
export type {
  SpeakOptions,
  SpeechSnapshot,
  SpeechStatus,
  SpeechStoreOptions,
} from './SpeechStore.js';
export { SpeechStore } from './SpeechStore.js';
export type { ExternalStore, Listener, Notify } from './Store.js';
export { splitSpeechText } from './splitSpeechText.js';
export type { ThinkSplit } from './splitThink.js';
export { splitThink } from './splitThink.js';
export type {
  TranscribeOptions,
  TranscriptionFormat,
  TranscriptionMode,
  TranscriptionResult,
  TranscriptionSnapshot,
  TranscriptionStatus,
  TranscriptionStoreOptions,
} from './TranscriptionStore.js';
export { TranscriptionStore } from './TranscriptionStore.js';
export { toDataUrl } from './toDataUrl.js';
export type { VisibilitySource } from './visibility.js';
