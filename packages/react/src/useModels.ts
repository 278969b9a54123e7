'use client';
import { type AitreClient, type ModelsSnapshot, modelsStoreFor } from '@aitre/core';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useAitreClient } from './AitreProvider.js';

/** Options of `useModels`. */
export interface UseModelsOptions {
  /** A client to use instead of the one from `AitreProvider` (`createChatClient`'s is enough). */
  client?: Pick<AitreClient, 'models'>;
}

/** What `useModels` returns. */
export interface UseModelsResult extends ModelsSnapshot {
  /** Loads the list again from the gateway. */
  reload(): void;
}

/** The gateway's models, grouped; loaded once per client and shared by every caller. */
export function useModels(options: UseModelsOptions = {}): UseModelsResult {
  const client = useAitreClient(options.client, 'models');
  const store = modelsStoreFor(client);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  useEffect(() => {
    void store.load();
  }, [store]);
  const reload = useCallback(() => {
    void store.load({ force: true });
  }, [store]);
  return { ...snapshot, reload };
}
