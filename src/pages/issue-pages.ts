import type { Lang } from '../i18n/index.ts';
import type { Issue } from '../model/records.ts';
import type { SiteFile } from '../output/write-files.ts';
import { issueLabel } from '../archive/dates.ts';
import { paths } from '../archive/urls.ts';
import { articlePage, articleView, type ArticleInIssue } from './article-page.ts';
import { citableArticle, citationFiles } from './citation-files.ts';
import { issuePage } from './issue-page.ts';
import { issueNode } from './structured-data.ts';
import type { ArticlePage, IssuePage, PrintIssuePage } from './page-types.ts';
import { printIssuePage } from './print-issue-page.ts';
import type { SiteContext } from './site-context.ts';

/** The pages of one issue in one language, and (in Chinese) its citation downloads. */
export interface IssuePages {
  issue: IssuePage;
  articles: ArticlePage[];
  print: PrintIssuePage;
  files: SiteFile[];
}

type Neighbours = { before: Issue | undefined; after: Issue | undefined };

/** An issue's pages in one language: the issue, its articles, its print view, and (in Chinese) its citation downloads. */
export function issuePages(ctx: SiteContext, lang: Lang, issue: Issue, neighbours: Neighbours): IssuePages {
  const issueLdValue = issueNode(ctx.nodes[lang], lang, {
    url: ctx.links.url(lang, paths.issue(issue.cumulative)),
    name: lang === 'en' ? issueLabel(lang, issue) : issue.title,
    issueNumber: issue.number,
    cumulative: issue.cumulative,
    datePublished: issue.date,
  });
  const flat = issue.sections.flatMap((section) => section.articles.map((article) => ({ section, article })));
  const entries: ArticleInIssue[] = flat.map(({ section, article }, position) => ({ issue, section, article, previous: flat[position - 1]?.article, next: flat[position + 1]?.article }));
  const views = new Map(entries.map((entry) => [entry.article, articleView(ctx, lang, entry)]));
  const articles = entries.map((entry) => articlePage(ctx, lang, entry, views.get(entry.article) as ArticlePage['article'], issueLdValue));
  const files = lang === 'zh-CN' ? entries.flatMap(({ article }) => citationFiles(citableArticle(ctx, issue, article), paths.article(issue.cumulative, article.slug))) : [];
  return { issue: issuePage(ctx, lang, issue, neighbours, issueLdValue), articles, print: printIssuePage(ctx, lang, issue, views), files };
}
