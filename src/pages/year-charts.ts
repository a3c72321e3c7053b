import { dictionary, translate, type Lang } from '../i18n/index.ts';
import type { ChartView } from '../charts/chart-view.ts';
import { yearBars, type YearBar } from '../charts/year-bars.ts';
import { yearSpan } from './archive-years.ts';
import type { SiteContext } from './site-context.ts';

/** The anchor of a year's group on the archive page. */
export const yearAnchor = (year: number): string => `year-${year}`;

/** `/issues/`: how many issues each year has, each bar a link to its year. */
export function issuesPerYearChart(ctx: SiteContext, lang: Lang): ChartView {
  const t = dictionary(lang);
  const years = ctx.years;
  const bars: YearBar[] = years.map(({ year, issues }) => ({
    year,
    values: [issues.length],
    hasIssues: issues.length > 0,
    href: issues.length > 0 ? `#${yearAnchor(year)}` : null,
    tip: `${year}${t['punct.colon']}${issues.length > 0 ? translate(lang, 'chart.issues', { count: issues.length }) : t['chart.noIssues']}`,
  }));
  return yearBars({
    id: 'chart-issues',
    title: t['chart.years.title'],
    description: translate(lang, 'chart.years.description', { years: yearSpan(lang, years), count: ctx.issues.length }),
    series: ['bar--issues'],
    bars,
    plotHeight: 48,
    table: {
      caption: t['chart.years.title'],
      head: [t['chart.col.year'], t['chart.col.issues']],
      rows: years.map(({ year, issues }) => [
        { text: String(year), href: issues.length > 0 ? `#${yearAnchor(year)}` : undefined },
        { text: issues.length > 0 ? String(issues.length) : t['chart.noIssues'], numeric: issues.length > 0 },
      ]),
    },
    tableLabel: t['chart.table'],
  });
}

/** The anchor of an issue's group on a column page. */
export const issueAnchor = (cumulative: number): string => `issue-${cumulative}`;

/** A column page: how many of the column's articles each year has. */
export function columnPerYearChart(ctx: SiteContext, lang: Lang, slug: string): ChartView {
  const t = dictionary(lang);
  const years = ctx.years.map(({ year, issues }) => {
    const withColumn = issues.filter((issue) => issue.sections.some((section) => ctx.titles.columnSlug(section) === slug));
    const count = withColumn.reduce((sum, issue) => sum + issue.sections.filter((section) => ctx.titles.columnSlug(section) === slug).reduce((n, section) => n + section.articles.length, 0), 0);
    const newest = withColumn.at(-1);
    return { year, hasIssues: issues.length > 0, count, href: newest ? `#${issueAnchor(newest.cumulative)}` : null };
  });
  const total = years.reduce((sum, year) => sum + year.count, 0);
  return yearBars({
    id: 'chart-column',
    title: t['chart.column.title'],
    description: translate(lang, 'chart.column.description', { years: yearSpan(lang, years), count: total }),
    series: ['bar--articles'],
    bars: years.map((year) => ({
      year: year.year,
      values: [year.count],
      hasIssues: year.hasIssues,
      href: year.href,
      tip: `${year.year}${t['punct.colon']}${year.hasIssues ? translate(lang, 'chart.articles', { count: year.count }) : t['chart.noIssues']}`,
    })),
    plotHeight: 56,
    table: {
      caption: t['chart.column.title'],
      head: [t['chart.col.year'], t['chart.col.articles']],
      rows: years.map((year) => [
        { text: String(year.year), href: year.href ?? undefined },
        { text: year.hasIssues ? String(year.count) : t['chart.noIssues'], numeric: year.hasIssues },
      ]),
    },
    tableLabel: t['chart.table'],
  });
}
