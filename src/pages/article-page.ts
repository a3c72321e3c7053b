import type { PublicationIssue } from 'schema-dts';
import { formatGbt7714, formatReferenceEn, highwireTags } from '../cite/index.ts';
import { dictionary, translate, type Lang } from '../i18n/index.ts';
import type { Article, Issue, Section } from '../model/records.ts';
import { excerpt } from '../text/excerpt.ts';
import { scriptJson } from '../text/script-json.ts';
import { dateLabel, issueLabel } from '../archive/dates.ts';
import { paths } from '../archive/urls.ts';
import { citableArticle, citationLinks } from './citation-files.ts';
import { articleNode } from './structured-data.ts';
import type { ArticlePage, Link } from './page-types.ts';
import type { SiteContext } from './site-context.ts';

/** An article between its neighbours in the issue's reading order. */
export interface ArticleInIssue {
  issue: Issue;
  section: Section;
  article: Article;
  previous: Article | undefined;
  next: Article | undefined;
}

/** What an article page and the whole-issue print page show of an article. */
export function articleView(ctx: SiteContext, lang: Lang, { issue, section, article, previous, next }: ArticleInIssue): ArticlePage['article'] {
  const path = paths.article(issue.cumulative, article.slug);
  const title = ctx.titles.article(lang, issue, article);
  const citable = citableArticle(ctx, issue, article);
  const neighbour = (other: Article | undefined): Link | null => {
    if (!other) return null;
    const shown = ctx.titles.article(lang, issue, other);
    return { href: ctx.links.link(lang, paths.article(issue.cumulative, other.slug)), label: shown.title, lang: shown.lang };
  };
  return {
    id: article.id,
    title: title.title,
    titleLang: title.lang,
    originalTitle: title.original,
    source: article.source === null ? null : ctx.refs.source(lang, article.source),
    date: issue.date,
    dateLabel: dateLabel(lang, issue.date),
    issue: { href: ctx.links.link(lang, paths.issue(issue.cumulative)), label: issueLabel(lang, issue) },
    column: ctx.titles.columnLink(lang, ctx.titles.columnSlug(section)),
    html: article.html,
    headings: article.headings,
    showContents: article.headings.length >= 3 || article.text.length > 2000,
    parks: article.parks.map((name) => ctx.refs.park(lang, name)),
    previous: neighbour(previous),
    next: neighbour(next),
    url: ctx.links.url(lang, path),
    retrieved: ctx.options.buildDate,
    publication: lang === 'en' ? `${dictionary('en')['site.name']} (${dictionary('zh-CN')['site.name']})` : issue.publication.title,
    cite: {
      gbt: formatGbt7714(citable),
      reference: lang === 'en' ? formatReferenceEn(citable) : formatGbt7714(citable),
      downloads: citationLinks(ctx, path),
      record: scriptJson(citable),
    },
    filters: { parks: article.parks, column: section.title, year: String(issue.year) },
  };
}

/** `/issues/549/<slug>/`: one article. */
export function articlePage(ctx: SiteContext, lang: Lang, entry: ArticleInIssue, view: ArticlePage['article'], issueNode: PublicationIssue): ArticlePage {
  const { issue, article } = entry;
  const path = paths.article(issue.cumulative, article.slug);
  const t = dictionary(lang);
  const description = excerpt(article.text, 120);
  const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
  const otherTitle = ctx.titles.article(other, issue, article).title;
  return {
    ...ctx.common(lang, 'article', path, view.title, {
      breadcrumbs: ctx.crumbs(lang, view.issue, view.column, { href: '', label: view.title, lang: view.titleLang }),
      description,
      mainEntity: articleNode(ctx.nodes[lang], lang, issueNode, {
        url: view.url,
        headline: view.title,
        alternativeHeadline: otherTitle === view.title ? null : otherTitle,
        description,
        datePublished: issue.date,
        source: view.source,
        section: view.column.label,
        parks: view.parks.map((park) => translate(lang, 'park.zoneName', { zone: park.label })),
        otherUrl: ctx.links.url(other, path),
      }),
      meta: highwireTags(citableArticle(ctx, issue, article), article.parks),
      updated: issue.date,
      og: { type: 'article', locale: lang === 'en' ? 'en_US' : 'zh_CN', siteName: t['site.name'] },
      contentLang: lang === 'en' ? 'zh-CN' : null,
      indexed: lang === 'zh-CN',
    }),
    kind: 'article',
    article: view,
  };
}
