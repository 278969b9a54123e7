import { en } from './en.js';
import type { Messages } from './Messages.js';
import { zhCN } from './zhCN.js';

/** The locales that ship with @aitre/ui. */
export type LocaleTag = 'en' | 'zh-CN';

/** The shipped message tables by locale tag. */
export const messages: Record<LocaleTag, Messages> = { en, 'zh-CN': zhCN };

/** Maps any BCP 47 tag to a shipped locale: Chinese variants to 'zh-CN', everything else to 'en'. */
export function resolveLocale(tag: string | undefined): LocaleTag {
  return tag !== undefined && /^zh(?:$|[-_])/i.test(tag) ? 'zh-CN' : 'en';
}
