import { dictionary, translate, type Lang } from '../i18n/index.ts';
import type { ChartView } from '../charts/chart-view.ts';
import { issueStrip, type IssueMark, type StripRow } from '../charts/issue-strip.ts';
import { PROVINCE_TILES } from '../charts/province-grid.ts';
import { tileMap, type ProvinceCoverage } from '../charts/tile-map.ts';
import { yearBars } from '../charts/year-bars.ts';
import { yearSpan } from './archive-years.ts';
import { countOf, groupedYears, parkYearAnchor, type ParkArticles } from './park-articles.ts';
import type { SiteContext } from './site-context.ts';
import type { Issue } from '../model/records.ts';

/** The anchor of a province's group on `/parks/`: its ISO 3166-2 code. */
export function provinceAnchor(province: string): string {
  const code = PROVINCE_TILES.find((tile) => tile.name === province)?.code ?? province;
  return `province-${code.toLowerCase()}`;
}

/** `/parks/`: per province, the articles naming its zones (each article once) and the zones they name. */
export function provinceChart(ctx: SiteContext, lang: Lang, listed: ReadonlySet<string>): ChartView {
  const provinceOf = new Map(ctx.options.parks.map((park) => [park.shortName, park.province]));
  const articles = new Map<string, number>();
  const zones = new Map<string, Set<string>>();
  for (const issue of ctx.issues) {
    for (const article of issue.sections.flatMap((section) => section.articles)) {
      const provinces = new Set(article.parks.flatMap((name) => provinceOf.get(name) ?? []));
      for (const province of provinces) articles.set(province, (articles.get(province) ?? 0) + 1);
      for (const name of article.parks) {
        const province = provinceOf.get(name);
        if (province) zones.set(province, (zones.get(province) ?? new Set()).add(name));
      }
    }
  }
  const withZones = new Set(ctx.options.parks.map((park) => park.province));
  const coverage = new Map<string, ProvinceCoverage>(
    PROVINCE_TILES.map((tile) => [
      tile.name,
      {
        articles: articles.get(tile.name) ?? 0,
        zonesNamed: zones.get(tile.name)?.size ?? 0,
        hasZones: withZones.has(tile.name),
        href: listed.has(tile.name) ? `#${provinceAnchor(tile.name)}` : null,
      },
    ]),
  );
  return tileMap(lang, coverage);
}

/** A park page: its articles per year, about it or only mentioning it, and issue by issue when years hold several issues. */
export function parkCharts(ctx: SiteContext, lang: Lang, entry: ParkArticles): ChartView[] {
  const t = dictionary(lang);
  const years = ctx.years.map(({ year, issues }) => {
    const counts = issues.map((issue) => entry.byIssue.get(issue.cumulative) ?? { about: 0, mentions: 0 });
    return { year, issues, about: counts.reduce((sum, c) => sum + c.about, 0), mentions: counts.reduce((sum, c) => sum + c.mentions, 0) };
  });
  const grouped = groupedYears(entry);
  // A year's bar leads to that year in the lists below: its articles about the zone, or else its mentions.
  const yearHref = (year: number): string | null =>
    grouped?.has(year) ? `#${parkYearAnchor(entry.about.has(year) ? 'about' : 'mentions', year)}` : null;
  const total = countOf(entry.about) + countOf(entry.mentions);
  const most = Math.max(0, ...years.map((year) => year.about + year.mentions));
  const peaks = years.filter((year) => year.about + year.mentions === most).map((year) => year.year);
  const peak = translate(lang, peaks.length > 1 ? 'chart.park.peaks' : 'chart.park.peak', { years: peaks.join(t['punct.listSeparator']), count: most });
  const yearTip = (year: (typeof years)[number]) =>
    year.issues.length === 0 ? `${year.year}${t['punct.colon']}${t['chart.noIssues']}` : `${year.year}${t['punct.colon']}${t['chart.park.legendAbout']} ${year.about}${t['punct.listSeparator']}${t['chart.park.legendMentions']} ${year.mentions}`;
  const bars = yearBars({
    id: 'chart-park-years',
    title: t['chart.park.title'],
    description: translate(lang, 'chart.park.description', { years: yearSpan(lang, years), count: total, about: countOf(entry.about), peak }),
    series: ['bar--about', 'bar--mentions--hatched'],
    legend: [t['chart.park.legendAbout'], t['chart.park.legendMentions']],
    bars: years.map((year) => ({ year: year.year, values: [year.about, year.mentions], hasIssues: year.issues.length > 0, href: yearHref(year.year), tip: yearTip(year) })),
    plotHeight: 64,
    table: {
      caption: t['chart.park.title'],
      head: [t['chart.col.year'], t['chart.col.issues'], t['chart.col.about'], t['chart.col.mentions']],
      rows: years.map((year) =>
        year.issues.length === 0
          ? [{ text: String(year.year) }, { text: t['chart.noIssues'] }, { text: '—' }, { text: '—' }]
          : [{ text: String(year.year), href: yearHref(year.year) ?? undefined }, { text: String(year.issues.length), numeric: true }, { text: String(year.about), numeric: true }, { text: String(year.mentions), numeric: true }],
      ),
    },
    tableLabel: t['chart.table'],
  });
  const long = years.some((year) => year.issues.length > 1);
  if (!long) return [bars];
  const rows: StripRow[] = years
    .filter((year) => year.about + year.mentions > 0)
    .map((year) => ({
      year: year.year,
      issues: new Map(
        year.issues.map((issue) => {
          const counts = entry.byIssue.get(issue.cumulative);
          const mark: IssueMark = counts?.about ? 'about' : counts?.mentions ? 'mention' : 'none';
          return [issue.number, { mark, tip: translate(lang, `chart.strip.${mark}`, { issue: translate(lang, 'chart.strip.issue', { year: issue.year, number: issue.number }) }) }];
        }),
      ),
    }));
  const strip = issueStrip({
    id: 'chart-park-issues',
    title: t['chart.strip.title'],
    description: t['chart.strip.description'],
    rows,
    numbers: numbersOf(years.filter((year) => year.about + year.mentions > 0).flatMap((year) => year.issues)),
    legend: [t['chart.park.legendAbout'], t['chart.park.legendMentions'], t['chart.strip.legendNone']],
    table: {
      caption: t['chart.strip.title'],
      head: [t['chart.col.year'], t['chart.col.aboutIssues'], t['chart.col.mentionIssues']],
      rows: rows.map((row) => {
        const numbers = (mark: IssueMark) => [...row.issues].filter(([, issue]) => issue.mark === mark).map(([number]) => number).join(t['punct.listSeparator']) || '—';
        return [{ text: String(row.year) }, { text: numbers('about') }, { text: numbers('mention') }];
      }),
    },
    tableLabel: t['chart.table'],
  });
  return [bars, strip];
}

/** The lowest and the highest issue number among issues. */
function numbersOf(issues: readonly Issue[]): { first: number; last: number } {
  const numbers = issues.map((issue) => issue.number);
  return { first: Math.min(...numbers), last: Math.max(...numbers) };
}
