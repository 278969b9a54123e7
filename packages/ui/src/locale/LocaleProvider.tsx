'use client';
import { useAitreLocale } from '@aitre/react';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type LocaleTag, messages, resolveLocale } from './locales.js';
import type { Messages } from './Messages.js';
import { type MessagesOverride, mergeMessages } from './mergeMessages.js';

interface LocaleContextValue {
  locale: LocaleTag;
  messages: Messages;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

/** Props of {@link LocaleProvider}. */
export interface LocaleProviderProps {
  /**
   * A BCP 47 tag; Chinese variants use zh-CN, anything else English. Defaults to the locale of
   * an outer LocaleProvider, then of the AitreProvider.
   */
  locale?: string;
  /** Strings that replace the shipped ones, by group and key (on top of an outer provider's). */
  messages?: MessagesOverride;
  children?: ReactNode;
}

/**
 * Chooses the language of the @aitre/ui components below it, or replaces some of their strings.
 * Not needed when `<AitreProvider locale>` already says the language.
 */
export function LocaleProvider({ locale, messages: override, children }: LocaleProviderProps) {
  const parent = useContext(LocaleContext);
  const aitreLocale = useAitreLocale();
  const tag = resolveLocale(locale ?? parent?.locale ?? aitreLocale);
  const base = parent && parent.locale === tag ? parent.messages : messages[tag];
  const value = useMemo(
    () => ({ locale: tag, messages: mergeMessages(base, override) }),
    [tag, base, override],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/**
 * The message table for components: the nearest {@link LocaleProvider}'s, else the shipped
 * table of the AitreProvider's locale, else English.
 */
export function useMessages(): Messages {
  const local = useContext(LocaleContext);
  const aitreLocale = useAitreLocale();
  return local ? local.messages : messages[resolveLocale(aitreLocale)];
}

/** The locale tag in effect, resolved like {@link useMessages}. */
export function useLocale(): LocaleTag {
  const local = useContext(LocaleContext);
  const aitreLocale = useAitreLocale();
  return local ? local.locale : resolveLocale(aitreLocale);
}
