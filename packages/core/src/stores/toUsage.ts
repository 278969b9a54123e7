import type { CompletionUsage } from '../client/index.js';
import type { ChatUsage } from './ChatMessage.js';

/** The gateway's token usage in the stores' camelCase shape. */
export const toUsage = (u: CompletionUsage | undefined): ChatUsage | undefined =>
  u && {
    promptTokens: u.prompt_tokens,
    completionTokens: u.completion_tokens,
    totalTokens: u.total_tokens,
  };
