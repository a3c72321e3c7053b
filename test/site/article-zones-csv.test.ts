/**
 * `data/article-zones.csv` as a researcher's spreadsheet reads it: UTF-8 with
 * a byte order mark and CRLF line ends, parsed by a real CSV parser
 * (csv-parse), one row per article × zone pair: exactly the pairs of the
 * open data, with the open data's values, each marked about the zone or
 * mentioning it as the zone's page lists it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_SEEDS, LOCAL_BASE_URL } from '../support/global-setup.ts';
import { builtSite } from '../support/html.ts';
import { readTranslations } from '../browser/search-support.ts';
import { tags } from './helpers.ts';

const COLUMNS = [
  'issue', 'year', 'number', 'date', 'column', 'article_id', 'title', 'title_en', 'source', 'source_en', 'url', 'url_en',
  'zone', 'zone_full_name', 'zone_place_en', 'province', 'province_en', 'relation', 'named_as', 'zone_url',
];

interface Zone { name: string; fullName: string; province: string; provinceEn: string; placeEn: string; page: string | null }
interface Article { id: string; url: string; title: string; source: string | null; sourceEn: string | null; parks: string[] }
interface Issue { cumulative: number; year: number; number: number; date: string; sections: { title: string; articles: Article[] }[] }

let root: string;
let raw: Buffer;
let rows: Record<string, string>[];

beforeAll(() => {
  root = builtSite('fixtures');
  raw = readFileSync(path.join(root, 'data', 'article-zones.csv'));
  rows = parse(raw, { bom: true, columns: true, strict: true } as never) as Record<string, string>[];
});

const json = <T>(file: string): T => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as T;
const urlOf = (urlPath: string): string => new URL(urlPath.slice(1), LOCAL_BASE_URL).href;

describe('data/article-zones.csv', () => {
  it('opens in a spreadsheet as UTF-8: a byte order mark, CRLF line ends, the documented header', () => {
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8');
    expect(text.split('\r\n').length).toBe(rows.length + 2);
    expect(text.replace(/\r\n/gu, '')).not.toMatch(/\n/u);
    const header = parse(raw, { bom: true, to_line: 1 }) as string[][];
    expect(header[0]).toEqual(COLUMNS);
  });

  it('has one row per article × zone pair of the open data, in its order, with its values', () => {
    const zones = new Map(json<{ zones: Zone[] }>('data/zones.json').zones.map((zone) => [zone.name, zone]));
    const { articles: englishTitles } = readTranslations(FIXTURE_SEEDS);
    const issues = json<{ json: string }[]>('data/archive.json').map((entry) => json<Issue>(entry.json.replace(/^\//u, '')));
    const expected = issues.flatMap((issue) =>
      issue.sections.flatMap((section) =>
        section.articles.flatMap((article) =>
          article.parks.map((name) => {
            const zone = zones.get(name)!;
            return {
              issue: String(issue.cumulative), year: String(issue.year), number: String(issue.number), date: issue.date, column: section.title,
              article_id: article.id, title: article.title, title_en: englishTitles.get(article.title) ?? '', source: article.source ?? '', source_en: article.sourceEn ?? '',
              url: urlOf(article.url), url_en: urlOf(`/en${article.url}`),
              zone: name, zone_full_name: zone.fullName, zone_place_en: zone.placeEn, province: zone.province, province_en: zone.provinceEn,
              zone_url: urlOf(`/parks/${zone.page}/`),
            };
          }),
        ),
      ),
    );
    expect(expected.length).toBeGreaterThan(20);
    expect(rows.map(({ relation: _relation, named_as: _namedAs, ...row }) => row)).toEqual(expected);
  });

  it('says whether each article is about the zone or only mentions it, as the zone’s page lists it, and how it names the zone', () => {
    const counts = { about: 0, mentions: 0 };
    for (const row of rows) {
      const page = readFileSync(path.join(root, new URL(row.zone_url!).pathname, 'index.html'), 'utf8');
      const section = new RegExp(`<section aria-labelledby="park-${row.relation}">([\\s\\S]*?)</section>`, 'u').exec(page)?.[1] ?? '';
      expect(tags(section, 'a').map((attrs) => attrs.get('href')), `${row.title} ${row.zone} ${row.relation}`).toContain(new URL(row.url!).pathname);
      counts[row.relation as 'about' | 'mentions'] += 1;
      expect(row.named_as, row.title).not.toBe('');
    }
    expect(counts.about).toBeGreaterThan(0);
    expect(counts.mentions).toBeGreaterThan(0);
    // Its own source under its city-less name (大冶湖高新区) makes an article about 黄石大冶湖高新区.
    expect(rows.find((row) => row.title === '大冶湖高新区：孵化载体实现全覆盖' && row.zone === '黄石大冶湖高新区')?.relation).toBe('about');
  });

  it('is linked from /parks/ and the about page in both languages', () => {
    for (const page of ['parks/index.html', 'en/parks/index.html', 'about/index.html', 'en/about/index.html']) {
      const html = readFileSync(path.join(root, page), 'utf8');
      expect(tags(html, 'a').some((attrs) => attrs.get('href') === '/data/article-zones.csv' && attrs.get('type') === 'text/csv'), page).toBe(true);
    }
  });
});
