import type { Lang } from '../i18n/index.ts';

/** A name as a page shows it: in the page's language where it has one, else the Chinese original, marked. */
export interface ShownName {
  text: string;
  /** `zh-CN` when the name is Chinese shown on an English page. */
  lang: string | undefined;
  /** The Chinese original of an English name, or null. */
  original: string | null;
}

/** `original` as a page in `lang` shows it: its English name on English pages where there is one, else itself, marked Chinese there. */
export function shownName(lang: Lang, original: string, en: string | null): ShownName {
  if (lang !== 'en') return { text: original, lang: undefined, original: null };
  return en === null ? { text: original, lang: 'zh-CN', original: null } : { text: en, lang: undefined, original };
}
