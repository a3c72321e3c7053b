import type { Lang } from '../i18n/index.ts';

/** What the templates of the site's other documents receive: the Atom feeds, the sitemap, robots.txt. */

export interface FeedView {
  lang: Lang;
  permalink: string;
  title: string;
  selfUrl: string;
  siteUrl: string;
  updated: string;
  entries: { id: string; url: string; title: string; updated: string; summary: string; author: string }[];
}

export interface SitemapView {
  permalink: string;
  entries: { loc: string; lastmod: string; alternates: { hreflang: string; href: string }[] }[];
}

export interface RobotsView {
  permalink: string;
  sitemap: string;
}
