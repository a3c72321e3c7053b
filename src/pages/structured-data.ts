/**
 * schema.org JSON-LD for every page kind, typed with schema-dts so that a
 * misspelt property or type is a compile error.
 *
 * Each language is its own set of nodes: on an English page every `@id`, `url`
 * and `inLanguage` is the English page's. The two versions of an article are
 * tied together with `workTranslation` / `translationOfWork`. The bulletin
 * itself (the Periodical) is published in Chinese on both.
 */
import type {
  BreadcrumbList,
  Graph,
  IdReference,
  NewsArticle,
  Organization,
  Periodical,
  Place,
  PublicationIssue,
  SearchAction,
  Thing,
  WebPage,
  WebSite,
  WithActionConstraints,
} from 'schema-dts';
import { dictionary, type Lang } from '../i18n/index.ts';
import { PUBLICATION } from '../model/publication.ts';
import { paths } from '../archive/urls.ts';
import type { SiteLinks } from './links.ts';
import type { PageKind } from './page-types.ts';

export { scriptJson } from '../text/script-json.ts';

/** The kind of web page each page kind is; the 404 page has none. */
const PAGE_TYPE: Record<PageKind, 'WebPage' | 'CollectionPage' | 'ItemPage' | 'SearchResultsPage' | 'AboutPage' | null> = {
  home: 'WebPage',
  issues: 'CollectionPage',
  issue: 'ItemPage',
  article: 'ItemPage',
  'print-issue': 'ItemPage',
  columns: 'CollectionPage',
  column: 'CollectionPage',
  parks: 'CollectionPage',
  park: 'CollectionPage',
  search: 'SearchResultsPage',
  about: 'AboutPage',
  'not-found': null,
};

const ref = (id: string): IdReference => ({ '@id': id });

/** The nodes every page of one language refers to. */
export function siteNodes(links: SiteLinks, lang: Lang) {
  const t = dictionary(lang);
  const home = links.url(lang, paths.home());
  const otherName = dictionary(lang === 'en' ? 'zh-CN' : 'en')['site.name'];
  const publisher: Organization = {
    '@type': 'Organization',
    '@id': `${home}#publisher`,
    name: t['site.publisher'],
    ...(lang === 'en' ? { alternateName: PUBLICATION.publisher } : {}),
    address: { '@type': 'PostalAddress', addressLocality: t['site.publisherPlace'], addressCountry: 'CN' },
  };
  const periodical: Periodical = {
    '@type': 'Periodical',
    '@id': `${home}#periodical`,
    name: t['site.name'],
    alternateName: otherName,
    // The bulletin is printed in Chinese, whichever language the page is in.
    inLanguage: 'zh-CN',
    url: home,
    publisher: ref(`${home}#publisher`),
  };
  const search: WithActionConstraints<SearchAction> = {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: `${links.url(lang, paths.search())}?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  };
  const website: WebSite = {
    '@type': 'WebSite',
    '@id': `${home}#website`,
    url: home,
    name: t['site.name'],
    alternateName: otherName,
    inLanguage: lang,
    publisher: ref(`${home}#publisher`),
    potentialAction: search,
  };
  return { home, publisher, periodical, website };
}

export type SiteNodes = ReturnType<typeof siteNodes>;

/** A reference to a node described in full on another page. */
export function linkTo(id: string): IdReference {
  return ref(id);
}

interface IssueFacts {
  url: string;
  name: string;
  /** 期: the issue within the year. */
  issueNumber: number;
  /** 总第…期: the cumulative number, which schema.org has no property for. */
  cumulative: number;
  datePublished: string;
}

export function issueNode(nodes: SiteNodes, lang: Lang, facts: IssueFacts): PublicationIssue {
  return {
    '@type': 'PublicationIssue',
    '@id': `${facts.url}#issue`,
    url: facts.url,
    name: facts.name,
    issueNumber: String(facts.issueNumber),
    identifier: { '@type': 'PropertyValue', propertyID: dictionary(lang)['cite.cumulativeId'], value: String(facts.cumulative) },
    datePublished: facts.datePublished,
    // The bulletin by name and id: the home page describes it in full.
    isPartOf: { '@type': 'Periodical', '@id': nodes.periodical['@id'] as string, name: nodes.periodical.name as string },
  };
}

interface ArticleFacts {
  url: string;
  headline: string;
  /** The title in the other language, when there is one. */
  alternativeHeadline: string | null;
  description: string;
  datePublished: string;
  /** 供稿单位, or null (then the publisher is the author). */
  /** The 供稿 source as the page shows it, with its Chinese original beside an English name. */
  source: { text: string; original: string | null } | null;
  section: string;
  parks: readonly string[];
  /** The same article's page in the other language. */
  otherUrl: string;
}

export function articleNode(nodes: SiteNodes, lang: Lang, issue: PublicationIssue, facts: ArticleFacts): NewsArticle {
  const other = ref(`${facts.otherUrl}#article`);
  return {
    '@type': 'NewsArticle',
    '@id': `${facts.url}#article`,
    url: facts.url,
    mainEntityOfPage: ref(facts.url),
    headline: facts.headline,
    ...(facts.alternativeHeadline ? { alternativeHeadline: facts.alternativeHeadline } : {}),
    description: facts.description,
    datePublished: facts.datePublished,
    inLanguage: lang,
    articleSection: facts.section,
    keywords: [...facts.parks],
    about: facts.parks.map((name): Place => ({ '@type': 'Place', name })),
    author: facts.source ? { '@type': 'Organization', name: facts.source.text, ...(facts.source.original ? { alternateName: facts.source.original } : {}) } : ref(nodes.publisher['@id'] as string),
    publisher: nodes.publisher,
    isPartOf: issue,
    ...(lang === 'en' ? { translationOfWork: other } : { workTranslation: other }),
  };
}

/** A national high-tech zone, as the subject of its page. */
export function parkNode(facts: { name: string; fullName: string; province: string }): Place {
  return {
    '@type': 'Place',
    name: facts.name,
    alternateName: facts.fullName,
    address: { '@type': 'PostalAddress', addressRegion: facts.province, addressCountry: 'CN' },
  };
}

export interface PageFacts {
  kind: PageKind;
  lang: Lang;
  url: string;
  name: string;
  description: string;
  breadcrumbs: readonly { name: string; url: string }[];
  /** What the page is: an issue, an article. */
  mainEntity?: Thing | IdReference;
  /** What the page is about: the bulletin, a park. */
  about?: Thing | IdReference;
}

function breadcrumbList(url: string, crumbs: PageFacts['breadcrumbs']): BreadcrumbList {
  return {
    '@type': 'BreadcrumbList',
    '@id': `${url}#breadcrumb`,
    itemListElement: crumbs.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, name: crumb.name, item: crumb.url })),
  };
}

/** The page's JSON-LD: the page itself, what it shows, and (on the home page) the site and the bulletin. */
export function pageGraph(nodes: SiteNodes, facts: PageFacts): Graph | null {
  const type = PAGE_TYPE[facts.kind];
  if (type === null) return null;
  const page: WebPage = {
    '@type': type,
    '@id': facts.url,
    url: facts.url,
    name: facts.name,
    description: facts.description,
    inLanguage: facts.lang,
    isPartOf: ref(nodes.website['@id'] as string),
    ...(facts.breadcrumbs.length > 1 ? { breadcrumb: breadcrumbList(facts.url, facts.breadcrumbs) } : {}),
    ...(facts.mainEntity ? { mainEntity: facts.mainEntity } : {}),
    ...(facts.about ? { about: facts.about } : {}),
  };
  const graph: Thing[] = facts.kind === 'home' ? [page, nodes.website, nodes.periodical, nodes.publisher] : [page];
  return { '@context': 'https://schema.org', '@graph': graph };
}
