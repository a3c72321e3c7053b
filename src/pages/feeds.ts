import { dictionary, type Lang } from '../i18n/index.ts';
import { excerpt } from '../text/excerpt.ts';
import { localized, paths } from '../archive/urls.ts';
import type { FeedView } from './feed-view.ts';
import type { SiteContext } from './site-context.ts';

const FEED_SIZE = 50;

/**
 * `/feed.xml` and `/en/feed.xml`: the newest articles as Atom feeds. Each
 * entry's id is its page in the feed's language, so an aggregator that reads
 * both feeds keeps the two versions apart (RFC 4287 §4.2.6).
 */
export function feed(ctx: SiteContext, lang: Lang): FeedView {
  const t = dictionary(lang);
  const newest = ctx.issues.flatMap((issue) => issue.sections.flatMap((section) => section.articles.map((article) => ({ issue, article })))).slice(0, FEED_SIZE);
  return {
    lang,
    permalink: localized(lang, paths.feed()),
    title: t['site.name'],
    selfUrl: ctx.links.url(lang, paths.feed()),
    siteUrl: ctx.links.url(lang, paths.home()),
    updated: `${ctx.issues[0]?.date ?? ctx.options.buildDate}T00:00:00+08:00`,
    entries: newest.map(({ issue, article }) => ({
      id: ctx.links.url(lang, paths.article(issue.cumulative, article.slug)),
      url: ctx.links.url(lang, paths.article(issue.cumulative, article.slug)),
      title: ctx.titles.article(lang, issue, article).title,
      updated: `${issue.date}T00:00:00+08:00`,
      summary: excerpt(article.text, 200),
      author: article.source ?? issue.publication.publisher,
    })),
  };
}
