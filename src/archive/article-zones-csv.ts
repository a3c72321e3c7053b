/**
 * `data/article-zones.csv`: every article × zone pair of the archive, one row
 * each, for a spreadsheet. UTF-8 with a byte order mark and CRLF line ends,
 * so that Excel reads the Chinese as Chinese; the rows follow the open data
 * (issues newest first, articles in reading order, zones as `parks` lists them).
 */
import { stringify } from 'csv-stringify/sync';
import { ownEntry } from '../model/own-entry.ts';
import type { Issue, Park, Translation } from '../model/records.ts';
import { sourceNames } from '../sources/source-names.ts';
import { absolute, localized, paths } from './urls.ts';
import { zoneRelation } from './zone-relation.ts';

/** The columns, in order; the README's open data section says what each holds. */
export const ARTICLE_ZONE_COLUMNS = [
  'issue', 'year', 'number', 'date', 'column', 'article_id', 'title', 'title_en', 'source', 'source_en', 'url', 'url_en',
  'zone', 'zone_full_name', 'zone_place_en', 'province', 'province_en', 'relation', 'named_as', 'zone_url',
] as const;

type Row = Record<(typeof ARTICLE_ZONE_COLUMNS)[number], string | number>;

/** A text cell a spreadsheet would take for a formula (=, +, -, @, a tab or a return first) is kept as text: a `'` before it. */
export function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
}

export function articleZonesCsv(issues: readonly Issue[], translations: ReadonlyMap<number, Translation>, parks: readonly Park[], baseUrl: string): string {
  const byName = new Map(parks.map((park) => [park.shortName, park]));
  const names = sourceNames(parks);
  const url = (lang: 'zh-CN' | 'en', path: string) => absolute(baseUrl, localized(lang, path));
  const rows: Row[] = [];
  for (const issue of issues) {
    for (const section of issue.sections) {
      for (const article of section.articles) {
        const articlePath = paths.article(issue.cumulative, article.slug);
        for (const zone of article.parks) {
          const park = byName.get(zone);
          rows.push({
            issue: issue.cumulative,
            year: issue.year,
            number: issue.number,
            date: issue.date,
            column: section.title,
            article_id: article.id,
            title: article.title,
            title_en: ownEntry(translations.get(issue.cumulative)?.articles, article.title)?.title ?? '',
            source: article.source ?? '',
            source_en: (article.source === null ? null : names.en(article.source)) ?? '',
            url: url('zh-CN', articlePath),
            url_en: url('en', articlePath),
            zone,
            zone_full_name: park?.fullName ?? '',
            zone_place_en: park?.placeEn ?? '',
            province: park?.province ?? '',
            province_en: park?.provinceEn ?? '',
            relation: zoneRelation(article, zone, names),
            named_as: article.parkForms.find((entry) => entry.park === zone)?.form ?? '',
            zone_url: park ? url('zh-CN', paths.park(park.slug)) : '',
          });
        }
      }
    }
  }
  return stringify(rows, {
    bom: true,
    header: true,
    columns: [...ARTICLE_ZONE_COLUMNS],
    record_delimiter: 'windows',
    cast: { string: spreadsheetText },
  });
}
