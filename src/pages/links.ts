import type { Lang } from '../i18n/index.ts';
import { absolute, basePathOf, href, localized } from '../archive/urls.ts';

/** Where things are on the site being built: links under its base path, absolute URLs under its base URL. */
export interface SiteLinks {
  baseUrl: string;
  /** `/` or `/archive/`. */
  basePath: string;
  /** A page in a language, as a link on the site: `/archive/en/issues/549/`. */
  link(lang: Lang, path: string): string;
  /** The same as an absolute URL, for canonical links, feeds and citations. */
  url(lang: Lang, path: string): string;
  /** A file that has no language (assets, open data, downloads), as a link. */
  file(path: string): string;
}

export function siteLinks(baseUrl: string): SiteLinks {
  const basePath = basePathOf(baseUrl);
  return {
    baseUrl,
    basePath,
    link: (lang, path) => href(basePath, localized(lang, path)),
    url: (lang, path) => absolute(baseUrl, localized(lang, path)),
    file: (path) => href(basePath, path),
  };
}
