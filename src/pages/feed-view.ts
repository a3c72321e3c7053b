import type { Lang } from '../i18n/index.ts';

/** What templates/feed.njk receives for one Atom feed. */
export interface FeedView {
  lang: Lang;
  permalink: string;
  title: string;
  selfUrl: string;
  siteUrl: string;
  updated: string;
  entries: { id: string; url: string; title: string; updated: string; summary: string; author: string }[];
}
