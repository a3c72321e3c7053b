import { dictionary, LANGS, type Lang, type MessageKey } from '../i18n/index.ts';
import { localized, paths } from '../archive/urls.ts';
import type { SiteLinks } from './links.ts';
import type { Link, PageCommon } from './page-types.ts';

export type PageKind = 'home' | 'issues' | 'issue' | 'article' | 'print-issue' | 'columns' | 'column' | 'parks' | 'park' | 'search' | 'about' | 'not-found';

const NAV: { key: MessageKey; path: string; kinds: PageKind[] }[] = [
  { key: 'nav.home', path: paths.home(), kinds: ['home'] },
  { key: 'nav.issues', path: paths.issues(), kinds: ['issues', 'issue', 'article', 'print-issue'] },
  { key: 'nav.columns', path: paths.columns(), kinds: ['columns', 'column'] },
  { key: 'nav.parks', path: paths.parks(), kinds: ['parks', 'park'] },
  { key: 'nav.search', path: paths.search(), kinds: ['search'] },
  { key: 'nav.about', path: paths.about(), kinds: ['about'] },
];

/** What every page has: language, URLs, navigation, alternates, assets. */
export function pageCommon(links: SiteLinks) {
  const brand = dictionary('zh-CN')['site.name'];
  return (lang: Lang, kind: PageKind, path: string, title: string, extra: Partial<PageCommon> = {}): PageCommon => {
    const t = dictionary(lang);
    const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
    const alternates = LANGS.map((hreflang) => ({ hreflang, href: links.url(hreflang, path) }));
    return {
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
      },
      og: { type: 'website', locale: lang === 'en' ? 'en_US' : 'zh_CN', siteName: t['site.name'] },
      jsonLd: null,
      contentLang: null,
      indexed: false,
      ...extra,
    };
  };
}

/** Breadcrumbs from the home page to `items`. */
export function breadcrumbs(links: SiteLinks, lang: Lang, ...items: Link[]): Link[] {
  return [{ href: links.link(lang, paths.home()), label: dictionary(lang)['nav.home'] }, ...items];
}
