/** What the templates of the site's documents other than pages and feeds receive: the sitemap, robots.txt. */

export interface SitemapView {
  permalink: string;
  entries: { loc: string; lastmod: string; alternates: { hreflang: string; href: string }[] }[];
}

export interface RobotsView {
  permalink: string;
  sitemap: string;
}
