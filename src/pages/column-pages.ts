import { dictionary, translate, type Lang } from '../i18n/index.ts';
import { issueLabel } from '../archive/dates.ts';
import { paths } from '../archive/urls.ts';
import type { ArticleRef, ColumnPage, ColumnsPage, Link } from './page-types.ts';
import type { SiteContext } from './site-context.ts';
import { columnPerYearChart, issueAnchor } from './year-charts.ts';

interface Column {
  slug: string;
  link: Link;
  /** Newest issue first. */
  entries: { id: string; issue: Link; articles: ArticleRef[] }[];
  /** Date of the newest issue with the column. */
  newest: string;
}

/** Every column, in order of first appearance, with its articles issue by issue. */
export function columnsOf(ctx: SiteContext, lang: Lang): Column[] {
  return [...ctx.titles.columns.keys()].map((slug) => ({
    slug,
    link: ctx.titles.columnLink(lang, slug),
    newest: ctx.issues.find((issue) => issue.sections.some((section) => ctx.titles.columnSlug(section) === slug))?.date ?? ctx.options.buildDate,
    // One entry per issue, even where the column stands twice in an issue: its anchor is the issue's.
    entries: ctx.issues.flatMap((issue) => {
      const sections = issue.sections.filter((section) => ctx.titles.columnSlug(section) === slug);
      if (sections.length === 0) return [];
      return [
        {
          id: issueAnchor(issue.cumulative),
          issue: { href: ctx.links.link(lang, paths.issue(issue.cumulative)), label: issueLabel(lang, issue) },
          articles: sections.flatMap((section) => section.articles.map((article) => ctx.refs.article(lang, issue, section, article))),
        },
      ];
    }),
  }));
}

/** `/columns/`: every column with its number of articles. */
export function columnsPage(ctx: SiteContext, lang: Lang, columns: readonly Column[]): ColumnsPage {
  const t = dictionary(lang);
  return {
    ...ctx.common(lang, 'columns', paths.columns(), t['nav.columns'], { breadcrumbs: ctx.crumbs(lang, { href: '', label: t['nav.columns'] }) }),
    kind: 'columns',
    columns: columns.map((column) => ({ ...column.link, count: translate(lang, 'column.count', { count: column.entries.reduce((sum, entry) => sum + entry.articles.length, 0) }) })),
  };
}

/** `/columns/<slug>/`: one column's articles, issue by issue. */
export function columnPage(ctx: SiteContext, lang: Lang, column: Column): ColumnPage {
  const t = dictionary(lang);
  return {
    ...ctx.common(lang, 'column', paths.column(column.slug), translate(lang, 'column.title', { title: column.link.label }), {
      breadcrumbs: ctx.crumbs(lang, { href: ctx.links.link(lang, paths.columns()), label: t['nav.columns'] }, { href: '', label: column.link.label, lang: column.link.lang }),
      updated: column.newest,
    }),
    kind: 'column',
    column: { title: column.link.label, titleLang: column.link.lang, issues: column.entries },
    chart: columnPerYearChart(ctx, lang, column.slug),
  };
}
