import { langPrefix, type Lang } from '../i18n/index.ts';

/** Site-absolute paths without the base path; one place decides every URL. */
export const paths = {
  home: () => '/',
  issues: () => '/issues/',
  issue: (cumulative: number) => `/issues/${cumulative}/`,
  issuePrint: (cumulative: number) => `/issues/${cumulative}/print/`,
  article: (cumulative: number, slug: string) => `/issues/${cumulative}/${slug}/`,
  columns: () => '/columns/',
  column: (slug: string) => `/columns/${slug}/`,
  parks: () => '/parks/',
  park: (slug: string) => `/parks/${slug}/`,
  parkFeed: (slug: string) => `/parks/${slug}/feed.xml`,
  search: () => '/search/',
  about: () => '/about/',
  notFound: () => '/404.html',
  feed: () => '/feed.xml',
  sitemap: () => '/sitemap.xml',
  robots: () => '/robots.txt',
  archiveJson: () => '/data/archive.json',
  zonesJson: () => '/data/zones.json',
  articleZonesCsv: () => '/data/article-zones.csv',
  searchHintsJson: () => '/data/search-hints.json',
  issueJson: (cumulative: number) => `/data/issues/${cumulative}.json`,
} as const;

/** A path in a language: `/issues/549/` in Chinese, `/en/issues/549/` in English. */
export function localized(lang: Lang, path: string): string {
  return langPrefix(lang) + path.replace(/^\//u, '');
}

/** The base path of a base URL: `https://example.org/archive/` → `/archive/`. */
export function basePathOf(baseUrl: string): string {
  const pathname = new URL(baseUrl).pathname;
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}

export function normalizeBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (!/^https?:$/u.test(url.protocol)) throw new Error(`Unexpected base URL ${baseUrl}, expected http(s)`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url.href;
}

/** Site path → link served under the base path. */
export function href(basePath: string, path: string): string {
  return basePath + path.replace(/^\//u, '');
}

/** Site path → absolute URL for canonical links, feeds and citations. */
export function absolute(baseUrl: string, path: string): string {
  // The site's own paths (ASCII slugs, no dot segments) resolve as they are written; URL parsing, 10 µs a call, is for the rest.
  if (PLAIN_PATH.test(path) && baseUrl.endsWith('/')) return baseUrl + path.slice(1);
  return new URL(path.replace(/^\//u, ''), baseUrl).href;
}

/** A site-absolute path of unreserved characters, without `.` or `..` segments: the same text once resolved. */
const PLAIN_PATH = /^\/(?:(?!\.\.?(?:\/|$))[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/?)*$/u;
