import { paths } from '../archive/urls.ts';
import type { SitemapView } from './document-types.ts';
import type { SiteData } from './page-types.ts';

/**
 * `/sitemap.xml`: every page in both languages (not the 404 page), each as its
 * own `<url>` with the date it last changed and its alternates, so that each
 * language version lists the other.
 */
export function sitemap(pages: SiteData['pages']): SitemapView {
  const entries = Object.values(pages)
    .flat()
    .filter((page) => page.kind !== 'not-found')
    .map((page) => ({ loc: page.canonical, lastmod: page.updated, alternates: page.alternates }));
  return { permalink: paths.sitemap(), entries };
}
