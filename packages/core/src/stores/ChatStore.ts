import type {
  AggregatedMessage,
  AitreClient,
  ChatCompletionCreateParams,
  ChatCompletionStream,
  ChatContentPart,
  ChatMessageParam,
  CompletionUsage,
} from '../client/index.js';
import { AbortError, type AitreError, ApiError, ValidationError } from '../errors.js';
import type {
  ChatMessage,
  ChatMessageError,
  ChatMessageStatus,
  ChatUsage,
  MessageImagePart,
  MessagePart,
} from './ChatMessage.js';
import type { ChatStorage } from './ChatStorage.js';
import { createId } from './createId.js';
import { extractMarkdownImages } from './extractMarkdownImages.js';
import { frameScheduler } from './frameScheduler.js';
import { type Notify, Store } from './Store.js';
import { toAitreError } from './toAitreError.js';
import { toDataUrl } from './toDataUrl.js';

/**
 * Where the chat as a whole stands: `submitted` until the first chunk arrives, `streaming`
 * while it does, `error` after a failure (see `error`), `idle` otherwise.
 */
export type ChatStatus = 'idle' | 'submitted' | 'streaming' | 'error';

/** The immutable snapshot of a {@link ChatStore}. */
export interface ChatState {
  /** The chat id (the storage key, and the key under which stores are shared). */
  id: string;
  /** The thread. Only the message that changed is a new object in a new snapshot. */
  messages: readonly ChatMessage[];
  /** See {@link ChatStatus}. @selector [data-status] */
  status: ChatStatus;
  /** The last failure (validation, request or stream), cleared by the next request. */
  error: AitreError | undefined;
  /** Tokens used by every answer of this session, regenerated ones included. */
  usage: ChatUsage | undefined;
  /** The draft text; a send that fails before any answer puts it back. */
  input: string;
  /** Draft image attachments, restored with `input` after a failed send. */
  attachments: readonly MessageImagePart[];
}

/** An attachment given to `send`: a URL (data or https), an image part, or an image Blob/File. */
export type ChatAttachment = string | MessageImagePart | Blob;

/** Options of one `send` call. */
export interface ChatSendOptions {
  /** Images sent with the text (in addition to the draft attachments when sending the draft). */
  attachments?: readonly ChatAttachment[];
  /** Extra request fields for this request only (merged over the store's `body`). */
  body?: Record<string, unknown>;
}

/** Options of a {@link ChatStore}. */
export interface ChatStoreOptions {
  /** Chat id; the storage key and the sharing key of `getChatStore`. Default: a new id. */
  id?: string;
  /** The client that talks to the gateway. */
  client: AitreClient;
  /** Model id, e.g. `gpt-4o-mini`. Sending without one fails with `model_missing`. */
  model?: string;
  /** System prompt sent first with every request (not stored as a message). */
  system?: string;
  /** Messages to start with when storage holds none. */
  initialMessages?: readonly ChatMessage[];
  /** Extra request fields (`temperature`, `max_tokens`, gateway extensions...). */
  body?: Record<string, unknown>;
  /** Extra HTTP headers for every chat request. */
  headers?: Record<string, string>;
  /** Send each answer's `reasoning` back as `reasoning_content` (DeepSeek thinking mode). */
  sendReasoning?: boolean;
  /** Called when an answer ends without error (`done`, `stopped` or `incomplete`). */
  onFinish?: (message: ChatMessage, messages: readonly ChatMessage[]) => void;
  /** Called on every failure, validation errors included. */
  onError?: (error: AitreError) => void;
  /** Where messages persist between page loads (e.g. `localStorageAdapter()`). */
  storage?: ChatStorage;
  /** Notification schedule; default `frameScheduler()`, one notification per frame. */
  schedule?: Notify;
  /** Clock for timings, in milliseconds. Default `performance.now()`. */
  now?: () => number;
}

interface Run {
  controller: AbortController;
  stream: ChatCompletionStream | undefined;
  assistantId: string;
  createdAt: number;
  startedAt: number;
  firstTokenAt: number | undefined;
  reasoningStartedAt: number | undefined;
  reasoningEndedAt: number | undefined;
  deltas: number;
  dirty: boolean;
  started: boolean;
  /** The send this run answers, to undo it if it fails before any answer. */
  send: FailedSend | undefined;
}

interface FailedSend {
  message: ChatMessage;
  /** What a failure put back into the draft, so a retry can take it out again. */
  restored: { input: string; attachments: readonly MessageImagePart[] } | undefined;
  body: Record<string, unknown> | undefined;
}

const defaultNow = (): number =>
  typeof globalThis.performance?.now === 'function' ? globalThis.performance.now() : Date.now();

function toUsage(usage: CompletionUsage | undefined): ChatUsage | undefined {
  if (!usage) return undefined;
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
    totalTokens: usage.total_tokens,
  };
}

function addUsage(a: ChatUsage | undefined, b: ChatUsage | undefined): ChatUsage | undefined {
  if (!b) return a;
  if (!a) return b;
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    totalTokens: a.totalTokens + b.totalTokens,
  };
}

function toMessageError(error: AitreError): ChatMessageError {
  const code =
    ApiError.isInstance(error) || ValidationError.isInstance(error) ? error.code : undefined;
  return code === undefined
    ? { kind: error.kind, message: error.message }
    : { kind: error.kind, message: error.message, code };
}

function textOf(parts: readonly MessagePart[]): string {
  return parts
    .filter((p) => p.type === 'text')
    .map((p) => p.text)
    .join('\n');
}

function lastIndexOf<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) {
    if (test(items[i] as T)) return i;
  }
  return -1;
}

function load(options: ChatStoreOptions, id: string): ReturnType<ChatStorage['load']> {
  try {
    return options.storage?.load(id);
  } catch (error) {
    options.onError?.(toAitreError(error));
    return undefined;
  }
}

// A message saved mid-stream (tab closed) cannot resume: it is marked incomplete.
function restored(messages: readonly ChatMessage[]): readonly ChatMessage[] {
  return messages.map((m) => (m.status === 'streaming' ? { ...m, status: 'incomplete' } : m));
}

/**
 * A chat as a plain state machine: messages, draft, streaming, stop, regenerate, edit and
 * retry, with nothing lost (partial answers stay; a failed send keeps the draft). While
 * streaming it builds a new snapshot at most once per scheduled notification (one per
 * animation frame by default), and only the streaming message object changes.
 */
export class ChatStore extends Store<ChatState> {
  #options: ChatStoreOptions;
  #now: () => number;
  #run: Run | undefined;
  #failed: FailedSend | undefined;
  #initial: ChatState;

  constructor(options: ChatStoreOptions) {
    const initial: ChatState = {
      id: options.id ?? createId('chat'),
      messages: options.initialMessages ?? [],
      status: 'idle',
      error: undefined,
      usage: undefined,
      input: '',
      attachments: [],
    };
    // A synchronous storage restores before the first snapshot: no flash, no notification.
    const loaded = load(options, initial.id);
    super(
      Array.isArray(loaded) && loaded.length > 0
        ? { ...initial, messages: restored(loaded) }
        : initial,
      options.schedule ?? frameScheduler(),
    );
    this.#options = options;
    this.#now = options.now ?? defaultNow;
    this.#initial = initial;
    if (loaded instanceof Promise) {
      loaded.then(
        (messages) => {
          // A late load must not overwrite a conversation that already started.
          if (messages && messages.length > 0 && this.getSnapshot().messages === initial.messages) {
            this.setState({ messages: restored(messages) });
          }
        },
        (error: unknown) => this.#options.onError?.(toAitreError(error)),
      );
    }
  }

  /**
   * The snapshot before anything was restored from storage: what a server renders, so
   * hydration matches and restored messages appear right after (useSyncExternalStore's
   * `getServerSnapshot`).
   */
  getServerSnapshot = (): ChatState => this.#initial;

  /** The chat id. */
  get id(): string {
    return this.getSnapshot().id;
  }

  /** Whether a request is in flight. */
  get isBusy(): boolean {
    return this.#run !== undefined;
  }

  /** Replaces options (model, callbacks, body...) for the next requests; `id` is fixed. */
  setOptions(patch: Partial<Omit<ChatStoreOptions, 'id'>>): void {
    this.#options = { ...this.#options, ...patch };
    if (patch.now) this.#now = patch.now;
  }

  /**
   * Sets the draft text and notifies at once, not on the next frame: a controlled input
   * re-rendered with a stale value would lose the caret position and break IME composition.
   */
  setInput(input: string): void {
    this.setState({ input });
    this.flush();
  }

  /** Sets the draft attachments (notifying at once, like {@link ChatStore.setInput}). */
  setAttachments(attachments: readonly MessageImagePart[]): void {
    this.setState({ attachments });
    this.flush();
  }

  /** Replaces the thread (stopping any stream first) and persists it; `[]` clears storage. */
  setMessages(
    messages:
      | readonly ChatMessage[]
      | ((messages: readonly ChatMessage[]) => readonly ChatMessage[]),
  ): void {
    this.stop();
    const next = typeof messages === 'function' ? messages(this.getSnapshot().messages) : messages;
    this.#failed = undefined;
    this.setState({ messages: next, error: undefined, status: 'idle' });
    this.#persist();
  }

  /**
   * Sends a user message and streams the answer. Without `content` it sends the draft
   * (`input` and `attachments`) and clears it. If the request fails before any answer, the
   * message is taken back into the draft (when the draft is empty) and `retry` re-sends it.
   * Resolves when the answer ends; never rejects (failures land in `error` and `onError`).
   */
  async send(
    content?: string | readonly MessagePart[],
    options: ChatSendOptions = {},
  ): Promise<void> {
    const fromDraft = content === undefined;
    let state: ChatState;
    let parts: MessagePart[];
    try {
      // Without attachments to read, the draft is taken synchronously, so a double submit
      // cannot send it twice.
      const extra = options.attachments?.length
        ? await Promise.all(options.attachments.map(toImagePart))
        : [];
      state = this.getSnapshot();
      const base: MessagePart[] =
        content === undefined
          ? [{ type: 'text', text: state.input }, ...state.attachments]
          : typeof content === 'string'
            ? [{ type: 'text', text: content }]
            : [...content];
      parts = [...base, ...extra].filter((p) => p.type !== 'text' || p.text.trim() !== '');
      this.#validate(parts);
    } catch (error) {
      this.#reject(error);
      return;
    }
    this.stop();
    const message: ChatMessage = {
      id: createId('msg'),
      role: 'user',
      parts,
      content: textOf(parts),
      reasoning: '',
      images: [],
      status: 'done',
      createdAt: Date.now(),
    };
    const send: FailedSend = {
      message,
      restored: undefined,
      body: options.body,
    };
    await this.#submit(send, fromDraft);
  }

  /** Re-sends the last failed send, or regenerates the last unfinished answer. */
  async retry(): Promise<void> {
    if (this.#run) return;
    const failed = this.#failed;
    if (failed) {
      const { input, attachments } = this.getSnapshot();
      // Take the restored draft back only if the user has not changed it since.
      const untouched =
        failed.restored !== undefined &&
        input === failed.restored.input &&
        attachments === failed.restored.attachments;
      await this.#submit({ ...failed, restored: undefined }, untouched);
      return;
    }
    const last = this.getSnapshot().messages.at(-1);
    if (!last) return;
    if (last.role === 'user' || last.status !== 'done') await this.regenerate(last.id);
  }

  /**
   * Asks again. With an assistant message id (default: the last answer) that answer and
   * everything after it are dropped; with a user message id, everything after it.
   */
  async regenerate(messageId?: string): Promise<void> {
    const { messages } = this.getSnapshot();
    let cut: number;
    if (messageId === undefined) {
      const lastAnswer = lastIndexOf(messages, (m) => m.role === 'assistant');
      cut = lastAnswer >= 0 ? lastAnswer : messages.length;
    } else {
      const index = messages.findIndex((m) => m.id === messageId);
      if (index < 0) return;
      cut = messages[index]?.role === 'user' ? index + 1 : index;
    }
    const kept = messages.slice(0, cut);
    if (!kept.some((m) => m.role === 'user')) return;
    this.stop();
    this.setState({ messages: kept });
    await this.#ask(undefined);
  }

  /** Replaces a user message's content, drops everything after it and asks again. */
  async edit(messageId: string, content: string | readonly MessagePart[]): Promise<void> {
    const { messages } = this.getSnapshot();
    const index = messages.findIndex((m) => m.id === messageId);
    const original = messages[index];
    if (original?.role !== 'user') return;
    const parts: MessagePart[] = (
      typeof content === 'string' ? [{ type: 'text' as const, text: content }] : [...content]
    ).filter((p) => p.type !== 'text' || p.text.trim() !== '');
    try {
      this.#validate(parts);
    } catch (error) {
      this.#reject(error);
      return;
    }
    this.stop();
    const edited: ChatMessage = { ...original, parts, content: textOf(parts) };
    this.setState({ messages: [...messages.slice(0, index), edited] });
    await this.#ask(undefined);
  }

  /** Stops the answer in flight; what has arrived stays, marked `stopped`. */
  stop(): void {
    const run = this.#run;
    if (!run) return;
    this.#run = undefined;
    run.controller.abort();
    run.stream?.abort();
    const snapshot = run.stream?.snapshot();
    const message =
      run.started && snapshot ? this.#writeAnswer(run, snapshot, 'stopped', undefined) : undefined;
    this.setState({ status: 'idle' });
    this.#persist();
    if (message) this.#options.onFinish?.(message, this.getSnapshot().messages);
  }

  /** Stops any stream and drops a pending notification; the store stays usable. */
  dispose(): void {
    this.stop();
    this.cancelFlush();
  }

  // Builds the streaming message once per notification instead of once per chunk.
  protected override flush(): void {
    const run = this.#run;
    if (run?.dirty && run.stream) {
      run.dirty = false;
      this.#writeAnswer(run, run.stream.snapshot(), 'streaming', undefined);
    }
    super.flush();
  }

  #validate(parts: readonly MessagePart[]): void {
    if (parts.length === 0) {
      throw new ValidationError('prompt_empty', 'content', 'The message is empty.');
    }
    if (!this.#options.model) {
      throw new ValidationError('model_missing', 'model', 'No model is selected.');
    }
  }

  #reject(error: unknown): void {
    const err = toAitreError(error);
    // A bad send while an answer streams must not hide that stream's status.
    this.setState(this.#run ? { error: err } : { status: 'error', error: err });
    this.#options.onError?.(err);
  }

  async #submit(send: FailedSend, clearDraft: boolean): Promise<void> {
    this.#failed = undefined;
    const { messages } = this.getSnapshot();
    this.setState({
      messages: [...messages, send.message],
      ...(clearDraft ? { input: '', attachments: [] } : {}),
    });
    await this.#ask(send);
  }

  async #ask(send: FailedSend | undefined): Promise<void> {
    const options = this.#options;
    if (!options.model) {
      this.#reject(new ValidationError('model_missing', 'model', 'No model is selected.'));
      return;
    }
    const run: Run = {
      controller: new AbortController(),
      stream: undefined,
      assistantId: createId('msg'),
      createdAt: Date.now(),
      startedAt: this.#now(),
      firstTokenAt: undefined,
      reasoningStartedAt: undefined,
      reasoningEndedAt: undefined,
      deltas: 0,
      dirty: false,
      started: false,
      send,
    };
    this.#run = run;
    this.#failed = undefined;
    this.setState({ status: 'submitted', error: undefined });
    this.#persist();

    const extra = { ...options.body, ...send?.body };
    const params: ChatCompletionCreateParams & { stream: true } = {
      model: options.model,
      messages: this.#requestMessages(),
      stream: true,
      stream_options: { include_usage: true },
      ...(Object.keys(extra).length > 0 ? { extra } : {}),
    };
    let stream: ChatCompletionStream;
    try {
      stream = await options.client.chat.completions.create(params, {
        signal: run.controller.signal,
        ...(options.headers ? { headers: options.headers } : {}),
      });
    } catch (error) {
      if (this.#run === run) this.#fail(run, error);
      return;
    }
    if (this.#run !== run) {
      stream.abort();
      return;
    }
    run.stream = stream;
    try {
      for await (const chunk of stream) {
        if (this.#run !== run) return;
        if (!run.started) {
          run.started = true;
          this.#writeAnswer(run, stream.snapshot(), 'streaming', undefined);
          this.setState({ status: 'streaming' });
        }
        const delta = chunk.choices[0]?.delta;
        if (delta && (delta.content || delta.reasoning_content || delta.reasoning)) {
          const now = this.#now();
          run.firstTokenAt ??= now;
          run.deltas++;
          if (delta.reasoning_content || delta.reasoning) run.reasoningStartedAt ??= now;
          if (delta.content && run.reasoningStartedAt !== undefined) run.reasoningEndedAt ??= now;
        }
        run.dirty = true;
        this.invalidate();
      }
    } catch (error) {
      if (this.#run === run) this.#fail(run, error);
      return;
    }
    if (this.#run === run) this.#finish(run, stream.snapshot());
  }

  #finish(run: Run, snapshot: AggregatedMessage): void {
    this.#run = undefined;
    run.started = true;
    const status: ChatMessageStatus =
      snapshot.incomplete || snapshot.finishReason === null ? 'incomplete' : 'done';
    const message = this.#writeAnswer(run, snapshot, status, undefined);
    this.setState((s) => ({ status: 'idle', usage: addUsage(s.usage, toUsage(snapshot.usage)) }));
    this.#persist();
    this.#options.onFinish?.(message, this.getSnapshot().messages);
  }

  #fail(run: Run, error: unknown): void {
    // Only our own stop aborts the request, and it detaches the run first; an abort that
    // still reaches here came from the stream itself and is treated the same way.
    if (AbortError.isInstance(error)) {
      this.stop();
      return;
    }
    this.#run = undefined;
    const err = toAitreError(error);
    const snapshot = run.stream?.snapshot();
    const answered =
      snapshot !== undefined && (snapshot.content !== '' || snapshot.reasoning !== '');
    if (answered) {
      this.#writeAnswer(run, snapshot, 'error', toMessageError(err));
      this.setState((s) => ({
        status: 'error',
        error: err,
        usage: addUsage(s.usage, toUsage(snapshot.usage)),
      }));
    } else {
      this.#takeBack(run, err);
    }
    this.#persist();
    this.#options.onError?.(err);
  }

  // Nothing was answered: the thread goes back to before the request and the message
  // returns to the draft (unless the user has started a new one), so nothing is lost.
  #takeBack(run: Run, error: AitreError): void {
    const state = this.getSnapshot();
    const send = run.send;
    const drop = new Set([run.assistantId, ...(send ? [send.message.id] : [])]);
    let draft: Partial<ChatState> = {};
    if (send && state.input === '' && state.attachments.length === 0) {
      const restored = {
        input: send.message.content,
        attachments: send.message.parts.filter((p) => p.type === 'image'),
      };
      this.#failed = { ...send, restored };
      draft = restored;
    } else {
      this.#failed = send;
    }
    this.setState({
      messages: state.messages.filter((m) => !drop.has(m.id)),
      status: 'error',
      error,
      ...draft,
    });
  }

  #writeAnswer(
    run: Run,
    snapshot: AggregatedMessage,
    status: ChatMessageStatus,
    error: ChatMessageError | undefined,
  ): ChatMessage {
    // The client already moved `<think>` blocks from the content into the reasoning.
    const { content, reasoning } = snapshot;
    const { messages } = this.getSnapshot();
    const index = lastIndexOf(messages, (m) => m.id === run.assistantId);
    const previous = index >= 0 ? messages[index] : undefined;
    if (
      previous &&
      status === 'streaming' &&
      previous.content === content &&
      previous.reasoning === reasoning
    ) {
      return previous;
    }
    const message: ChatMessage = {
      id: run.assistantId,
      role: 'assistant',
      parts: [{ type: 'text', text: content }],
      content,
      reasoning,
      images: extractMarkdownImages(content),
      status,
      createdAt: run.createdAt,
      ...(this.#options.model ? { model: this.#options.model } : {}),
    };
    if (error) message.error = error;
    if (status !== 'streaming') {
      if (snapshot.finishReason) message.finishReason = snapshot.finishReason;
      const usage = toUsage(snapshot.usage);
      if (usage) message.usage = usage;
      const end = this.#now();
      if (run.firstTokenAt !== undefined) {
        const seconds = (end - run.firstTokenAt) / 1000;
        const tokens = usage?.completionTokens ?? run.deltas;
        const reasoningMs =
          run.reasoningStartedAt === undefined
            ? undefined
            : (run.reasoningEndedAt ?? end) - run.reasoningStartedAt;
        message.timings = {
          firstTokenMs: Math.max(0, run.firstTokenAt - run.startedAt),
          ...(seconds > 0 ? { tokensPerSecond: tokens / seconds } : {}),
          ...(reasoningMs !== undefined ? { reasoningMs: Math.max(0, reasoningMs) } : {}),
        };
      }
    }
    const next =
      index >= 0
        ? [...messages.slice(0, index), message, ...messages.slice(index + 1)]
        : [...messages, message];
    this.setState({ messages: next });
    return message;
  }

  #requestMessages(): ChatMessageParam[] {
    const out: ChatMessageParam[] = [];
    if (this.#options.system) out.push({ role: 'system', content: this.#options.system });
    for (const m of this.getSnapshot().messages) {
      if (m.role === 'assistant') {
        if (m.content === '' && m.reasoning === '') continue;
        // Gateways accept the DeepSeek extension field on assistant turns.
        const reasoning =
          this.#options.sendReasoning && m.reasoning ? { reasoning_content: m.reasoning } : {};
        out.push({ role: 'assistant', content: m.content, ...reasoning });
      } else if (m.role === 'system' || m.parts.every((p) => p.type === 'text')) {
        out.push({ role: m.role, content: m.content });
      } else {
        out.push({ role: 'user', content: m.parts.map(toContentPart) });
      }
    }
    return out;
  }

  #persist(): void {
    const storage = this.#options.storage;
    if (!storage) return;
    const { id, messages } = this.getSnapshot();
    try {
      const result = messages.length === 0 ? storage.remove(id) : storage.save(id, messages);
      if (result instanceof Promise)
        result.catch((error: unknown) => this.#options.onError?.(toAitreError(error)));
    } catch (error) {
      this.#options.onError?.(toAitreError(error));
    }
  }
}

function toContentPart(part: MessagePart): ChatContentPart {
  if (part.type === 'text') return { type: 'text', text: part.text };
  return {
    type: 'image_url',
    image_url: part.detail ? { url: part.url, detail: part.detail } : { url: part.url },
  };
}

async function toImagePart(attachment: ChatAttachment): Promise<MessageImagePart> {
  if (typeof attachment === 'string') return { type: 'image', url: attachment };
  if (!(attachment instanceof Blob)) return attachment;
  if (!attachment.type.startsWith('image/')) {
    throw new ValidationError('option_invalid', 'attachments', 'Only images can be attached.', {
      type: attachment.type || 'unknown',
    });
  }
  return { type: 'image', url: await toDataUrl(attachment) };
}
