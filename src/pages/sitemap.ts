import type { SiteData } from './page-types.ts';

/** `/sitemap.xml`: every Chinese page, with its alternates. */
export function sitemap(pages: SiteData['pages']): SiteData['sitemap'] {
  return Object.values(pages)
    .flat()
    .filter((page) => page.lang === 'zh-CN' && page.kind !== 'not-found')
    .map((page) => ({ loc: page.canonical, alternates: page.alternates }));
}
