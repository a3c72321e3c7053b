import { translate, type Lang } from '../i18n/index.ts';
import type { Article, Issue, Park, Section } from '../model/records.ts';
import { dateLabel, issueLabel } from '../archive/dates.ts';
import { paths } from '../archive/urls.ts';
import type { SiteLinks } from './links.ts';
import type { ArticleRef, IssueSummary, Link } from './page-types.ts';
import { shownName, type ShownName } from './shown-name.ts';
import { sourceNames } from '../sources/source-names.ts';
import { zhOn, type SiteTitles } from './titles.ts';

/** How issues, articles and parks are shown wherever they are listed (home, archive, columns, parks). */
export interface SiteReferences {
  article(lang: Lang, issue: Issue, section: Section, article: Article): ArticleRef;
  issue(lang: Lang, issue: Issue): IssueSummary;
  /** A park by its canonical short name: its page, named in the page's language. */
  park(lang: Lang, name: string): Link;
  /** A 供稿 source or an organisation of the masthead, in English on English pages where it has an English name. */
  source(lang: Lang, name: string): ShownName;
  /** The English name of a source, or null. */
  sourceEn(name: string): string | null;
  /** The zone a source is, by canonical short name, or null. */
  sourceZone(name: string): string | null;
}

/** Every issue and article appears on many pages: each view is made once per language. */
export function siteReferences(links: SiteLinks, titles: SiteTitles, parks: readonly Park[]): SiteReferences {
  const parkByName = new Map(parks.map((park) => [park.shortName, park]));
  const names = sourceNames(parks);
  const source = (lang: Lang, name: string): ShownName => shownName(lang, name, lang === 'en' ? names.en(name) : null);
  const article = memoized(
    (lang: Lang, _issue: Issue, _section: Section, item: Article) => `${lang} ${item.id}`,
    (lang: Lang, issue: Issue, section: Section, item: Article): ArticleRef => {
      const title = titles.article(lang, issue, item);
      const column = titles.columnLink(lang, titles.columnSlug(section));
      return {
        href: links.link(lang, paths.article(issue.cumulative, item.slug)),
        title: title.title,
        titleLang: title.lang,
        source: item.source === null ? null : source(lang, item.source),
        issueLabel: issueLabel(lang, issue),
        issueHref: links.link(lang, paths.issue(issue.cumulative)),
        column: column.label,
        columnLang: column.lang,
      };
    },
  );
  const issue = memoized(
    (lang: Lang, item: Issue) => `${lang} ${item.cumulative}`,
    (lang: Lang, item: Issue): IssueSummary => ({
      href: links.link(lang, paths.issue(item.cumulative)),
      label: issueLabel(lang, item),
      dateLabel: dateLabel(lang, item.date),
      date: item.date,
      articleCount: translate(lang, 'issue.articleCount', { count: item.sections.reduce((sum, section) => sum + section.articles.length, 0) }),
      sections: item.sections.map((section) => {
        const title = titles.section(lang, item, section);
        return {
          title: title.title,
          titleLang: title.lang,
          subtitle: title.subtitle,
          href: links.link(lang, paths.column(titles.columnSlug(section))),
          articles: section.articles.map((entry) => article(lang, item, section, entry)),
        };
      }),
    }),
  );
  const park = (lang: Lang, name: string): Link => {
    const found = parkByName.get(name);
    if (!found) return { href: links.link(lang, paths.parks()), label: name, lang: zhOn(lang) };
    return { href: links.link(lang, paths.park(found.slug)), label: lang === 'en' ? found.placeEn : found.shortName };
  };
  return { article, issue, park, source, sourceEn: names.en, sourceZone: names.zone };
}

/** A function that makes each value once per key. */
function memoized<A extends unknown[], R>(key: (...args: A) => string, make: (...args: A) => R): (...args: A) => R {
  const made = new Map<string, R>();
  return (...args) => {
    const id = key(...args);
    const known = made.get(id);
    if (known !== undefined) return known;
    const value = make(...args);
    made.set(id, value);
    return value;
  };
}
