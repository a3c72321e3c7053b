import type { Lang } from '../i18n/index.ts';
import type { Issue, Park, Translation } from '../model/records.ts';
import { periodicalLd } from './json-ld.ts';
import { siteLinks, type SiteLinks } from './links.ts';
import { breadcrumbs, pageCommon } from './page-common.ts';
import type { Link } from './page-types.ts';
import { siteReferences, type SiteReferences } from './references.ts';
import { siteTitles, type SiteTitles } from './titles.ts';
import { dictionary } from '../i18n/index.ts';
import { PUBLICATION } from '../model/publication.ts';

export interface SiteOptions {
  baseUrl: string;
  /** `YYYY-MM-DD`: the retrieval date printed on citations and paper. */
  buildDate: string;
  parks: readonly Park[];
}

/** What every page kind is made from: the archive, and how to link to, name and list its parts. */
export interface SiteContext {
  options: SiteOptions;
  /** Newest first. */
  issues: readonly Issue[];
  /** Oldest first. */
  chronological: readonly Issue[];
  translations: ReadonlyMap<number, Translation>;
  links: SiteLinks;
  titles: SiteTitles;
  refs: SiteReferences;
  common: ReturnType<typeof pageCommon>;
  crumbs(lang: Lang, ...items: Link[]): Link[];
  periodical: ReturnType<typeof periodicalLd>;
}

export function createSiteContext(issues: readonly Issue[], translations: ReadonlyMap<number, Translation>, options: SiteOptions): SiteContext {
  const links = siteLinks(options.baseUrl);
  const chronological = [...issues].sort((a, b) => a.cumulative - b.cumulative);
  const titles = siteTitles(chronological, translations, links);
  return {
    options,
    issues,
    chronological,
    translations,
    links,
    titles,
    refs: siteReferences(links, titles, options.parks),
    common: pageCommon(links),
    crumbs: (lang, ...items) => breadcrumbs(links, lang, ...items),
    periodical: periodicalLd({
      name: PUBLICATION.title,
      alternateName: dictionary('en')['site.name'],
      publisher: issues[0]?.publication.publisher ?? PUBLICATION.publisher,
      url: options.baseUrl,
    }),
  };
}
