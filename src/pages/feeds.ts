import { dictionary, translate, type Lang } from '../i18n/index.ts';
import type { Article, Issue, Park } from '../model/records.ts';
import { excerpt } from '../text/excerpt.ts';
import { localized, paths } from '../archive/urls.ts';
import { zoneRelation } from '../archive/zone-relation.ts';
import type { FeedView } from './feed-view.ts';
import type { SiteContext } from './site-context.ts';

const FEED_SIZE = 50;

/** An article's summary, the same in every feed and language it is in: cut once (ICU's word segmentation is the cost). */
const summaries = new WeakMap<Article, string>();
function summaryOf(article: Article): string {
  const known = summaries.get(article);
  if (known !== undefined) return known;
  const made = excerpt(article.text, 200);
  summaries.set(article, made);
  return made;
}

type Item = { issue: Issue; article: Article };

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
    entries: newest.map((item) => entry(ctx, lang, item)),
  };
}

/**
 * `/parks/<slug>/feed.xml` in each language: the newest articles naming a
 * zone, for a reader who follows that zone, each marked as about the zone or
 * only mentioning it. Entry ids are the articles' pages, as in the site's feed.
 */
export function parkFeeds(ctx: SiteContext, lang: Lang, parks: readonly Park[]): FeedView[] {
  const t = dictionary(lang);
  const byPark = new Map<string, Item[]>();
  for (const issue of ctx.issues) {
    for (const article of issue.sections.flatMap((section) => section.articles)) {
      for (const name of article.parks) {
        const items = byPark.get(name);
        if (items) items.push({ issue, article });
        else byPark.set(name, [{ issue, article }]);
      }
    }
  }
  return parks.flatMap((park) => {
    const items = (byPark.get(park.shortName) ?? []).slice(0, FEED_SIZE);
    const newest = items[0];
    if (!newest) return [];
    const zone = translate(lang, 'park.zoneName', { zone: ctx.refs.park(lang, park.shortName).label });
    return [{
      lang,
      permalink: localized(lang, paths.parkFeed(park.slug)),
      title: translate(lang, 'park.feedTitle', { site: t['site.name'], zone }),
      selfUrl: ctx.links.url(lang, paths.parkFeed(park.slug)),
      siteUrl: ctx.links.url(lang, paths.park(park.slug)),
      updated: `${newest.issue.date}T00:00:00+08:00`,
      entries: items.map((item) => {
        const relation = zoneRelation(item.article, park.shortName, { zone: ctx.refs.sourceZone });
        return { ...entry(ctx, lang, item), category: { term: relation, label: t[relation === 'about' ? 'chart.park.legendAbout' : 'chart.park.legendMentions'] } };
      }),
    }];
  });
}

/** An article as a feed entry: its page in the feed's language, its title there, its source as author, its opening as summary. */
function entry(ctx: SiteContext, lang: Lang, { issue, article }: Item): FeedView['entries'][number] {
  const url = ctx.links.url(lang, paths.article(issue.cumulative, article.slug));
  const title = ctx.titles.article(lang, issue, article);
  const author = article.source === null ? null : ctx.refs.source(lang, article.source);
  return {
    id: url,
    url,
    title: title.title,
    titleLang: title.lang ?? null,
    updated: `${issue.date}T00:00:00+08:00`,
    summary: summaryOf(article),
    author: author?.text ?? (lang === 'en' ? dictionary('en')['site.publisher'] : issue.publication.publisher),
    authorLang: author?.lang ?? null,
    category: null,
  };
}
