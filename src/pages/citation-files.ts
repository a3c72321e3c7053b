import { CITATION_FORMATS, type CitableArticle } from '../cite/index.ts';
import { dictionary } from '../i18n/index.ts';
import type { Article, Issue } from '../model/records.ts';
import type { SiteFile } from '../output/write-files.ts';
import { paths } from '../archive/urls.ts';
import type { Link } from './page-types.ts';
import type { SiteContext } from './site-context.ts';

/** One article with the issue and site facts its references need. */
export function citableArticle(ctx: SiteContext, issue: Issue, article: Article): CitableArticle {
  const en = dictionary('en');
  return {
    id: article.id,
    title: article.title,
    titleEn: ctx.titles.articleEn(issue, article),
    source: article.source,
    sourceEn: article.source === null ? null : ctx.refs.sourceEn(article.source),
    publicationTitle: issue.publication.title,
    publicationTitleEn: en['site.name'],
    publisher: issue.publication.publisher,
    publisherEn: en['site.publisher'],
    publisherPlace: issue.publication.place,
    year: issue.year,
    issue: issue.number,
    cumulative: issue.cumulative,
    date: issue.date,
    url: ctx.links.url('zh-CN', paths.article(issue.cumulative, article.slug)),
    accessed: ctx.options.buildDate,
  };
}

/** The downloads beside an article page: one file per format, in Chinese, shared by both languages. */
export function citationFiles(citable: CitableArticle, articlePath: string): SiteFile[] {
  return CITATION_FORMATS.map(({ file, format }) => ({ path: `${articlePath}${file}`, content: format(citable) }));
}

/** Links to those downloads. */
export function citationLinks(ctx: SiteContext, articlePath: string): (Link & { file: string })[] {
  return CITATION_FORMATS.map(({ file, label }) => ({ href: ctx.links.file(`${articlePath}${file}`), label, file }));
}
