'use client';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type LocaleTag, messages, resolveLocale } from './locales.js';
import type { Messages } from './Messages.js';
import { type MessagesOverride, mergeMessages } from './mergeMessages.js';

interface LocaleContextValue {
  locale: LocaleTag;
  messages: Messages;
}

const LocaleContext = createContext<LocaleContextValue>({ locale: 'en', messages: messages.en });

/** Props of {@link LocaleProvider}. */
export interface LocaleProviderProps {
  /** A BCP 47 tag; Chinese variants use zh-CN, anything else English. Defaults to 'en'. */
  locale?: string;
  /** Strings that replace the shipped ones, by group and key. */
  messages?: MessagesOverride;
  children?: ReactNode;
}

/** Chooses the language of every @aitre/ui component below it. */
export function LocaleProvider({ locale, messages: override, children }: LocaleProviderProps) {
  const tag = resolveLocale(locale);
  const value = useMemo(
    () => ({ locale: tag, messages: mergeMessages(messages[tag], override) }),
    [tag, override],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/** The message table of the nearest {@link LocaleProvider}, English without one. */
export function useMessages(): Messages {
  return useContext(LocaleContext).messages;
}

/** The locale tag of the nearest {@link LocaleProvider}, 'en' without one. */
export function useLocale(): LocaleTag {
  return useContext(LocaleContext).locale;
}
