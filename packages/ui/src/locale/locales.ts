import { en } from './en.js';
import type { Messages } from './Messages.js';
import type { LocaleTag } from './resolveLocale.js';
import { zhCN } from './zhCN.js';

export { type LocaleTag, resolveLocale } from './resolveLocale.js';

/** The shipped message tables by locale tag. */
export const messages: Record<LocaleTag, Messages> = { en, 'zh-CN': zhCN };
