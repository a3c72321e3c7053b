import { dictionary, translate, type Lang } from '../i18n/index.ts';
import type { Park } from '../model/records.ts';
import { paths } from '../archive/urls.ts';
import type { ArticleRef, ParkPage, ParksPage } from './page-types.ts';
import type { SiteContext } from './site-context.ts';
import { parkNode } from './structured-data.ts';

/** A park's articles: those about it (named in the title, or its own source) and those that only mention it. */
export interface ParkArticles {
  about: ArticleRef[];
  mentions: ArticleRef[];
  /** Date of the newest issue among them. */
  newest: string;
}

/** The articles of every park named in the archive, newest first, by canonical short name. */
export function parkArticles(ctx: SiteContext, lang: Lang): Map<string, ParkArticles> {
  const byPark = new Map<string, ParkArticles>();
  for (const issue of ctx.issues) {
    for (const section of issue.sections) {
      for (const article of section.articles) {
        for (const name of article.parks) {
          const entry = byPark.get(name) ?? { about: [], mentions: [], newest: issue.date };
          const isAbout = article.title.includes(name) || article.source === name;
          (isAbout ? entry.about : entry.mentions).push(ctx.refs.article(lang, issue, section, article));
          byPark.set(name, entry);
        }
      }
    }
  }
  return byPark;
}

/** The parks of the gazetteer that the archive names, in gazetteer order. */
export function namedParks(ctx: SiteContext, articles: ReadonlyMap<string, ParkArticles>): Park[] {
  return ctx.options.parks.filter((park) => articles.has(park.shortName));
}

/** `/parks/`: the named parks by province, with their numbers of articles. */
export function parksPage(ctx: SiteContext, lang: Lang, articles: ReadonlyMap<string, ParkArticles>): ParksPage {
  const t = dictionary(lang);
  const parks = namedParks(ctx, articles);
  return {
    ...ctx.common(lang, 'parks', paths.parks(), t['parks.title'], { breadcrumbs: ctx.crumbs(lang, { href: '', label: t['parks.title'] }) }),
    kind: 'parks',
    provinces: [...new Set(parks.map((park) => park.province))].map((province) => {
      const members = parks.filter((park) => park.province === province);
      return {
        name: lang === 'en' ? (members[0]?.provinceEn ?? province) : province,
        parks: members.map((park) => {
          const entry = articles.get(park.shortName);
          return { ...ctx.refs.park(lang, park.shortName), count: translate(lang, 'parks.count', { count: (entry?.about.length ?? 0) + (entry?.mentions.length ?? 0) }) };
        }),
      };
    }),
  };
}

/** `/parks/<place>/`: one park, its facts and its articles. */
export function parkPage(ctx: SiteContext, lang: Lang, park: Park, articles: ParkArticles): ParkPage {
  const t = dictionary(lang);
  const name = ctx.refs.park(lang, park.shortName);
  return {
    ...ctx.common(lang, 'park', paths.park(park.slug), name.label, {
      breadcrumbs: ctx.crumbs(lang, { href: ctx.links.link(lang, paths.parks()), label: t['nav.parks'] }, { href: '', label: name.label }),
      about: parkNode({ name: translate(lang, 'park.zoneName', { zone: name.label }), fullName: park.fullName, province: lang === 'en' ? park.provinceEn : park.province }),
      updated: articles.newest,
    }),
    kind: 'park',
    park: {
      name: name.label,
      nameLang: name.lang,
      fullName: park.fullName,
      province: lang === 'en' ? park.provinceEn : park.province,
      about: articles.about,
      mentions: articles.mentions,
      search: `${ctx.links.link(lang, paths.search())}?park=${encodeURIComponent(park.shortName)}`,
    },
  };
}
