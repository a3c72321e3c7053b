import { dictionary, type Lang } from '../i18n/index.ts';
import type { Article, Issue } from '../model/records.ts';
import { paths } from '../archive/urls.ts';
import type { ArticlePage, PrintIssuePage } from './page-types.ts';
import type { SiteContext } from './site-context.ts';
import { linkTo } from './structured-data.ts';

/** `/issues/549/print/`: every article of an issue on one page, for paper. */
export function printIssuePage(ctx: SiteContext, lang: Lang, issue: Issue, views: ReadonlyMap<Article, ArticlePage['article']>): PrintIssuePage {
  const t = dictionary(lang);
  const summary = ctx.refs.issue(lang, issue);
  const issuePath = paths.issue(issue.cumulative);
  return {
    ...ctx.common(lang, 'print-issue', paths.issuePrint(issue.cumulative), `${summary.label} · ${t['print.title']}`, {
      breadcrumbs: ctx.crumbs(lang, { href: ctx.links.link(lang, issuePath), label: summary.label }, { href: '', label: t['print.title'] }),
      mainEntity: linkTo(`${ctx.links.url(lang, issuePath)}#issue`),
      updated: issue.date,
    }),
    kind: 'print-issue',
    issue: {
      label: summary.label,
      dateLabel: summary.dateLabel,
      date: issue.date,
      publication: lang === 'en' ? t['site.name'] : issue.publication.title,
      publisher: lang === 'en' ? t['site.publisher'] : issue.publication.publisher,
      url: ctx.links.url(lang, issuePath),
      href: ctx.links.link(lang, issuePath),
    },
    sections: issue.sections.map((section) => {
      const title = ctx.titles.section(lang, issue, section);
      return { title: title.title, titleLang: title.lang, subtitle: title.subtitle, articles: section.articles.flatMap((article) => views.get(article) ?? []) };
    }),
  };
}
