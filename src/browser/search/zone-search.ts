import type { QueryPhrase } from '../../search/query.ts';
import type { ZoneEntry } from '../../parks/zone-query.ts';
import type { PagefindResult, PagefindSearchOptions, SearchIndex } from './pagefind-api.ts';
import { searchPhrases } from './phrase-search.ts';

export interface Found {
  /** Newest first. */
  results: PagefindResult[];
  /** The results that contain what was typed; the others were found through the zone. Null when the text was not looked up. */
  literal: ReadonlySet<string> | null;
}

type Filters = NonNullable<PagefindSearchOptions['filters']>;
const SORT = { date: 'desc' } as const;

/**
 * The articles a query finds: those containing it, and, when it names a
 * zone, every article whose parks include that zone, within the same
 * filters, newest first. `skipText` (for a zone whose articles hold every
 * article containing the text) leaves the text alone: looking it up would
 * fetch an index chunk per character for nothing.
 */
export function zoneSearch({ pagefind, rank }: SearchIndex) {
  const ids = async (filters: Filters) => new Set(((await pagefind.search(null, { filters, sort: SORT }))?.results ?? []).map((result) => result.id));
  const newestFirst = async (results: Iterable<PagefindResult>) => {
    const ranks = await rank();
    return [...results].sort((a, b) => (ranks.get(a.id) ?? Infinity) - (ranks.get(b.id) ?? Infinity));
  };

  return async (phrases: readonly QueryPhrase[], zone: ZoneEntry | null, filters: Filters, { skipText = false } = {}): Promise<Found> => {
    const options = { filters, sort: SORT };
    const typed = skipText ? [] : phrases.length > 0 ? await searchPhrases(pagefind, phrases, options) : ((await pagefind.search(null, options))?.results ?? []);
    const literal = skipText ? null : new Set(typed.map((result) => result.id));
    if (!zone) return { results: await newestFirst(typed), literal };
    const { park, ...others } = filters;
    let named = (await pagefind.search(null, { filters: { ...others, park: zone.name }, sort: SORT }))?.results ?? [];
    // A park chosen in the filter as well: both must hold.
    if (park !== undefined) {
      const allowed = await ids(filters);
      named = named.filter((result) => allowed.has(result.id));
    }
    const byId = new Map([...typed, ...named].map((result) => [result.id, result]));
    return { results: await newestFirst(byId.values()), literal };
  };
}
