export type { AitreLocale, AitreProviderProps } from './AitreProvider.js';
export { AitreProvider, useAitreClient, useAitreLocale } from './AitreProvider.js';
export type { UseChatOptions, UseChatResult } from './useChat.js';
export { useChat } from './useChat.js';
export type { UseCompletionOptions, UseCompletionResult } from './useCompletion.js';
export { useCompletion } from './useCompletion.js';
