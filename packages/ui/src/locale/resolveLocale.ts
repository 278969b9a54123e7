/** The locales that ship with @aitre/ui. */
export type LocaleTag = 'en' | 'zh-CN';

/** Maps any BCP 47 tag to a shipped locale: Chinese variants to 'zh-CN', everything else to 'en'. */
export function resolveLocale(tag: string | undefined): LocaleTag {
  return tag !== undefined && /^zh(?:$|[-_])/i.test(tag) ? 'zh-CN' : 'en';
}
