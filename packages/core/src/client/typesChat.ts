/** A text part of a message. */
export interface ChatTextPart {
  type: 'text';
  text: string;
}

/** An image part of a message (`url` may be a data: URL). */
export interface ChatImagePart {
  type: 'image_url';
  image_url: { url: string; detail?: 'auto' | 'low' | 'high' };
}

/** One part of a multi-part message. */
export type ChatContentPart = ChatTextPart | ChatImagePart;

/** A tool call as the model made it (function arguments are a JSON string). */
export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** A message sent to the model. */
export interface ChatMessageParam {
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
  content: string | ChatContentPart[] | null;
  name?: string;
  tool_calls?: ToolCall[];
  tool_call_id?: string;
}

/** A function tool offered to the model. */
export interface ChatTool {
  type: 'function';
  function: {
    name: string;
    description?: string;
    parameters?: Record<string, unknown>;
    strict?: boolean;
  };
}

/** Request body of POST /v1/chat/completions. */
export interface ChatCompletionCreateParams {
  model: string;
  messages: ChatMessageParam[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  n?: number;
  stop?: string | string[];
  presence_penalty?: number;
  frequency_penalty?: number;
  seed?: number;
  response_format?: {
    type: 'text' | 'json_object' | 'json_schema';
    json_schema?: Record<string, unknown>;
  };
  tools?: ChatTool[];
  tool_choice?: 'none' | 'auto' | 'required' | { type: 'function'; function: { name: string } };
  reasoning_effort?: string;
  user?: string;
  /** Gateway-specific fields, merged into the body as they are. */
  extra?: Record<string, unknown>;
}

/** Token counts. */
export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: Record<string, number>;
  completion_tokens_details?: Record<string, number>;
}

/** The assistant message of a non-streamed answer. */
export interface ChatCompletionMessage {
  role: 'assistant';
  content: string | null;
  /** The model's thinking (DeepSeek style; `<think>` blocks are moved here too). */
  reasoning_content?: string | null;
  /** OpenRouter-style synonym of `reasoning_content`. */
  reasoning?: string | null;
  tool_calls?: ToolCall[];
  refusal?: string | null;
}

/** Response of a non-streamed chat completion. */
export interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: {
    index: number;
    message: ChatCompletionMessage;
    finish_reason: string | null;
  }[];
  usage?: CompletionUsage;
  system_fingerprint?: string;
}

/** A tool-call fragment in a stream delta. */
export interface ToolCallDelta {
  index: number;
  id?: string;
  type?: 'function';
  function?: { name?: string; arguments?: string };
}

/** The delta of one choice in a stream chunk. */
export interface ChatCompletionDelta {
  role?: 'assistant';
  content?: string | null;
  /** Reasoning; `reasoning` and `<think>` text are normalised into this field. */
  reasoning_content?: string | null;
  reasoning?: string | null;
  tool_calls?: ToolCallDelta[];
}

/** One streamed chunk. */
export interface ChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: {
    index: number;
    delta: ChatCompletionDelta;
    finish_reason: string | null;
  }[];
  usage?: CompletionUsage | null;
}

/** Everything a chat stream delivered so far (choice 0). */
export interface AggregatedMessage {
  role: 'assistant';
  /** The answer, without `<think>` blocks. */
  content: string;
  /** The thinking: reasoning_content, reasoning and `<think>` blocks. */
  reasoning: string;
  /** Tool calls accumulated by index. */
  tool_calls: ToolCall[];
  /** The last finish_reason seen, or null. */
  finishReason: string | null;
  /** Token counts, once a chunk carried them. */
  usage?: CompletionUsage;
  /** True when the stream ended (or has not yet ended) without any finish_reason. */
  incomplete: boolean;
}
