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

/** Each issue's pages per language, with the context they were made in (`bulletin serve` keeps them between builds). */
export type IssuePagesMemo = WeakMap<Issue, Map<Lang, { context: string; made: IssuePages }>>;

type Neighbours = { before: Issue | undefined; after: Issue | undefined };

/**
 * An issue's pages, kept from an earlier call when the issue (the same
 * parsed object) and all that its pages show of the rest of the archive are
 * unchanged.
 */
export function issuePagesOnce(ctx: SiteContext, lang: Lang, issue: Issue, neighbours: Neighbours, memo: IssuePagesMemo | undefined): IssuePages {
  if (!memo) return issuePages(ctx, lang, issue, neighbours);
  const { before, after } = neighbours;
  const context = JSON.stringify([
    ctx.options.baseUrl,
    ctx.options.buildDate,
    ctx.translations.get(issue.cumulative) ?? null,
    [before?.cumulative, before && issueLabel(lang, before)],
    [after?.cumulative, after && issueLabel(lang, after)],
    issue.sections.map((section) => ctx.titles.columnLink(lang, ctx.titles.columnSlug(section))),
  ]);
  const kept = memo.get(issue)?.get(lang);
  if (kept?.context === context) return kept.made;
  const made = issuePages(ctx, lang, issue, neighbours);
  memo.set(issue, (memo.get(issue) ?? new Map()).set(lang, { context, made }));
  return made;
}

function issuePages(ctx: SiteContext, lang: Lang, issue: Issue, neighbours: Neighbours): IssuePages {
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
