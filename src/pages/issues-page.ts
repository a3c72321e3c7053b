import { dictionary, translate, type Lang } from '../i18n/index.ts';
import { paths } from '../archive/urls.ts';
import type { IssueSummary, IssuesPage, YearGroup } from './page-types.ts';
import type { SiteContext } from './site-context.ts';
import { issuesPerYearChart, yearAnchor } from './year-charts.ts';

/** The issues by year, newest first. */
export function issuesByYear(ctx: SiteContext, lang: Lang): YearGroup[] {
  const years = new Map<number, IssueSummary[]>();
  for (const issue of ctx.issues) years.set(issue.year, [...(years.get(issue.year) ?? []), ctx.refs.issue(lang, issue)]);
  return [...years].map(([year, list]) => ({ id: yearAnchor(year), year: translate(lang, 'home.yearIssues', { year }), issues: list }));
}

/** `/issues/`: every issue, by year. */
export function issuesPage(ctx: SiteContext, lang: Lang): IssuesPage {
  const t = dictionary(lang);
  return {
    ...ctx.common(lang, 'issues', paths.issues(), t['home.archive'], { breadcrumbs: ctx.crumbs(lang, { href: '', label: t['home.archive'] }) }),
    kind: 'issues',
    years: issuesByYear(ctx, lang),
    chart: issuesPerYearChart(ctx, lang),
  };
}
