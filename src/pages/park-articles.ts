import type { Lang } from '../i18n/index.ts';
import type { Park } from '../model/records.ts';
import { zoneRelation } from '../archive/zone-relation.ts';
import type { ArticleRef } from './page-types.ts';
import type { SiteContext } from './site-context.ts';

/** Articles by year, newest first (each year's newest first too). */
export type ByYear = Map<number, ArticleRef[]>;

/** A park's articles: those about it (named in the title, or its own source) and those that only mention it. */
export interface ParkArticles {
  about: ByYear;
  mentions: ByYear;
  /** Date of the newest issue among them. */
  newest: string;
  /** Per issue (by cumulative number): how many articles are about the park, how many only mention it. */
  byIssue: Map<number, { about: number; mentions: number }>;
}

/** The articles of every park named in the archive, newest first, by canonical short name. */
export function parkArticles(ctx: SiteContext, lang: Lang): Map<string, ParkArticles> {
  const byPark = new Map<string, ParkArticles>();
  for (const issue of ctx.issues) {
    for (const section of issue.sections) {
      for (const article of section.articles) {
        for (const name of article.parks) {
          const entry = byPark.get(name) ?? { about: new Map(), mentions: new Map(), newest: issue.date, byIssue: new Map() };
          const isAbout = zoneRelation(article, name, { zone: ctx.refs.sourceZone }) === 'about';
          const byYear = isAbout ? entry.about : entry.mentions;
          const ref = ctx.refs.article(lang, issue, section, article);
          const inYear = byYear.get(issue.year);
          if (inYear) inYear.push(ref);
          else byYear.set(issue.year, [ref]);
          const counts = entry.byIssue.get(issue.cumulative) ?? { about: 0, mentions: 0 };
          entry.byIssue.set(issue.cumulative, isAbout ? { ...counts, about: counts.about + 1 } : { ...counts, mentions: counts.mentions + 1 });
          byPark.set(name, entry);
        }
      }
    }
  }
  return byPark;
}

/** The anchor of a year's group in a park page's list of articles about it, or of those that mention it. */
export const parkYearAnchor = (list: 'about' | 'mentions', year: number): string => `${list}-${year}`;

/** The years a park's articles fall in, when more than one: the page then lists them by year. */
export function groupedYears(entry: ParkArticles): Set<number> | null {
  const years = new Set([...entry.about.keys(), ...entry.mentions.keys()]);
  return years.size > 1 ? years : null;
}

/** All the articles of a list, newest first. */
export const allOf = (byYear: ByYear): ArticleRef[] => [...byYear.values()].flat();

/** How many articles a list holds. */
export const countOf = (byYear: ByYear): number => [...byYear.values()].reduce((sum, refs) => sum + refs.length, 0);

/** The parks of the gazetteer that the archive names, in gazetteer order. */
export function namedParks(ctx: SiteContext, articles: ReadonlyMap<string, ParkArticles>): Park[] {
  return ctx.options.parks.filter((park) => articles.has(park.shortName));
}
