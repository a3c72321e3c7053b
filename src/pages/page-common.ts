import type { IdReference, Thing } from 'schema-dts';
import { dictionary, LANGS, type Lang, type MessageKey } from '../i18n/index.ts';
import { localized, paths } from '../archive/urls.ts';
import type { SiteLinks } from './links.ts';
import type { Link, PageCommon, PageKind } from './page-types.ts';
import { linkTo, pageGraph, scriptJson, type SiteNodes } from './structured-data.ts';

const NAV: { key: MessageKey; path: string; kinds: PageKind[] }[] = [
  { key: 'nav.home', path: paths.home(), kinds: ['home'] },
  { key: 'nav.issues', path: paths.issues(), kinds: ['issues', 'issue', 'article', 'print-issue'] },
  { key: 'nav.columns', path: paths.columns(), kinds: ['columns', 'column'] },
  { key: 'nav.parks', path: paths.parks(), kinds: ['parks', 'park'] },
  { key: 'nav.search', path: paths.search(), kinds: ['search'] },
  { key: 'nav.about', path: paths.about(), kinds: ['about'] },
];

/** What a page kind adds to the common part: fields of its own, and what its JSON-LD describes. */
export type CommonExtra = Partial<PageCommon> & {
  /** What the page is (an issue, an article); by default nothing beyond the page. */
  mainEntity?: Thing | IdReference;
  /** What the page is about; by default the bulletin. */
  about?: Thing | IdReference;
};

/**
 * What every page has: language, URLs, navigation, alternates, assets, JSON-LD.
 * `updated` is the date of the newest issue in the archive: what a list page
 * last changed with.
 */
export function pageCommon(links: SiteLinks, updated: string, nodes: Record<Lang, SiteNodes>) {
  const brand = dictionary('zh-CN')['site.name'];
  return (lang: Lang, kind: PageKind, path: string, title: string, { mainEntity, about, ...extra }: CommonExtra = {}): PageCommon => {
    const t = dictionary(lang);
    const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
    const alternates = LANGS.map((hreflang) => ({ hreflang, href: links.url(hreflang, path) }));
    const common: PageCommon = {
      kind,
      lang,
      permalink: localized(lang, path),
      href: links.link(lang, path),
      canonical: links.url(lang, path),
      title: kind === 'home' ? `${t['site.name']} · ${t['site.tagline']}` : `${title} · ${t['site.name']}`,
      description: t['site.description'],
      t,
      brand: { name: brand, translation: lang === 'en' ? t['site.name'] : null },
      nav: NAV.map((item) => ({ href: links.link(lang, item.path), label: t[item.key], current: item.kinds.includes(kind), page: item.path === path })),
      breadcrumbs: [],
      feeds: [siteFeed(links, lang)],
      alternates: [...alternates, { hreflang: 'x-default', href: links.url('zh-CN', path) }],
      switcher: { href: links.link(other, path), label: t['lang.switch'], ariaLabel: t['lang.switchLabel'], hreflang: other },
      assets: {
        css: links.file('/assets/site.css'),
        printCss: links.file('/assets/print.css'),
        searchScript: links.file('/assets/js/search.js'),
        // Print and copy buttons, the print date and running head: on the pages that have them.
        pageScript: kind === 'article' || kind === 'print-issue' ? links.file('/assets/js/page.js') : null,
        feed: links.link(lang, paths.feed()),
        home: links.link(lang, paths.home()),
        search: links.link(lang, paths.search()),
        favicon: links.file('/assets/favicon.svg'),
        openData: links.file(paths.archiveJson()),
        zonesCsv: links.file(paths.articleZonesCsv()),
        // The whole-issue print view, laid out in pages so that its contents can give page numbers.
        pagedScript: kind === 'print-issue' ? links.file('/assets/js/print-issue.js') : null,
        pagedCss: kind === 'print-issue' ? links.file('/assets/paged.css') : null,
      },
      og: { type: 'website', locale: lang === 'en' ? 'en_US' : 'zh_CN', siteName: t['site.name'] },
      jsonLd: null,
      contentLang: null,
      indexed: false,
      updated,
      meta: [],
      ...extra,
    };
    if (extra.jsonLd !== undefined) return common;
    const graph = pageGraph(nodes[lang], {
      kind,
      lang,
      url: common.canonical,
      name: kind === 'home' ? common.title : title,
      description: common.description,
      breadcrumbs: common.breadcrumbs.map((crumb) => ({ name: crumb.label, url: crumb.href === '' ? common.canonical : new URL(crumb.href, links.baseUrl).href })),
      ...(mainEntity ? { mainEntity } : {}),
      about: about ?? linkTo(nodes[lang].periodical['@id'] as string),
    });
    return { ...common, jsonLd: graph === null ? null : scriptJson(graph) };
  };
}

/** The site's own feed, in a language. */
export function siteFeed(links: SiteLinks, lang: Lang): PageCommon['feeds'][number] {
  return { href: links.link(lang, paths.feed()), title: dictionary(lang)['site.name'] };
}

/** Breadcrumbs from the home page to `items`. */
export function breadcrumbs(links: SiteLinks, lang: Lang, ...items: Link[]): Link[] {
  return [{ href: links.link(lang, paths.home()), label: dictionary(lang)['nav.home'] }, ...items];
}
