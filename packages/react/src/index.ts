export type {
  ChatAttachment,
  ChatMessage,
  ChatMessageError,
  ChatMessageStatus,
  ChatSendOptions,
  ChatState,
  ChatStatus,
  ChatStorage,
  ChatTimings,
  ChatUsage,
  CompletionState,
  CompletionStatus,
  ImageProgress,
  ImageProgressStage,
  MarkdownImage,
  MessageImagePart,
  MessagePart,
  MessageTextPart,
  ThinkSplit,
} from '@aitre/core';
export {
  cosineSimilarity,
  extractMarkdownImages,
  localStorageAdapter,
  parseImageProgress,
  splitThink,
} from '@aitre/core';
export type { AitreLocale, AitreProviderProps } from './AitreProvider.js';
export {
  AitreProvider,
  useAitreClient,
  useAitreImageProxy,
  useAitreLocale,
} from './AitreProvider.js';
export type { UseAudioRecorderResult } from './useAudioRecorder.js';
export { useAudioRecorder } from './useAudioRecorder.js';
export type { UseChatOptions, UseChatResult } from './useChat.js';
export { useChat } from './useChat.js';
export type { UseCompletionOptions, UseCompletionResult } from './useCompletion.js';
export { useCompletion } from './useCompletion.js';
export type { UseEmbeddingsOptions, UseEmbeddingsResult } from './useEmbeddings.js';
export { useEmbeddings } from './useEmbeddings.js';
export type { UseImageGenOptions, UseImageGenResult } from './useImageGen.js';
export { useImageGen } from './useImageGen.js';
export type { UseMidjourneyTaskOptions, UseMidjourneyTaskResult } from './useMidjourneyTask.js';
export { useMidjourneyTask } from './useMidjourneyTask.js';
export type { UseModelsOptions, UseModelsResult } from './useModels.js';
export { useModels } from './useModels.js';
export type { UseSpeechOptions, UseSpeechResult } from './useSpeech.js';
export { useSpeech } from './useSpeech.js';
export type { UseTranscriptionOptions, UseTranscriptionResult } from './useTranscription.js';
export { useTranscription } from './useTranscription.js';
