import { JsonEventStream } from './JsonEventStream.js';
import type { CompletionUsage } from './typesChat.js';
import type { AggregatedCompletion, Completion } from './typesCompletions.js';

/** A streamed legacy completion: iterate it for chunks, or await `finalMessage()`. */
export class CompletionStream extends JsonEventStream<Completion, AggregatedCompletion> {
  #text = '';
  #finishReason: string | null = null;
  #usage: CompletionUsage | undefined;

  /** Token counts, once a chunk carried them. */
  get usage(): CompletionUsage | undefined {
    return this.#usage;
  }

  protected accept(chunk: Completion): void {
    if (chunk.usage) this.#usage = chunk.usage;
    const choices = chunk.choices;
    if (!choices) return;
    for (let i = 0; i < choices.length; i++) {
      const choice = choices[i]!;
      if (choice.index !== undefined && choice.index !== 0) continue;
      if (typeof choice.text === 'string') this.#text += choice.text;
      if (choice.finish_reason) this.#finishReason = choice.finish_reason;
    }
  }

  protected finish(): void {}

  /** Everything aggregated so far; `incomplete` until a finish_reason arrives. */
  snapshot(): AggregatedCompletion {
    const result: AggregatedCompletion = {
      text: this.#text,
      finishReason: this.#finishReason,
      incomplete: this.#finishReason === null,
    };
    if (this.#usage) result.usage = this.#usage;
    return result;
  }
}
