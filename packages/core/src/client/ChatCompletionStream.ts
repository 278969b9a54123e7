import { JsonEventStream } from './JsonEventStream.js';
import { ThinkTagSplitter } from './ThinkTagSplitter.js';
import type {
  AggregatedMessage,
  ChatCompletionChunk,
  CompletionUsage,
  ToolCall,
} from './typesChat.js';

/** A message or delta as gateways send it: reasoning under either name, or in `<think>` tags. */
interface ReasoningParts {
  content?: unknown;
  reasoning?: unknown;
  reasoning_content?: unknown;
}

/**
 * Moves `reasoning` and `<think>` text of a message or delta into `reasoning_content`, leaving
 * the answer in `content`; returns the reasoning. A delta is split through the stream's
 * `think`; a whole message (`end`) also gets the text the splitter held back.
 */
export function splitReasoning(
  message: ReasoningParts,
  think: ThinkTagSplitter,
  end?: boolean,
): string {
  const given = message.reasoning_content ?? message.reasoning;
  let reasoning = typeof given === 'string' ? given : '';
  if (typeof message.content === 'string') {
    think.push(message.content);
    let content = think.content;
    reasoning += think.reasoning;
    if (end) {
      think.flush();
      content += think.content;
      reasoning += think.reasoning;
    }
    message.content = content;
  }
  if (reasoning !== '') message.reasoning_content = reasoning;
  return reasoning;
}

/**
 * A streamed chat completion: iterate it for typed chunks, or await `finalMessage()`.
 * Chunks are normalised in place: `reasoning` and `<think>` text arrive in
 * `delta.reasoning_content`, and `delta.content` carries only the answer.
 */
export class ChatCompletionStream extends JsonEventStream<ChatCompletionChunk, AggregatedMessage> {
  #content = '';
  #reasoning = '';
  #toolCalls: ToolCall[] = [];
  #finishReason: string | null = null;
  #usage: CompletionUsage | undefined;
  readonly #think = new ThinkTagSplitter();

  /** Token counts, once a chunk carried them. */
  get usage(): CompletionUsage | undefined {
    return this.#usage;
  }

  protected accept(chunk: ChatCompletionChunk): void {
    if (chunk.usage) this.#usage = chunk.usage;
    // A malformed `choices` or `tool_calls` (not an array) is skipped.
    const choices = chunk.choices;
    if (!Array.isArray(choices)) return;
    for (const choice of choices) {
      // The aggregate follows the first choice (index 0 or none); n > 1 callers read the chunks.
      if (choice.index) continue;
      const delta = choice.delta;
      if (delta) {
        this.#reasoning += splitReasoning(delta, this.#think);
        if (typeof delta.content === 'string') this.#content += delta.content;
        const parts = delta.tool_calls;
        if (Array.isArray(parts)) {
          parts.forEach((part, j) => {
            // Some gateways omit `index`; the position in the array stands in for it.
            const index = typeof part.index === 'number' ? part.index : j;
            const call = this.#toolCalls[index] ?? {
              id: '',
              type: 'function',
              function: { name: '', arguments: '' },
            };
            this.#toolCalls[index] = call;
            const fn = part.function;
            if (part.id) call.id = part.id;
            if (fn?.name) call.function.name = fn.name;
            if (fn?.arguments) call.function.arguments += fn.arguments;
          });
        }
      }
      if (choice.finish_reason) this.#finishReason = choice.finish_reason;
    }
  }

  protected finish(): void {
    const think = this.#think;
    think.flush();
    this.#content += think.content;
    this.#reasoning += think.reasoning;
  }

  /** Everything aggregated so far; `incomplete` until a finish_reason arrives. */
  snapshot(): AggregatedMessage {
    const message: AggregatedMessage = {
      role: 'assistant',
      content: this.#content,
      reasoning: this.#reasoning,
      // Copies, without the holes a gateway's sparse indices leave (flatMap skips them).
      tool_calls: this.#toolCalls.flatMap((call) => ({ ...call, function: { ...call.function } })),
      finishReason: this.#finishReason,
      incomplete: this.#finishReason === null,
    };
    if (this.#usage) message.usage = this.#usage;
    return message;
  }
}
