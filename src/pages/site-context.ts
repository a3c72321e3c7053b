import { archiveYears } from './archive-years.ts';
import type { Lang } from '../i18n/index.ts';
import type { Issue, Park, Translation } from '../model/records.ts';
import { siteNodes, type SiteNodes } from './structured-data.ts';
import { siteLinks, type SiteLinks } from './links.ts';
import { breadcrumbs, pageCommon } from './page-common.ts';
import type { Link } from './page-types.ts';
import { siteReferences, type SiteReferences } from './references.ts';
import { siteTitles, type SiteTitles } from './titles.ts';

export interface SiteOptions {
  baseUrl: string;
  /** `YYYY-MM-DD`: the retrieval date printed on citations and paper. */
  buildDate: string;
  parks: readonly Park[];
  /** The folders of the search index's parts (`/pagefind/0008-…/`), oldest first. */
  searchParts: readonly string[];
}

/** What every page kind is made from: the archive, and how to link to, name and list its parts. */
export interface SiteContext {
  options: SiteOptions;
  /** Newest first. */
  issues: readonly Issue[];
  /** Oldest first. */
  chronological: readonly Issue[];
  /** Every year from the first issue's to the last's, oldest first, with its issues (none for a year without). */
  years: readonly { year: number; issues: Issue[] }[];
  translations: ReadonlyMap<number, Translation>;
  links: SiteLinks;
  titles: SiteTitles;
  refs: SiteReferences;
  common: ReturnType<typeof pageCommon>;
  crumbs(lang: Lang, ...items: Link[]): Link[];
  /** The JSON-LD nodes each language's pages refer to. */
  nodes: Record<Lang, SiteNodes>;
}

export function createSiteContext(issues: readonly Issue[], translations: ReadonlyMap<number, Translation>, options: SiteOptions): SiteContext {
  const links = siteLinks(options.baseUrl);
  const chronological = [...issues].sort((a, b) => a.cumulative - b.cumulative);
  const titles = siteTitles(chronological, translations, links);
  const nodes = { 'zh-CN': siteNodes(links, 'zh-CN'), en: siteNodes(links, 'en') };
  return {
    options,
    issues,
    chronological,
    years: archiveYears(chronological),
    translations,
    links,
    titles,
    refs: siteReferences(links, titles, options.parks),
    common: pageCommon(links, issues[0]?.date ?? options.buildDate, nodes),
    crumbs: (lang, ...items) => breadcrumbs(links, lang, ...items),
    nodes,
  };
}
