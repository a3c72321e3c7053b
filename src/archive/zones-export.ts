import type { ZoneAlias } from '../parks/aliases.ts';
import { placeWordsOf } from '../parks/place-pinyin.ts';
import type { ZoneEntry } from '../parks/zone-query.ts';
import type { Issue, Park } from '../model/records.ts';
import { uncoveredForms } from './zone-coverage.ts';

/** The words of a place name of several words that name the zone alone (a place of one word is a name of its own). */
function placeWords(park: Park): { placeWords?: string[] } {
  const words = placeWordsOf(park.placeEn, [park.fullName, park.shortName]);
  return words.length === 0 || (words.length === 1 && words[0] === park.placeEn.toLowerCase()) ? {} : { placeWords: words };
}

/**
 * `data/zones.json`: every zone of the gazetteer with its aliases and how
 * many articles of the archive name it. The search page reads it to know
 * which zone a query names and to suggest zones while the reader types;
 * `uncovered` lists the forms whose text it must look up as well.
 */
export function zonesExport(parks: readonly Park[], aliases: readonly ZoneAlias[], issues: readonly Issue[]): { zones: ZoneEntry[] } {
  const counts = new Map<string, number>();
  for (const issue of issues) {
    for (const section of issue.sections) for (const article of section.articles) for (const park of article.parks) counts.set(park, (counts.get(park) ?? 0) + 1);
  }
  const aliasesOf = new Map<string, string[]>();
  const contextFormsOf = new Map<string, string[]>();
  for (const alias of aliases) {
    if (alias.rule.kind !== 'never') aliasesOf.set(alias.park, [...(aliasesOf.get(alias.park) ?? []), alias.alias]);
    // The parser counts 光谷 beside 武汉: so does a query, with the word on either side (武汉光谷, 张江科学城).
    if (alias.rule.kind === 'context') {
      const forms = alias.rule.words.flatMap((word) => [word + alias.alias, alias.alias + word]);
      contextFormsOf.set(alias.park, [...(contextFormsOf.get(alias.park) ?? []), ...forms]);
    }
  }
  const zones: ZoneEntry[] = parks.map((park) => ({
    name: park.shortName,
    fullName: park.fullName,
    province: park.province,
    provinceEn: park.provinceEn,
    placeEn: park.placeEn,
    aliases: aliasesOf.get(park.shortName) ?? [],
    ...(contextFormsOf.has(park.shortName) ? { contextForms: contextFormsOf.get(park.shortName) } : {}),
    ...placeWords(park),
    articles: counts.get(park.shortName) ?? 0,
    page: counts.has(park.shortName) ? park.slug : null,
  }));
  const uncovered = uncoveredForms(zones, issues);
  return { zones: zones.map((zone) => (uncovered.has(zone.name) ? { ...zone, uncovered: uncovered.get(zone.name) ?? [] } : zone)) };
}
