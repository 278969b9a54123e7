'use client';
import { useAitreLocale } from '@aitre/react';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { messages } from './locales.js';
import type { Messages } from './Messages.js';
import { type MessagesOverride, mergeMessages } from './mergeMessages.js';
import { type LocaleTag, resolveLocale } from './resolveLocale.js';

// The context holds the language and the overrides, not a table: each hook merges the
// overrides into the part of the table it needs, so a chat-only bundle never holds the strings
// of the other components.
interface LocaleContextValue {
  locale: LocaleTag;
  override: MessagesOverride | undefined;
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

/** `outer` with the groups and keys of `inner` replacing its own. */
function combine(
  outer: MessagesOverride | undefined,
  inner: MessagesOverride | undefined,
): MessagesOverride | undefined {
  if (!outer || !inner) return outer ?? inner;
  const combined: Record<string, object | undefined> = { ...outer };
  for (const [group, values] of Object.entries(inner)) {
    combined[group] = { ...combined[group], ...values };
  }
  return combined as MessagesOverride;
}

/**
 * Chooses the language of the @aitre/ui components below it, or replaces some of their strings.
 * Not needed when `<AitreProvider locale>` already says the language.
 */
export function LocaleProvider({ locale, messages: override, children }: LocaleProviderProps) {
  const parent = useContext(LocaleContext);
  const aitreLocale = useAitreLocale();
  const tag = resolveLocale(locale ?? parent?.locale ?? aitreLocale);
  // An outer provider's strings were written for its language: kept only when it is the same.
  const outer = parent && parent.locale === tag ? parent.override : undefined;
  const value = useMemo(
    () => ({ locale: tag, override: combine(outer, override) }),
    [tag, outer, override],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/** The locale in effect and the overrides of the nearest {@link LocaleProvider}. */
export function useLocaleContext(): LocaleContextValue {
  const local = useContext(LocaleContext);
  const aitreLocale = useAitreLocale();
  return local ?? { locale: resolveLocale(aitreLocale), override: undefined };
}

/**
 * The message table for components: the nearest {@link LocaleProvider}'s, else the shipped
 * table of the AitreProvider's locale, else English.
 */
export function useMessages(): Messages {
  const { locale, override } = useLocaleContext();
  return useMemo(() => mergeMessages(messages[locale], override), [locale, override]);
}

/** The locale tag in effect, resolved like {@link useMessages}. */
export function useLocale(): LocaleTag {
  return useLocaleContext().locale;
}
