'use client';
import {
  type AitreClient,
  type ChatClient,
  type ImageEditInput,
  type ImageGenerateInput,
  type ImageGeneration,
  type ImageModelOptions,
  type ImageSnapshot,
  ImageStore,
  imageModelOptions,
  imageRouteUrl,
  withImages,
} from '@aitre/core';
import { useMemo, useRef } from 'react';
import { useAitreClient, useAitreImageProxy } from './AitreProvider.js';
import { useOwnedStore } from './useOwnedStore.js';

/** Options of `useImageGen`. */
export interface UseImageGenOptions {
  /** The image model (e.g. 'gpt-image-1', 'dall-e-3', 'flux-kontext-pro'); a call may override it. */
  model: string;
  /** Generations kept in `history` (default 10); their object URLs are revoked when they drop out. */
  historyLimit?: number;
  /**
   * A client to use instead of the one from `AitreProvider`; a `createChatClient()` client
   * gets the area this hook needs added on first use.
   */
  client?: AitreClient | ChatClient;
}

/** What `useImageGen` returns: the store's snapshot, its actions, and the model's option table. */
export interface UseImageGenResult extends ImageSnapshot {
  /** Generates images with the hook's model unless `params.model` says otherwise. */
  generate(params: ImageGenerateInput): Promise<ImageGeneration | undefined>;
  /** Edits images with the hook's model unless `params.model` says otherwise. */
  edit(params: ImageEditInput): Promise<ImageGeneration | undefined>;
  /** Aborts the request in flight. */
  cancel(): void;
  /** Drops every generation and revokes their object URLs. */
  clear(): void;
  /** Drops one generation from the history. */
  remove(id: string): void;
  /** What the model accepts (sizes, qualities, n ...), undefined for unknown models. */
  modelOptions: ImageModelOptions | undefined;
}

// Fetches an image result through the provider's image route (same-origin ones directly).
async function viaRoute(route: string, url: string, signal: AbortSignal): Promise<Blob> {
  const direct = new URL(url).origin === globalThis.location?.origin;
  const response = await fetch(direct ? url : imageRouteUrl(route, url), { signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.blob();
}

/**
 * Image generation and editing; object URLs are revoked on unmount. Under
 * `<AitreProvider imageProxy>`, URL answers are fetched through that route into blobs.
 */
export function useImageGen(options: UseImageGenOptions): UseImageGenResult {
  const client = withImages(useAitreClient(options.client));
  // Read at fetch time, so a route set or changed later does not cost the history.
  const imageProxy = useRef<string | undefined>(undefined);
  imageProxy.current = useAitreImageProxy();
  const { model, historyLimit } = options;
  const [store, snapshot] = useOwnedStore(
    () =>
      new ImageStore(client, {
        model,
        historyLimit,
        fetchImage: (url, signal) => {
          const route = imageProxy.current;
          return route ? viaRoute(route, url, signal) : Promise.reject(new Error('no route'));
        },
      }),
    [client, historyLimit],
  );
  const actions = useMemo(
    () => ({
      generate: (params: ImageGenerateInput) => store.generate({ model, ...params }),
      edit: (params: ImageEditInput) => store.edit({ model, ...params }),
      cancel: () => store.cancel(),
      clear: () => store.clear(),
      remove: (id: string) => store.remove(id),
      modelOptions: imageModelOptions(model),
    }),
    [store, model],
  );
  return { ...snapshot, ...actions };
}
