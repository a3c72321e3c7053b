import { dictionary, type Lang } from '../i18n/index.ts';
import type { Park } from '../model/records.ts';
import { paths } from '../archive/urls.ts';
import { scriptJson } from '../text/script-json.ts';
import type { SearchPage } from './page-types.ts';
import { searchExamples } from './search-examples.ts';
import type { SiteContext } from './site-context.ts';

/** Strings of other pages that the search page's script shows as well: a zone is named as its park page names it. */
const SHARED_KEYS = new Set(['park.zoneName']);

/** `/search/`: the search form, its filters, and the strings its script shows. */
export function searchPage(ctx: SiteContext, lang: Lang, parks: readonly Park[]): SearchPage {
  const t = dictionary(lang);
  const strings = Object.fromEntries(Object.entries(t).filter(([key]) => key.startsWith('search.') || SHARED_KEYS.has(key)));
  return {
    ...ctx.common(lang, 'search', paths.search(), t['search.title'], { breadcrumbs: ctx.crumbs(lang, { href: '', label: t['search.title'] }) }),
    kind: 'search',
    search: {
      strings: scriptJson(strings),
      parks: parks.map((park) => ({ value: park.shortName, label: lang === 'en' ? `${park.placeEn} (${park.shortName})` : park.shortName })),
      columns: [...ctx.titles.columns.values()].map((titles) => ({ value: titles.zh, label: lang === 'en' && titles.en ? titles.en : titles.zh })),
      years: [...new Set(ctx.issues.map((issue) => issue.year))].map((year) => ({ value: String(year), label: String(year) })),
      bundlePath: ctx.links.file('/pagefind/'),
      parts: ctx.options.searchParts.map((part) => ctx.links.file(part)).join(' '),
      zonesPath: ctx.links.file(paths.zonesJson()),
      parksPath: ctx.links.link(lang, paths.parks()),
      hintsPath: ctx.links.file(paths.searchHintsJson()),
      ...searchExamples(ctx, lang),
    },
  };
}
