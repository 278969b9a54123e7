import { JsonEventStream } from './JsonEventStream.js';
import { ThinkTagSplitter } from './ThinkTagSplitter.js';
import type {
  AggregatedMessage,
  ChatCompletionChunk,
  CompletionUsage,
  ToolCall,
} from './typesChat.js';

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
    const choices = chunk.choices;
    if (!choices) return;
    for (let i = 0; i < choices.length; i++) {
      const choice = choices[i]!;
      // The aggregate follows the first choice; n > 1 callers read the chunks.
      if (choice.index !== undefined && choice.index !== 0) continue;
      const delta = choice.delta;
      if (delta) {
        const given = delta.reasoning_content ?? delta.reasoning;
        let reasoning = typeof given === 'string' ? given : '';
        const content = delta.content;
        if (typeof content === 'string' && content !== '') {
          this.#think.push(content);
          if (this.#think.content !== content) delta.content = this.#think.content;
          this.#content += this.#think.content;
          reasoning += this.#think.reasoning;
        }
        if (reasoning !== '') {
          this.#reasoning += reasoning;
          delta.reasoning_content = reasoning;
        }
        if (delta.tool_calls) this.#acceptToolCalls(delta.tool_calls);
      }
      if (choice.finish_reason) this.#finishReason = choice.finish_reason;
    }
  }

  #acceptToolCalls(
    deltas: NonNullable<ChatCompletionChunk['choices'][number]['delta']['tool_calls']>,
  ): void {
    for (let i = 0; i < deltas.length; i++) {
      const delta = deltas[i]!;
      // Some gateways omit `index`; the position in the array stands in for it.
      const index = typeof delta.index === 'number' ? delta.index : i;
      let call = this.#toolCalls[index];
      if (call === undefined) {
        call = { id: '', type: 'function', function: { name: '', arguments: '' } };
        this.#toolCalls[index] = call;
      }
      if (delta.id) call.id = delta.id;
      if (delta.function?.name) call.function.name = delta.function.name;
      if (delta.function?.arguments) call.function.arguments += delta.function.arguments;
    }
  }

  protected finish(): void {
    this.#think.flush();
    this.#content += this.#think.content;
    this.#reasoning += this.#think.reasoning;
  }

  /** Everything aggregated so far; `incomplete` until a finish_reason arrives. */
  snapshot(): AggregatedMessage {
    const message: AggregatedMessage = {
      role: 'assistant',
      content: this.#content,
      reasoning: this.#reasoning,
      tool_calls: this.#toolCalls
        .filter((call) => call !== undefined)
        .map((call) => ({ ...call, function: { ...call.function } })),
      finishReason: this.#finishReason,
      incomplete: this.#finishReason === null,
    };
    if (this.#usage) message.usage = this.#usage;
    return message;
  }
}
