import type { Lang } from '../i18n/index.ts';

/** What templates/feed.njk receives for one Atom feed: the site's, or a zone's, in one language. */
export interface FeedView {
  lang: Lang;
  permalink: string;
  title: string;
  selfUrl: string;
  siteUrl: string;
  updated: string;
  entries: {
    id: string;
    url: string;
    title: string;
    /** `zh-CN` for a Chinese title in the English feed. */
    titleLang: string | null;
    updated: string;
    summary: string;
    author: string;
    authorLang: string | null;
    /** In a zone's feed: whether the article is about the zone or only mentions it. */
    category: { term: string; label: string } | null;
  }[];
}
