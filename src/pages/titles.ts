import type { Lang } from '../i18n/index.ts';
import { ownEntry } from '../model/own-entry.ts';
import type { Article, Issue, Section, Translation } from '../model/records.ts';
import { createSlugger } from '../text/slug.ts';
import { paths } from '../archive/urls.ts';
import type { SiteLinks } from './links.ts';
import type { Link } from './page-types.ts';

/** A title as a page in one language shows it: the English one where there is one, else the Chinese one, marked. */
export interface ShownTitle {
  title: string;
  /** `zh-CN` when a Chinese title is shown on an English page. */
  lang: string | undefined;
}

export interface SiteTitles {
  section(lang: Lang, issue: Issue, section: Section): ShownTitle & { subtitle: string | null };
  article(lang: Lang, issue: Issue, article: Article): ShownTitle & { original: string | null };
  /** The English title of an article, or null. */
  articleEn(issue: Issue, article: Article): string | null;
  /** The URL slug of a column, one per title across the archive. */
  columnSlug(section: Section): string;
  /** Every column, by slug, in order of first appearance, with its Chinese and English titles. */
  columns: ReadonlyMap<string, { zh: string; en: string | null }>;
  columnLink(lang: Lang, slug: string): Link;
}

/** `zh-CN` on an English page, where a label is shown in Chinese. */
export function zhOn(lang: Lang): string | undefined {
  return lang === 'en' ? 'zh-CN' : undefined;
}

/** Titles of columns and articles in each language, for issues in the order they appeared. */
export function siteTitles(chronological: readonly Issue[], translations: ReadonlyMap<number, Translation>, links: SiteLinks): SiteTitles {
  const english = (issue: Issue) => translations.get(issue.cumulative);
  // One URL per column title across the archive, even when two titles share a pinyin slug (要闻, 耀文).
  const slugger = createSlugger();
  const slugs = new Map<string, string>();
  for (const issue of chronological) for (const section of issue.sections) if (!slugs.has(section.title)) slugs.set(section.title, slugger(section.title));
  const columnSlug = (section: Section) => slugs.get(section.title) ?? slugger(section.title);
  const columns = new Map<string, { zh: string; en: string | null }>();
  for (const issue of chronological) {
    for (const section of issue.sections) {
      const known = columns.get(columnSlug(section));
      const en = ownEntry(english(issue)?.sections, section.title)?.title ?? known?.en ?? null;
      columns.set(columnSlug(section), { zh: section.title, en });
    }
  }
  return {
    section(lang, issue, section) {
      const translated = lang === 'en' ? ownEntry(english(issue)?.sections, section.title) : undefined;
      return translated ? { title: translated.title, subtitle: translated.subtitle ?? section.subtitle, lang: undefined } : { title: section.title, subtitle: section.subtitle, lang: zhOn(lang) };
    },
    article(lang, issue, article) {
      const translated = lang === 'en' ? ownEntry(english(issue)?.articles, article.title) : undefined;
      return translated ? { title: translated.title, lang: undefined, original: article.title } : { title: article.title, lang: zhOn(lang), original: null };
    },
    articleEn: (issue, article) => ownEntry(english(issue)?.articles, article.title)?.title ?? null,
    columnSlug,
    columns,
    columnLink(lang, slug) {
      const titles = columns.get(slug);
      const useEn = lang === 'en' && titles?.en;
      return { href: links.link(lang, paths.column(slug)), label: useEn ? (titles?.en ?? slug) : (titles?.zh ?? slug), lang: useEn ? undefined : zhOn(lang) };
    },
  };
}
