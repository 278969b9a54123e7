import { enBase } from './enBase.js';
import type { BaseMessages } from './Messages.js';
import type { LocaleTag } from './resolveLocale.js';
import { zhCNBase } from './zhCNBase.js';

/** The shipped base groups (what `<Chat />` reads) by locale tag. */
export const baseMessages: Record<LocaleTag, BaseMessages> = { en: enBase, 'zh-CN': zhCNBase };
