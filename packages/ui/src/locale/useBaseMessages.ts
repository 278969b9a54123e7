'use client';
import { useMemo } from 'react';
import { baseMessages } from './baseMessages.js';
import { useLocaleContext } from './LocaleProvider.js';
import type { BaseMessages } from './Messages.js';
import { mergeMessages } from './mergeMessages.js';

/**
 * The groups of the message table that `<Chat />`, the markdown renderer and the shared parts
 * read, resolved like `useMessages` but without the other components' strings in the bundle.
 */
export function useBaseMessages(): BaseMessages {
  const { locale, override } = useLocaleContext();
  return useMemo(() => mergeMessages(baseMessages[locale], override), [locale, override]);
}
