import { dictionary, translate, type Lang } from '../i18n/index.ts';
import type { Park } from '../model/records.ts';
import { paths } from '../archive/urls.ts';
import type { ParkArticleList, ParkPage, ParksPage } from './page-types.ts';
import type { SiteContext } from './site-context.ts';
import { siteFeed } from './page-common.ts';
import { parkNode } from './structured-data.ts';
import { parkCharts, provinceAnchor, provinceChart } from './park-charts.ts';
import { allOf, countOf, groupedYears, namedParks, parkYearAnchor, type ByYear, type ParkArticles } from './park-articles.ts';

/** `/parks/`: the named parks by province, with their numbers of articles. */
export function parksPage(ctx: SiteContext, lang: Lang, articles: ReadonlyMap<string, ParkArticles>): ParksPage {
  const t = dictionary(lang);
  const parks = namedParks(ctx, articles);
  return {
    ...ctx.common(lang, 'parks', paths.parks(), t['parks.title'], { breadcrumbs: ctx.crumbs(lang, { href: '', label: t['parks.title'] }) }),
    kind: 'parks',
    chart: provinceChart(ctx, lang, new Set(parks.map((park) => park.province))),
    provinces: [...new Set(parks.map((park) => park.province))].map((province) => {
      const members = parks.filter((park) => park.province === province);
      return {
        id: provinceAnchor(province),
        name: lang === 'en' ? (members[0]?.provinceEn ?? province) : province,
        parks: members.map((park) => {
          const entry = articles.get(park.shortName);
          return { ...ctx.refs.park(lang, park.shortName), count: translate(lang, 'parks.count', { count: entry ? countOf(entry.about) + countOf(entry.mentions) : 0 }) };
        }),
      };
    }),
  };
}

/** `/parks/<place>/`: one park, its facts and its articles. */
export function parkPage(ctx: SiteContext, lang: Lang, park: Park, articles: ParkArticles): ParkPage {
  const t = dictionary(lang);
  const name = ctx.refs.park(lang, park.shortName);
  // 江门高新区; Jiangmen High-tech Zone (the English short label is the place alone).
  const zoneName = translate(lang, 'park.zoneName', { zone: name.label });
  const grouped = groupedYears(articles) !== null;
  const feed = { href: ctx.links.link(lang, paths.parkFeed(park.slug)), title: translate(lang, 'park.feedTitle', { site: t['site.name'], zone: zoneName }) };
  const list = (kind: 'about' | 'mentions', byYear: ByYear): ParkArticleList[] =>
    byYear.size === 0
      ? []
      : [{
          id: `park-${kind}`,
          heading: t[`park.${kind}`],
          articles: allOf(byYear),
          years: grouped ? [...byYear].map(([year, inYear]) => ({ id: parkYearAnchor(kind, year), year: translate(lang, 'park.year', { year }), articles: inYear })) : null,
        }];
  return {
    ...ctx.common(lang, 'park', paths.park(park.slug), zoneName, {
      breadcrumbs: ctx.crumbs(lang, { href: ctx.links.link(lang, paths.parks()), label: t['nav.parks'] }, { href: '', label: zoneName }),
      about: parkNode({ name: zoneName, fullName: park.fullName, province: lang === 'en' ? park.provinceEn : park.province }),
      updated: articles.newest,
      feeds: [feed, siteFeed(ctx.links, lang)],
    }),
    kind: 'park',
    park: {
      name: zoneName,
      nameLang: name.lang,
      fullName: park.fullName,
      province: lang === 'en' ? park.provinceEn : park.province,
      lists: [...list('about', articles.about), ...list('mentions', articles.mentions)],
      search: `${ctx.links.link(lang, paths.search())}?park=${encodeURIComponent(park.shortName)}`,
      feed: { href: feed.href, label: t['park.feed'] },
    },
    charts: parkCharts(ctx, lang, articles),
  };
}
