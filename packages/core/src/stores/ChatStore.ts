import type {
  AggregatedMessage,
  AitreClient,
  ChatCompletionStream,
  ChatMessageParam,
} from '../client/index.js';
import { AbortError, type AitreError, ValidationError } from '../errors.js';
import type {
  ChatMessage,
  ChatMessageError,
  ChatMessageStatus,
  ChatUsage,
  MessageImagePart,
  MessagePart,
  MessageTextPart,
} from './ChatMessage.js';
import type { ChatStorage } from './ChatStorage.js';
import { createId } from './createId.js';
import { extractMarkdownImages } from './extractMarkdownImages.js';
import { frameScheduler } from './frameScheduler.js';
import { type Notify, Store } from './Store.js';
import { toAitreError } from './toAitreError.js';
import { toDataUrl } from './toDataUrl.js';
import { toUsage } from './toUsage.js';

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
  /** The client that talks to the gateway: `createClient` or the smaller `createChatClient`. */
  client: Pick<AitreClient, 'chat'>;
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
  stream?: ChatCompletionStream;
  id: string;
  createdAt: number;
  /** Clock readings: request start, first token, first reasoning token, first answer token after reasoning. */
  startedAt: number;
  firstAt?: number;
  thinkAt?: number;
  thoughtAt?: number;
  deltas: number;
  /** When the thread was last saved during this run. */
  savedAt: number;
  /** Chunks arrived since the last snapshot. */
  dirty?: boolean;
  /** A first chunk arrived (a stopped run keeps an answer only then). */
  started?: boolean;
  /** The send this run answers, to undo it if it fails before any answer. */
  send: FailedSend | undefined;
}

interface FailedSend {
  message: ChatMessage;
  /** What a failure put back into the draft, so a retry can take it out again. */
  restored: { input: string; attachments: readonly MessageImagePart[] } | undefined;
  body: Record<string, unknown> | undefined;
}

/** How often a streaming answer is saved to `storage`, in milliseconds. */
const SAVE_EVERY_MS = 1000;

const defaultNow = (): number => globalThis.performance?.now() ?? Date.now();

const addUsage = (a: ChatUsage | undefined, b: ChatUsage | undefined): ChatUsage | undefined =>
  a && b
    ? {
        promptTokens: a.promptTokens + b.promptTokens,
        completionTokens: a.completionTokens + b.completionTokens,
        totalTokens: a.totalTokens + b.totalTokens,
      }
    : (a ?? b);

const textOf = (parts: readonly MessagePart[]): string =>
  parts
    .filter((p) => p.type === 'text')
    .map((p) => p.text)
    .join('\n');

// Blank text parts are dropped, so whitespace alone counts as an empty message.
const partsOf = (content: string | readonly MessagePart[]): MessagePart[] =>
  (typeof content === 'string' ? [{ type: 'text' as const, text: content }] : content).filter(
    (p) => p.type !== 'text' || p.text.trim() !== '',
  );

function lastIndexOf<T>(items: readonly T[], test: (item: T) => boolean): number {
  let i = items.length;
  while (i-- > 0 && !test(items[i] as T));
  return i;
}

// A message saved mid-stream (tab closed) cannot resume: it is marked incomplete.
const restored = (messages: readonly ChatMessage[] | undefined): readonly ChatMessage[] | false =>
  !!messages?.length &&
  messages.map((m) => (m.status === 'streaming' ? { ...m, status: 'incomplete' } : m));

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
    let loaded: ReturnType<ChatStorage['load']>;
    try {
      loaded = options.storage?.load(initial.id);
    } catch (error) {
      options.onError?.(toAitreError(error));
    }
    // A synchronous storage restores before the first snapshot: no flash, no notification.
    const messages = Array.isArray(loaded) && restored(loaded);
    super(messages ? { ...initial, messages } : initial, options.schedule ?? frameScheduler());
    this.#options = options;
    this.#now = options.now ?? defaultNow;
    this.#initial = initial;
    if (loaded instanceof Promise) {
      loaded.then((late) => {
        const messages = restored(late);
        // A late load must not overwrite a conversation that already started.
        if (messages && this.getSnapshot().messages === initial.messages) {
          this.setState({ messages });
        }
      }, this.#report);
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
    return !!this.#run;
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
    this.#failed = undefined;
    this.setState((s) => ({
      messages: typeof messages === 'function' ? messages(s.messages) : messages,
      error: undefined,
      status: 'idle',
    }));
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
    let parts: MessagePart[];
    try {
      // Without attachments to read, the draft is taken synchronously, so a double submit
      // cannot send it twice.
      const extra = options.attachments?.length
        ? await Promise.all(options.attachments.map(toImagePart))
        : [];
      const { input, attachments } = this.getSnapshot();
      parts = partsOf([
        ...(content === undefined ? [text(input), ...attachments] : partsOf(content)),
        ...extra,
      ]);
    } catch (error) {
      this.#reject(error);
      return;
    }
    if (this.#invalid(parts)) return;
    this.stop();
    await this.#submit(
      {
        message: {
          id: createId('msg'),
          role: 'user',
          parts,
          content: textOf(parts),
          reasoning: '',
          images: [],
          status: 'done',
          createdAt: Date.now(),
        },
        restored: undefined,
        body: options.body,
      },
      content === undefined,
    );
  }

  /** Re-sends the last failed send, or regenerates the last unfinished answer. */
  async retry(): Promise<void> {
    if (this.#run) return;
    const failed = this.#failed;
    const { input, attachments, messages } = this.getSnapshot();
    if (failed) {
      // Take the restored draft back only if the user has not changed it since.
      const draft = failed.restored;
      await this.#submit(
        { ...failed, restored: undefined },
        draft?.input === input && draft.attachments === attachments,
      );
      return;
    }
    const last = messages.at(-1);
    if (last && (last.role === 'user' || last.status !== 'done')) await this.regenerate(last.id);
  }

  /**
   * Asks again. With an assistant message id (default: the last answer) that answer and
   * everything after it are dropped; with a user message id, everything after it.
   */
  async regenerate(messageId?: string): Promise<void> {
    const { messages } = this.getSnapshot();
    let cut: number;
    if (messageId === undefined) {
      cut = lastIndexOf(messages, (m) => m.role === 'assistant');
      if (cut < 0) cut = messages.length;
    } else {
      cut = messages.findIndex((m) => m.id === messageId);
      if (cut < 0) return;
      if (messages[cut]?.role === 'user') cut++;
    }
    const kept = messages.slice(0, cut);
    if (kept.some((m) => m.role === 'user')) await this.#ask(kept, undefined);
  }

  /** Replaces a user message's content, drops everything after it and asks again. */
  async edit(messageId: string, content: string | readonly MessagePart[]): Promise<void> {
    const { messages } = this.getSnapshot();
    const index = messages.findIndex((m) => m.id === messageId);
    const original = messages[index];
    if (original?.role !== 'user') return;
    const parts = partsOf(content);
    if (this.#invalid(parts)) return;
    await this.#ask(
      [...messages.slice(0, index), { ...original, parts, content: textOf(parts) }],
      undefined,
    );
  }

  /** Stops the answer in flight; what has arrived stays, marked `stopped`. */
  stop(): void {
    const run = this.#run;
    if (!run) return;
    this.#run = undefined;
    run.controller.abort();
    run.stream?.abort();
    const snapshot = run.stream?.snapshot();
    const message = run.started && snapshot && this.#write(run, snapshot, 'stopped');
    this.setState({ status: 'idle' });
    this.#persist();
    // The end of a run reaches subscribers at once, not a frame after `send` resolves.
    this.flush();
    if (message) this.#options.onFinish?.(message, this.getSnapshot().messages);
  }

  /** Stops any stream and drops a pending notification; the store stays usable. */
  dispose(): void {
    this.stop();
    this.cancelFlush();
  }

  // Builds the streaming message once per notification instead of once per chunk, and saves
  // it about once a second, so a reload mid-answer restores what arrived (as incomplete).
  protected override flush(): void {
    const run = this.#run;
    if (run?.dirty && run.stream) {
      run.dirty = false;
      this.#write(run, run.stream.snapshot(), 'streaming');
      const now = this.#now();
      if (now - run.savedAt >= SAVE_EVERY_MS) {
        run.savedAt = now;
        this.#persist();
      }
    }
    super.flush();
  }

  #report = (error: unknown): void => {
    this.#options.onError?.(toAitreError(error));
  };

  // Rejects an empty message (when `parts` are given) or a missing model, before any request.
  #invalid(parts?: readonly MessagePart[]): boolean {
    const error =
      parts?.length === 0
        ? new ValidationError('prompt_empty', 'content', 'The message is empty.')
        : !this.#options.model &&
          new ValidationError('model_missing', 'model', 'No model is selected.');
    if (error) this.#reject(error);
    return !!error;
  }

  #reject(error: unknown): void {
    const err = toAitreError(error);
    // A bad send while an answer streams must not hide that stream's status.
    this.setState(this.#run ? { error: err } : { status: 'error', error: err });
    this.#options.onError?.(err);
  }

  #submit(send: FailedSend, clearDraft: boolean): Promise<void> {
    return this.#ask([...this.getSnapshot().messages, send.message], send, clearDraft);
  }

  // Stops any answer, sets the thread to `messages` (clearing the draft when it was sent) and
  // streams the answer. Without a model nothing changes, so a failed send stays retryable.
  async #ask(
    messages: readonly ChatMessage[],
    send: FailedSend | undefined,
    clearDraft?: boolean,
  ): Promise<void> {
    const options = this.#options;
    const model = options.model;
    if (this.#invalid() || !model) return;
    this.stop();
    this.#failed = undefined;
    const startedAt = this.#now();
    const run: Run = {
      controller: new AbortController(),
      id: createId('msg'),
      createdAt: Date.now(),
      startedAt,
      savedAt: startedAt,
      deltas: 0,
      send,
    };
    this.#run = run;
    this.setState({
      messages,
      status: 'submitted',
      error: undefined,
      ...(clearDraft && { input: '', attachments: [] }),
    });
    this.#persist();
    const extra = { ...options.body, ...send?.body };
    let stream: ChatCompletionStream | undefined;
    try {
      stream = await options.client.chat.completions.create(
        {
          model,
          messages: this.#requestMessages(),
          stream: true,
          stream_options: { include_usage: true },
          ...(Object.keys(extra).length > 0 && { extra }),
        },
        {
          signal: run.controller.signal,
          ...(options.headers && { headers: options.headers }),
        },
      );
      if (this.#run !== run) {
        stream.abort();
        return;
      }
      run.stream = stream;
      for await (const chunk of stream) {
        if (this.#run !== run) return;
        if (!run.started) {
          run.started = true;
          this.#write(run, stream.snapshot(), 'streaming');
          this.setState({ status: 'streaming' });
        }
        const delta = chunk.choices[0]?.delta;
        const thinking = delta?.reasoning_content || delta?.reasoning;
        if (thinking || delta?.content) {
          const now = this.#now();
          run.firstAt ??= now;
          run.deltas++;
          if (thinking) run.thinkAt ??= now;
          if (delta?.content && run.thinkAt !== undefined) run.thoughtAt ??= now;
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
    const message = this.#write(
      run,
      snapshot,
      snapshot.incomplete || snapshot.finishReason === null ? 'incomplete' : 'done',
    );
    this.setState((s) => ({ status: 'idle', usage: addUsage(s.usage, toUsage(snapshot.usage)) }));
    this.#persist();
    this.flush();
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
    const { kind, message, code } = err as AitreError & { code?: string | number };
    if (snapshot && (snapshot.content || snapshot.reasoning)) {
      this.#write(
        run,
        snapshot,
        'error',
        code === undefined ? { kind, message } : { kind, message, code },
      );
      this.setState((s) => ({
        status: 'error',
        error: err,
        usage: addUsage(s.usage, toUsage(snapshot.usage)),
      }));
    } else {
      // Nothing was answered: the thread goes back to before the request and the message
      // returns to the draft (unless the user has started a new one), so nothing is lost.
      const state = this.getSnapshot();
      const send = run.send;
      const sent = send?.message;
      let draft: FailedSend['restored'];
      if (sent && state.input === '' && state.attachments.length === 0) {
        draft = {
          input: sent.content,
          attachments: sent.parts.filter((p) => p.type === 'image'),
        };
      }
      this.#failed = send && { ...send, restored: draft };
      this.setState({
        messages: state.messages.filter((m) => m.id !== run.id && m.id !== sent?.id),
        status: 'error',
        error: err,
        ...draft,
      });
    }
    this.#persist();
    this.flush();
    this.#options.onError?.(err);
  }

  #write(
    run: Run,
    snapshot: AggregatedMessage,
    status: ChatMessageStatus,
    error?: ChatMessageError,
  ): ChatMessage {
    // The client already moved `<think>` blocks from the content into the reasoning.
    const { content, reasoning, finishReason } = snapshot;
    const { messages } = this.getSnapshot();
    const index = lastIndexOf(messages, (m) => m.id === run.id);
    const previous = messages[index];
    if (
      status === 'streaming' &&
      previous?.content === content &&
      previous.reasoning === reasoning
    ) {
      return previous;
    }
    const model = this.#options.model;
    const message: ChatMessage = {
      id: run.id,
      role: 'assistant',
      parts: [text(content)],
      content,
      reasoning,
      images: extractMarkdownImages(content),
      status,
      createdAt: run.createdAt,
      ...(model && { model }),
      ...(error && { error }),
    };
    if (status !== 'streaming') {
      if (finishReason) message.finishReason = finishReason;
      const usage = toUsage(snapshot.usage);
      if (usage) message.usage = usage;
      const end = this.#now();
      const { firstAt, thinkAt } = run;
      if (firstAt !== undefined) {
        const seconds = (end - firstAt) / 1000;
        message.timings = {
          firstTokenMs: Math.max(0, firstAt - run.startedAt),
          ...(seconds > 0 && {
            tokensPerSecond: (usage?.completionTokens ?? run.deltas) / seconds,
          }),
          ...(thinkAt !== undefined && {
            reasoningMs: Math.max(0, (run.thoughtAt ?? end) - thinkAt),
          }),
        };
      }
    }
    const next = [...messages];
    next.splice(index < 0 ? next.length : index, 1, message);
    this.setState({ messages: next });
    return message;
  }

  #requestMessages(): ChatMessageParam[] {
    const { system, sendReasoning } = this.#options;
    const out: ChatMessageParam[] = system ? [{ role: 'system', content: system }] : [];
    for (const { role, content, reasoning, parts } of this.getSnapshot().messages) {
      if (role === 'assistant') {
        // Gateways accept the DeepSeek extension field on assistant turns.
        if (content || reasoning) {
          out.push({
            role,
            content,
            ...(sendReasoning && reasoning && { reasoning_content: reasoning }),
          });
        }
      } else if (role === 'system' || parts.every((p) => p.type === 'text')) {
        out.push({ role, content });
      } else {
        out.push({
          role,
          content: parts.map((p) =>
            p.type === 'text'
              ? p
              : {
                  type: 'image_url',
                  image_url: p.detail ? { url: p.url, detail: p.detail } : { url: p.url },
                },
          ),
        });
      }
    }
    return out;
  }

  #persist(): void {
    const storage = this.#options.storage;
    const { id, messages } = this.getSnapshot();
    try {
      const result = messages.length ? storage?.save(id, messages) : storage?.remove(id);
      if (result instanceof Promise) result.catch(this.#report);
    } catch (error) {
      this.#report(error);
    }
  }
}

const text = (value: string): MessageTextPart => ({ type: 'text', text: value });

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
