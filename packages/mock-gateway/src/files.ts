import { encodeBase64 } from './base64.js';
import type { RequestContext } from './context.js';
import { randomHex } from './random.js';

interface StoredFile {
  bytes: Uint8Array;
  contentType: string;
}

/** Keeps at most this many generated files; the oldest go first (like expiring CDN links). */
const MAX_FILES = 512;

/** Generated files the gateway serves under `/files/<id>.<ext>`. */
export class FileStore {
  readonly #files = new Map<string, StoredFile>();

  /**
   * Stores bytes and returns the public URL for them. Under the image-404 fault (of this request,
   * or `missing` for files of a task submitted under it) the URL points at nothing.
   */
  publish(
    ctx: RequestContext,
    bytes: Uint8Array,
    options: { contentType?: string; ext?: string; missing?: boolean } = {},
  ): string {
    const contentType = options.contentType ?? 'image/png';
    const name = `${Date.now().toString(36)}${randomHex(10)}.${options.ext ?? 'png'}`;
    if (options.missing ?? ctx.fault === 'image-404') return this.urlFor(ctx, name);
    if (ctx.options.fileUrls === 'data') return `data:${contentType};base64,${encodeBase64(bytes)}`;
    this.#files.set(name, { bytes, contentType });
    if (this.#files.size > MAX_FILES) {
      const oldest = this.#files.keys().next().value;
      if (oldest !== undefined) this.#files.delete(oldest);
    }
    return this.urlFor(ctx, name);
  }

  /** The URL of a file name under this gateway. */
  urlFor(ctx: RequestContext, name: string): string {
    return `${ctx.origin}/files/${name}`;
  }

  /** A stored file by name. */
  get(name: string): StoredFile | undefined {
    return this.#files.get(name);
  }

  /** Forgets every file. */
  clear(): void {
    this.#files.clear();
  }
}
