import type { ErrorKind } from '../errors.js';
import type { MarkdownImage } from './extractMarkdownImages.js';

/** A text part of a chat message. */
export interface MessageTextPart {
  /** Discriminator. */
  type: 'text';
  /** The text. */
  text: string;
}

/** An image part of a chat message: a data URL or an https URL. */
export interface MessageImagePart {
  /** Discriminator. */
  type: 'image';
  /** `data:image/...;base64,...` or `https://...`. */
  url: string;
  /** Vision detail hint sent as `image_url.detail`. */
  detail?: 'auto' | 'low' | 'high';
}

/** One piece of a chat message's content. */
export type MessagePart = MessageTextPart | MessageImagePart;

/**
 * The lifecycle of one message: `streaming` while deltas arrive, then `done` (a finish
 * reason was received), `stopped` (the user stopped it), `error` (failed mid-stream; the
 * partial text stays) or `incomplete` (the stream ended without a finish reason).
 */
export type ChatMessageStatus = 'streaming' | 'done' | 'stopped' | 'error' | 'incomplete';

/** A failure recorded on a message, kept as plain data so it survives storage. */
export interface ChatMessageError {
  /** The error kind (`rate_limit`, `network`, `upstream`, ...), for localized messages. */
  kind: ErrorKind;
  /** The error message (never includes the gateway's request id). */
  message: string;
  /** The gateway or API error code, when there was one. */
  code?: string | number;
}

/** Token counts reported by the gateway. */
export interface ChatUsage {
  /** Tokens in the request. */
  promptTokens: number;
  /** Tokens in the answer. */
  completionTokens: number;
  /** Both together. */
  totalTokens: number;
}

/** How fast an answer arrived. */
export interface ChatTimings {
  /** Milliseconds from sending the request to the first token. */
  firstTokenMs?: number;
  /** Completion tokens per second from the first token to the end. */
  tokensPerSecond?: number;
  /** Milliseconds from the first reasoning token to the first answer token (thinking models). */
  reasoningMs?: number;
}

/** One message of a chat. Immutable: every change produces a new object. */
export interface ChatMessage {
  /** Stable id, unique within the chat. */
  id: string;
  /** Who wrote it. */
  role: 'system' | 'user' | 'assistant';
  /** Text and image parts, as sent or received. */
  parts: readonly MessagePart[];
  /** The text of the message (for answers: without any `<think>` block). */
  content: string;
  /** The model's reasoning, from reasoning deltas or `<think>` blocks; '' when none. */
  reasoning: string;
  /** http(s) images referenced by markdown in `content` (gpt-4o-image answers). */
  images: readonly MarkdownImage[];
  /** See {@link ChatMessageStatus}. @selector [data-status] */
  status: ChatMessageStatus;
  /** Why the message failed, when `status` is `error`. */
  error?: ChatMessageError;
  /** The finish reason the gateway sent (`stop`, `length`, ...). */
  finishReason?: string;
  /** Token usage of this answer. */
  usage?: ChatUsage;
  /** Speed of this answer. */
  timings?: ChatTimings;
  /** The model that answered. */
  model?: string;
  /** Creation time, milliseconds since the epoch. */
  createdAt: number;
}
