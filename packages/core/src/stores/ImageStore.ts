import type {
  AitreClient,
  ImageEditParams,
  ImageGenerateParams,
  ImagesResponse,
} from '../client/index.js';
import type { AitreError } from '../errors.js';
import { createId } from './createId.js';
import { base64ToBlob, createObjectUrl, revokeObjectUrl } from './objectUrl.js';
import { RequestStore } from './RequestStore.js';
import type { Notify } from './Store.js';

/** One image of a generation. */
export interface GeneratedImage {
  /** What to put in `<img src>`: the gateway's URL, or an object URL made from `b64_json`. */
  url: string;
  /** True when `url` is an object URL this store owns (revoked when its generation goes). */
  objectUrl: boolean;
  /**
   * The image bytes: sent by the gateway (`b64_json`), or fetched with the store's `fetchImage`
   * after a URL answer. E.g. to use as an edit source.
   */
  blob?: Blob;
  /** The gateway's URL of an image the store fetched (its `url` is then an object URL). */
  sourceUrl?: string;
  /** The model's rewrite of the prompt, when it sent one (dall-e-3). */
  revisedPrompt?: string;
}

/** One finished `generate` or `edit` call. */
export interface ImageGeneration {
  /** Unique within the store. */
  id: string;
  /** Which call produced it. */
  kind: 'generate' | 'edit';
  /** The prompt sent. */
  prompt: string;
  /** The model used. */
  model: string;
  /** The images, in the gateway's order. */
  images: GeneratedImage[];
  /** When it finished (ms since the epoch). */
  createdAt: number;
}

/** idle: nothing in flight; generating: a request is in flight; success / error: the last one's outcome. */
export type ImageStatus = 'idle' | 'generating' | 'success' | 'error';

/** Snapshot of an `ImageStore`. */
export interface ImageSnapshot {
  /** Where the last request stands. */
  status: ImageStatus;
  /** The newest generation's images (empty before the first). */
  images: GeneratedImage[];
  /** Past generations, newest first, at most `historyLimit`. */
  history: ImageGeneration[];
  /** Why the last request failed (a ValidationError arrives before any request). */
  error: AitreError | undefined;
}

/** Parameters of `ImageStore.generate`: the client's, with `model` optional when the store has one. */
export type ImageGenerateInput = Omit<ImageGenerateParams, 'model'> & { model?: string };
/** Parameters of `ImageStore.edit`: the client's, with `model` optional when the store has one. */
export type ImageEditInput = Omit<ImageEditParams, 'model'> & { model?: string };

/** Options of an `ImageStore`. */
export interface ImageStoreOptions {
  /** The model used when a call names none. */
  model?: string;
  /**
   * How many generations to keep. Object URLs live as long as their generation: a generation
   * pushed out of the history (replaced), cleared, removed or disposed has its URLs revoked.
   * Default 10; 1 keeps only the current images.
   */
  historyLimit?: number;
  /** How notifications are delivered (default: at once). */
  schedule?: Notify;
  /**
   * Fetches an http(s) image result (e.g. through your proxy's image route). Given it, URL
   * answers are fetched right after they arrive and become object URLs with a `blob`: they can
   * be edited and downloaded, and outlive the gateway's expiring links. A failed fetch leaves
   * the URL as it came.
   */
  fetchImage?: (url: string, signal: AbortSignal) => Promise<Blob>;
}

const EMPTY: ImageSnapshot = { status: 'idle', images: [], history: [], error: undefined };

const MIME: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

function mimeOf(format: unknown): string {
  return (typeof format === 'string' && MIME[format]) || 'image/png';
}

function revokeAll(generations: readonly ImageGeneration[]): void {
  for (const generation of generations) {
    for (const image of generation.images) if (image.objectUrl) revokeObjectUrl(image.url);
  }
}

/** Image generation and editing with a history; b64 results become object URLs it cleans up. */
export class ImageStore extends RequestStore<ImageSnapshot> {
  readonly #client: Pick<AitreClient, 'images'>;
  readonly #model: string | undefined;
  readonly #limit: number;
  readonly #fetchImage: ImageStoreOptions['fetchImage'];
  // Aborts the image fetches in flight when the store is cleared or disposed.
  #fetches = new AbortController();

  constructor(client: Pick<AitreClient, 'images'>, options: ImageStoreOptions = {}) {
    super(EMPTY, options.schedule, (s) => s.images.length);
    this.#client = client;
    this.#model = options.model;
    this.#limit = Math.max(1, options.historyLimit ?? 10);
    this.#fetchImage = options.fetchImage;
  }

  /** Generates images (`/v1/images/generations`). Resolves to the generation, undefined on error or cancel. */
  generate(params: ImageGenerateInput): Promise<ImageGeneration | undefined> {
    const model = params.model ?? this.#model ?? '';
    return this.#run('generate', params.prompt, model, params.output_format, (signal) =>
      this.#client.images.generate({ ...params, model }, { signal }),
    );
  }

  /** Edits images (`/v1/images/edits`). Resolves to the generation, undefined on error or cancel. */
  edit(params: ImageEditInput): Promise<ImageGeneration | undefined> {
    const model = params.model ?? this.#model ?? '';
    const format = (params as { output_format?: unknown }).output_format;
    return this.#run('edit', params.prompt, model, format, (signal) =>
      this.#client.images.edit({ ...params, model }, { signal }),
    );
  }

  /** Drops one generation from the history (revoking its object URLs). */
  remove(id: string): void {
    const { history } = this.getSnapshot();
    const gone = history.filter((g) => g.id === id);
    if (gone.length === 0) return;
    revokeAll(gone);
    const rest = history.filter((g) => g.id !== id);
    this.setState({ history: rest, images: rest[0]?.images ?? [] });
  }

  /** Drops every generation and revokes their object URLs. */
  clear(): void {
    this.#fetches.abort();
    this.#fetches = new AbortController();
    revokeAll(this.getSnapshot().history);
    this.setState({ history: [], images: [], error: undefined, status: 'idle' });
  }

  /** Aborts the request in flight and revokes every object URL. The store stays usable. */
  dispose(): void {
    this.abortRequest();
    this.clear();
  }

  async #run(
    kind: ImageGeneration['kind'],
    prompt: string,
    model: string,
    format: unknown,
    send: (signal: AbortSignal) => Promise<ImagesResponse>,
  ): Promise<ImageGeneration | undefined> {
    const done = await this.request('generating', send, (response) => {
      const type = mimeOf(format ?? response.output_format);
      const images: GeneratedImage[] = [];
      for (const item of response.data ?? []) {
        const image = toImage(item, type);
        if (image) images.push(image);
      }
      const history = [
        { id: createId('img'), kind, prompt, model, images, createdAt: Date.now() },
        ...this.getSnapshot().history,
      ];
      revokeAll(history.slice(this.#limit));
      return { images, history: history.slice(0, this.#limit) };
    });
    const generation = done && this.getSnapshot().history[0];
    if (generation) this.#fetchImages(generation);
    return generation;
  }

  // Fetches the URL images of a generation into blobs, replacing each image object
  // as its bytes arrive; a generation gone meanwhile has the new object URL revoked at once.
  #fetchImages(generation: ImageGeneration): void {
    const fetchImage = this.#fetchImage;
    if (!fetchImage) return;
    const signal = this.#fetches.signal;
    generation.images.forEach((image, index) => {
      if (image.blob || !/^https?:/i.test(image.url)) return;
      fetchImage(image.url, signal).then(
        (blob) => {
          const url = createObjectUrl(blob);
          const { history } = this.getSnapshot();
          const at = history.findIndex((g) => g.id === generation.id);
          const current = history[at];
          if (signal.aborted || !url || !current || current.images[index] !== image) {
            revokeObjectUrl(url);
            return;
          }
          const images = current.images.map((old, i) =>
            i === index ? { ...old, url, objectUrl: true, blob, sourceUrl: old.url } : old,
          );
          const next = history.map((g, i) => (i === at ? { ...g, images } : g));
          this.setState({ history: next, images: next[0]?.images ?? [] });
        },
        () => {
          // The link stays as it came: it still renders, and Download can still open it.
        },
      );
    });
  }
}

function toImage(
  item: { url?: string; b64_json?: string; revised_prompt?: string },
  type: string,
): GeneratedImage | undefined {
  const revised = item.revised_prompt ? { revisedPrompt: item.revised_prompt } : {};
  if (item.b64_json) {
    const blob = base64ToBlob(item.b64_json, type);
    const url = createObjectUrl(blob);
    if (url) return { url, objectUrl: true, blob, ...revised };
    // No object URLs on this platform: a data URL still renders.
    return { url: `data:${type};base64,${item.b64_json}`, objectUrl: false, blob, ...revised };
  }
  if (item.url) return { url: item.url, objectUrl: false, ...revised };
  return undefined;
}
