/**
 * The charts of the parks, park, archive and column pages, read from the
 * built HTML, against counts computed here from the open data export
 * (data/issues/*.json, data/zones.json). Two builds: issue 549 alone, and a
 * small synthetic archive over 2000–2005 where 2002 to 2004 have no issues
 * and the other years several (test/support/global-setup.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from '../support/html.ts';
import { anchorsOf, english, readIssues, tags, type OpenDataIssue } from './helpers.ts';

interface Zone {
  name: string;
  province: string;
  page: string | null;
}

/** `data-key` → `data-value` of the rects with `className` in a page's chart of `type`. */
function chartValues(html: string, type: string, className: string): Map<string, number> {
  const chart = chartsOf(html).find((markup) => markup.startsWith(`<figure class="chart chart--${type}"`));
  if (!chart) throw new Error(`no ${type} chart`);
  const values = new Map<string, number>();
  for (const rect of tags(chart, 'rect')) {
    if (!rect.get('class')?.split(' ').includes(className) || !rect.has('data-key')) continue;
    values.set(rect.get('data-key')!, rect.has('data-value') ? Number(rect.get('data-value')) : Number.NaN);
  }
  return values;
}

function chartsOf(html: string): string[] {
  return [...html.matchAll(/<figure class="chart[\s\S]*?<\/figure>/gu)].map((match) => match[0]);
}

const years = (issues: readonly OpenDataIssue[]): number[] => {
  const all = issues.map((issue) => issue.year);
  const [first, last] = [Math.min(...all), Math.max(...all)];
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
};

describe.each(['default', 'archive'] as const)('charts of the %s build', (key) => {
  let root: string;
  let issues: OpenDataIssue[];
  let zones: Zone[];
  const page = (urlPath: string): string => readFileSync(path.join(root, urlPath, 'index.html'), 'utf8');
  const articles = () => issues.flatMap((issue) => issue.sections.flatMap((section) => section.articles.map((article) => ({ issue, section, article }))));

  beforeAll(() => {
    root = builtSite(key);
    issues = readIssues(root);
    zones = (JSON.parse(readFileSync(path.join(root, 'data', 'zones.json'), 'utf8')) as { zones: Zone[] }).zones;
  });

  it('counts, on the province map, each article once for every province whose zones it names', () => {
    const provinceOf = new Map(zones.map((zone) => [zone.name, zone.province]));
    const expected = new Map<string, number>([...new Set(zones.map((zone) => zone.province))].map((province) => [province, 0]));
    for (const { article } of articles()) for (const province of new Set(article.parks.map((name) => provinceOf.get(name)!))) expected.set(province, expected.get(province)! + 1);
    for (const prefix of ['', '/en']) {
      const html = page(`${prefix}/parks/`);
      const drawn = chartValues(html, 'tiles', 'tile');
      expect(new Map([...drawn].filter(([, value]) => !Number.isNaN(value))), prefix).toEqual(expected);
      expect(drawn.size, prefix).toBe(34);
      // The four divisions with no zone in the gazetteer are drawn, marked, and count nothing.
      const marked = [...html.matchAll(/class="tile--none"><title>[^<]*<\/title><rect[^>]*data-key="([^"]+)"/gu)].map((match) => match[1]);
      expect(marked.sort(), prefix).toEqual(['台湾', '澳门', '西藏', '香港'].sort());
      const targets = anchorsOf(html);
      for (const link of tags(chartsOf(html)[0]!, 'a')) expect(targets.has(link.get('href')!.slice(1)), link.get('href')).toBe(true);
    }
  });

  it('shows the issues per year on the archive page, a year with none as none, each bar linked to its year', () => {
    for (const prefix of ['', '/en']) {
      const html = page(`${prefix}/issues/`);
      const bars = chartValues(html, 'bars', 'bar--issues');
      const none = chartValues(html, 'bars', 'bar--none');
      for (const year of years(issues)) {
        const count = issues.filter((issue) => issue.year === year).length;
        if (count === 0) expect([bars.has(String(year)), none.has(String(year))], `${year}`).toEqual([false, true]);
        else expect(bars.get(String(year)), `${year}`).toBe(count);
      }
      const targets = anchorsOf(html);
      for (const link of tags(chartsOf(html)[0]!, 'a')) expect(targets.has(link.get('href')!.slice(1)), link.get('href')).toBe(true);
    }
    if (key === 'archive') expect(chartValues(page('/issues/'), 'bars', 'bar--none').size).toBe(3);
  });

  it('shows each park’s articles per year, about it apart from those that only mention it', () => {
    for (const zone of zones.filter((candidate) => candidate.page)) {
      const named = articles().filter(({ article }) => article.parks.includes(zone.name));
      for (const prefix of ['', '/en']) {
        const html = page(`${prefix}/parks/${zone.page}/`);
        const about = chartValues(html, 'bars', 'bar--about');
        const mentions = chartValues(html, 'bars', 'bar--mentions--hatched');
        for (const year of years(issues)) {
          const inYear = named.filter(({ issue }) => issue.year === year);
          const isAbout = ({ article }: (typeof named)[number]) => article.title.includes(zone.name) || article.source === zone.name;
          expect(about.get(String(year)) ?? 0, `${zone.name} ${year}`).toBe(inYear.filter(isAbout).length);
          expect(mentions.get(String(year)) ?? 0, `${zone.name} ${year}`).toBe(inYear.filter((entry) => !isAbout(entry)).length);
        }
      }
    }
  });

  it('lists a park’s articles by year when they span several years, and each year’s bar leads to that year', () => {
    let grouped = 0;
    for (const zone of zones.filter((candidate) => candidate.page)) {
      const named = articles().filter(({ article }) => article.parks.includes(zone.name));
      const spanned = new Set(named.map(({ issue }) => issue.year));
      for (const prefix of ['', '/en']) {
        const html = page(`${prefix}/parks/${zone.page}/`);
        const headings = [...html.matchAll(/<h3 class="park-year" id="((about|mentions)-(\d+))">/gu)];
        const links = tags(chartsOf(html)[0]!, 'a').map((link) => link.get('href'));
        if (spanned.size < 2) {
          expect([headings.length, links.length], `${zone.name} ${prefix}`).toEqual([0, 0]);
          continue;
        }
        grouped += 1;
        const isAbout = ({ article }: (typeof named)[number]) => article.title.includes(zone.name) || article.source === zone.name;
        for (const [, id, list, year] of headings) {
          // The group holds that year's articles of its list, newest first, as links to their pages.
          const group = html.slice(html.indexOf(`id="${id}"`)).split(/<h[23] /u)[0]!;
          const expected = named.filter((entry) => String(entry.issue.year) === year && isAbout(entry) === (list === 'about')).toSorted((a, b) => b.issue.cumulative - a.issue.cumulative).map(({ article }) => `${prefix}${article.url}`);
          expect(tags(group, 'a').filter((a) => a.get('class') === 'article-list__title').map((a) => a.get('href')), id).toEqual(expected);
        }
        const years = [...spanned].sort((a, b) => b - a);
        // Each list's years, newest first, in the order of the page.
        for (const list of ['about', 'mentions'] as const) {
          const inList = years.filter((year) => named.some((entry) => entry.issue.year === year && isAbout(entry) === (list === 'about')));
          expect(headings.filter(([, , kind]) => kind === list).map(([, , , year]) => Number(year)), `${zone.name} ${list}`).toEqual(inList);
        }
        // Each year is linked twice: from its bar, and from its row of the table.
        expect(links.toSorted(), `${zone.name} ${prefix}`).toEqual(years.map((year) => `#${named.some((entry) => entry.issue.year === year && isAbout(entry)) ? 'about' : 'mentions'}-${year}`).flatMap((href) => [href, href]).toSorted());
      }
    }
    if (key === 'archive') expect(grouped).toBeGreaterThan(0);
  });

  it('sums each park up in words: its years, and every year tied for the most articles', () => {
    const archiveYears = years(issues);
    for (const zone of zones.filter((candidate) => candidate.page)) {
      const perYear = archiveYears.map((year) => articles().filter(({ issue, article }) => issue.year === year && article.parks.includes(zone.name)).length);
      const most = Math.max(...perYear);
      const peaks = archiveYears.filter((_, index) => perYear[index] === most);
      for (const [prefix, span, separator] of [['', archiveYears.length > 1 ? `${archiveYears[0]}—${archiveYears.at(-1)} 年` : `${archiveYears[0]} 年`, '、'], ['/en', archiveYears.length > 1 ? `in ${archiveYears[0]} to ${archiveYears.at(-1)},` : `in ${archiveYears[0]},`, ', ']] as const) {
        const description = /<desc[^>]*>([^<]*)<\/desc>/u.exec(chartsOf(page(`${prefix}/parks/${zone.page}/`))[0]!)![1]!;
        expect(description, `${zone.name} ${prefix}`).toContain(span);
        expect(description, `${zone.name} ${prefix}`).toContain(peaks.join(separator));
      }
    }
  });

  it('shows a park issue by issue when its years hold several issues', () => {
    const zone = zones.find((candidate) => candidate.page)!;
    const html = page(`/parks/${zone.page}/`);
    const strips = chartsOf(html).filter((chart) => chart.startsWith('<figure class="chart chart--strip"'));
    if (key === 'default') {
      expect(strips).toEqual([]);
      return;
    }
    expect(strips).toHaveLength(1);
    const marked = new Map([...chartValues(html, 'strip', 'strip__about').keys()].map((cell) => [cell, 'about']));
    for (const cell of chartValues(html, 'strip', 'strip__mention').keys()) marked.set(cell, 'mention');
    const expected = new Map<string, string>();
    for (const { issue, article } of articles().filter(({ article }) => article.parks.includes(zone.name))) {
      const cell = `${issue.year}-${issue.number}`;
      const about = article.title.includes(zone.name) || article.source === zone.name;
      if (about || expected.get(cell) !== 'about') expected.set(cell, about ? 'about' : 'mention');
    }
    expect(marked).toEqual(expected);
  });

  it('shows a column’s articles per year', () => {
    const titles = [...new Set(issues.flatMap((issue) => issue.sections.map((section) => section.title)))];
    const columns = readFileSync(path.join(root, 'columns', 'index.html'), 'utf8');
    for (const title of titles) {
      const link = [...columns.matchAll(/<a href="\/columns\/([^/"]+)\/"[^>]*>([^<]+)<\/a>/gu)].find((match) => match[2] === title);
      expect(link, title).toBeDefined();
      const bars = chartValues(page(`/columns/${link![1]}/`), 'bars', 'bar--articles');
      for (const year of years(issues)) {
        const count = issues.filter((issue) => issue.year === year).flatMap((issue) => issue.sections.filter((section) => section.title === title)).reduce((sum, section) => sum + section.articles.length, 0);
        expect(bars.get(String(year)) ?? 0, `${title} ${year}`).toBe(count);
      }
    }
  });

  it('keeps each chart within 8 KB gzip, and the parks page within 40 KB of HTML and CSS on issue 549', () => {
    const urls = ['/parks/', '/issues/', ...zones.filter((zone) => zone.page).map((zone) => `/parks/${zone.page}/`)];
    for (const urlPath of [...urls, ...urls.map(english)]) {
      for (const chart of chartsOf(page(urlPath))) expect(gzipSync(chart).length, urlPath).toBeLessThanOrEqual(8 * 1024);
    }
    if (key !== 'default') return;
    const css = readFileSync(path.join(root, 'assets', 'site.css')).length;
    for (const urlPath of ['/parks/', '/en/parks/']) expect(Buffer.byteLength(page(urlPath)) + css, urlPath).toBeLessThanOrEqual(40 * 1024);
  });
});
