import type { QueryPhrase } from '../../search/query.ts';
import type { Pagefind, PagefindResult, PagefindSearchOptions } from './pagefind-api.ts';

/** Results with body positions: matches of Pagefind's indexed meta fields only are no match here. */
const inBody = (found: { results: PagefindResult[] } | null): PagefindResult[] => (found ? found.results.filter((result) => result.words.length > 0) : []);

/**
 * Pages where the phrase occurs, in Pagefind's order. A phrase of one token
 * is a plain Pagefind search (a prefix search, which for an ideographic
 * character is the character itself); a longer phrase of whole tokens is
 * Pagefind's exact-phrase search (consecutive positions, in WASM); a longer
 * phrase ending in a prefix word is checked here from each token's positions.
 */
export async function searchPhrase(pagefind: Pagefind, phrase: QueryPhrase, options: PagefindSearchOptions): Promise<PagefindResult[]> {
  const { terms } = phrase;
  const last = terms.at(-1);
  if (terms.length === 1 && last) return inBody(await pagefind.search(last.term, options));
  if (!last?.prefix) return inBody(await pagefind.search(`"${terms.map((term) => term.term).join(' ')}"`, options));
  const distinct = [...new Set(terms.map((term) => term.term))];
  const found = await Promise.all(distinct.map((term) => pagefind.search(term, options)));
  const positions = new Map(distinct.map((term, i) => [term, new Map(inBody(found[i] ?? null).map((result) => [result.id, new Set(result.words)]))]));
  return inBody(found[0] ?? null).filter((first) =>
    first.words.some((position) => terms.every((term, i) => positions.get(term.term)?.get(first.id)?.has(position + i) === true)),
  );
}

/** Pages where every phrase occurs, in the order of the first phrase's results. */
export async function searchPhrases(pagefind: Pagefind, phrases: readonly QueryPhrase[], options: PagefindSearchOptions): Promise<PagefindResult[]> {
  if (phrases.length === 0) return [];
  const [first = [], ...rest] = await Promise.all(phrases.map((phrase) => searchPhrase(pagefind, phrase, options)));
  const others = rest.map((list) => new Set(list.map((result) => result.id)));
  return first.filter((result) => others.every((ids) => ids.has(result.id)));
}
