import { translate } from '../i18n/index.ts';
import { ownEntry } from '../model/own-entry.ts';
import type { Article, Issue, Section, Translation } from '../model/records.ts';
import { loadGazetteer } from '../parks/gazetteer.ts';
import type { SearchRecord } from '../search/search-record.ts';
import { sourceNameEn } from '../sources/source-names.ts';
import { issueLabel } from './dates.ts';
import { href, localized, paths } from './urls.ts';

/**
 * The search records of one issue: each article once, in Chinese, under its
 * Chinese URL, with the English title and issue label for the English search
 * page, and the English the English pages print about it to search by. An
 * issue's records depend on that issue and its translation only, so the
 * build can index each issue as soon as it is parsed.
 */
export function issueSearchRecords(issue: Issue, translation: Translation | undefined, basePath: string): SearchRecord[] {
  const label = issueLabel('zh-CN', issue);
  const labelEn = issueLabel('en', issue);
  return issue.sections.flatMap((section) =>
    section.articles.map((article) => ({
      url: href(basePath, localized('zh-CN', paths.article(issue.cumulative, article.slug))),
      title: article.title,
      text: indexedText(article),
      source: article.source ?? '',
      english: englishTexts(translation, section, article),
      meta: {
        issue: label,
        issue_en: labelEn,
        // The English page shows the column through its column filter's labels.
        column: section.title,
        source: article.source ?? '',
        ...englishSource(article),
        date: issue.date,
        ...englishTitle(translation, article),
        ...parkForms(article),
      },
      filters: { park: article.parks, column: [section.title], year: [String(issue.year)] },
    })),
  );
}

/** `source_en` where the source has an English name (sourceNameEn): what the English search page shows. */
function englishSource(article: Article): { source_en?: string } {
  const name = article.source === null ? null : sourceNameEn(article.source);
  return name === null ? {} : { source_en: name };
}

let zoneNamesEn: ReadonlyMap<string, string> | undefined;

/** A zone's name as English pages print it (`Foshan High-tech Zone`), by its short name. */
function zoneNameEn(park: string): string | undefined {
  zoneNamesEn ??= new Map(loadGazetteer().map((zone) => [zone.shortName, translate('en', 'park.zoneName', { zone: zone.placeEn })]));
  return zoneNamesEn.get(park);
}

/** What the English pages print about an article, in English: its title, its column's title and subtitle, its zones, its source. */
function englishTexts(translation: Translation | undefined, section: Section, article: Article): string[] {
  const column = ownEntry(translation?.sections, section.title);
  const source = article.source === null ? null : sourceNameEn(article.source);
  const texts = [ownEntry(translation?.articles, article.title)?.title, column?.title, column?.subtitle ?? undefined, ...article.parks.map(zoneNameEn), source ?? undefined];
  return [...new Set(texts.filter((text): text is string => text !== undefined && text !== ''))];
}

/** `title_en` where the article has an English title; the English search page shows the Chinese title otherwise. */
function englishTitle(translation: Translation | undefined, article: Article): { title_en?: string } {
  const title = ownEntry(translation?.articles, article.title)?.title;
  return title === undefined ? {} : { title_en: title };
}

/**
 * `park_forms`: how the article names each of its parks, as JSON pairs
 * (`[["江门高新区","江门高新技术产业开发区"]]`), for results found through a park.
 */
function parkForms(article: Article): { park_forms?: string } {
  return article.parkForms.length === 0 ? {} : { park_forms: JSON.stringify(article.parkForms.map(({ park, form }) => [park, form])) };
}

/** An article's text as the index holds it: its blocks (subheadings too), one paragraph apart. */
export function indexedText(article: Article): string {
  return article.blocks.map((block) => block.text).join('\n\n');
}
