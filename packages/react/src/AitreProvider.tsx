'use client';

import { type AitreClient, type ChatClient, createChatClient } from '@aitre/core';
import { createContext, type ReactNode, useContext, useMemo } from 'react';

/** Locales whose strings ship with the kit. */
export type AitreLocale = 'en' | 'zh-CN';

interface AitreContextValue {
  client: AitreClient | ChatClient | undefined;
  locale: AitreLocale;
  imageProxy?: string | undefined;
}

const AitreContext = createContext<AitreContextValue>({ client: undefined, locale: 'en' });

/** Props of {@link AitreProvider}: a ready client, or what is needed to build one. */
export interface AitreProviderProps {
  /**
   * A client to share; when given, `baseURL`, `apiKey`, `fetch` and `headers` are ignored. A
   * `createChatClient()` client keeps a chat-only app small: the hooks of other areas add
   * their area to it when they first run, so a bundle holds only the areas its hooks use.
   */
  client?: AitreClient | ChatClient;
  /** Gateway root (e.g. `https://api.example.com` or your proxy route). */
  baseURL?: string;
  /** API key sent as a bearer token. Prefer a server-side proxy in production. */
  apiKey?: string;
  /** Custom fetch: a proxy, the mock gateway's in-memory fetch, tests. */
  fetch?: typeof fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** UI language exposed to components; default `'en'`. */
  locale?: AitreLocale;
  /**
   * The route of your `createProxy({ imageOrigins })` that fetches images from other origins,
   * e.g. `/api/aitre/image`. With it, the components download URL results (Flux, DALL·E,
   * MidJourney) through your origin, so the browser saves the file instead of opening a tab.
   */
  imageProxy?: string;
  /** The app. */
  children?: ReactNode;
}

/** Shares one AITRE client and the UI locale with every hook and component below it. */
export function AitreProvider(props: AitreProviderProps): ReactNode {
  const {
    client: given,
    baseURL,
    apiKey,
    fetch: fetchFn,
    headers,
    locale = 'en',
    imageProxy,
    children,
  } = props;
  // Headers are compared by value so an inline object does not rebuild the client each render.
  const headersKey = headers ? JSON.stringify(headers) : '';
  const client = useMemo(() => {
    if (given) return given;
    if (baseURL === undefined) return undefined;
    // The chat client: every other hook adds its own area to it (withImages ...), so an app
    // that never calls useMidjourneyTask does not bundle the MidJourney client. The client
    // treats an absent option and an undefined one alike.
    return createChatClient({
      baseURL,
      apiKey,
      fetch: fetchFn,
      headers: headersKey ? (JSON.parse(headersKey) as Record<string, string>) : undefined,
    });
  }, [given, baseURL, apiKey, fetchFn, headersKey]);
  const value = useMemo(() => ({ client, locale, imageProxy }), [client, locale, imageProxy]);
  return <AitreContext.Provider value={value}>{children}</AitreContext.Provider>;
}

/**
 * The client of the nearest {@link AitreProvider}, or `override` when given (which may be a
 * smaller client, e.g. `createChatClient`'s). Throws when neither exists, or when the client
 * lacks the `area` the caller needs, naming the fix either way.
 */
export function useAitreClient<C extends object = AitreClient>(
  override?: C,
  area?: keyof AitreClient,
): C | AitreClient {
  const { client } = useContext(AitreContext);
  const resolved = override ?? client;
  if (!resolved) {
    throw new Error(
      'No AITRE client: wrap the app in <AitreProvider baseURL="..."> or pass `client` to the hook.',
    );
  }
  if (area !== undefined && !(area in resolved)) {
    throw new Error(
      `The AITRE client has no \`${area}\` API (a createChatClient() client?): give AitreProvider a createClient() client, or pass one as \`client\` to this hook.`,
    );
  }
  // Past the check, the areas the caller uses exist.
  return resolved as C | AitreClient;
}

/** The UI locale of the nearest {@link AitreProvider} (`'en'` without one). */
export function useAitreLocale(): AitreLocale {
  return useContext(AitreContext).locale;
}

/** The `imageProxy` route of the nearest {@link AitreProvider}, if it has one. */
export function useAitreImageProxy(): string | undefined {
  return useContext(AitreContext).imageProxy;
}
