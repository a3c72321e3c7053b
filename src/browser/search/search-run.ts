import type { ZoneEntry, ZoneIndex } from '../../parks/zone-query.ts';
import { parseQuery, type QueryPhrase } from '../../search/query.ts';
import type { nearMisses } from '../../search/near-miss.ts';
import { foldTitle } from '../../text/fold.ts';
import { containsPhrases } from './excerpt.ts';
import type { PagefindResultData, SearchIndex } from './pagefind-api.ts';
import type { Highlight } from './result-item.ts';
import type { Describe, resultList } from './result-list.ts';
import type { searchNotes } from './search-notes.ts';
import type { SearchState } from './url-state.ts';
import { zoneSearch } from './zone-search.ts';

/** Announce "searching" only when a search is slow, not on every keystroke. */
const SLOW_MS = 400;

interface SearchRunParts {
  form: HTMLFormElement;
  list: HTMLElement;
  status: HTMLElement;
  results: ReturnType<typeof resultList>;
  loadPagefind: () => Promise<SearchIndex>;
  loadZones: () => Promise<ZoneIndex>;
  showZone: (zone: ZoneEntry | null) => void;
  /** The query in simplified characters (itself when it has none to fold). */
  simplify: (query: string) => Promise<string>;
  loadHints: () => Promise<ReturnType<typeof nearMisses>>;
  notes: ReturnType<typeof searchNotes>;
  english: boolean;
  say: (key: string, values?: Record<string, string | number>) => string;
}

/** How an article names a zone, from its record's `park_forms`. */
function formOf(data: PagefindResultData, zone: ZoneEntry): string {
  try {
    const pairs = JSON.parse(data.meta?.park_forms ?? '[]') as [string, string][];
    return pairs.find(([park]) => park === zone.name)?.[1] ?? zone.name;
  } catch {
    return zone.name;
  }
}

/** Marks the typed text in what contains it, and the zone's name, with a line saying so, in what was found through the zone. */
function describer(phrases: readonly QueryPhrase[], zone: ZoneEntry | null, literal: ReadonlySet<string> | null, english: boolean, say: SearchRunParts['say']): Describe {
  return (result, data): Highlight => {
    // Whether a result contains the typed text: from the search, or, when the text was not looked up, from the result itself.
    const containsTyped = literal ? literal.has(result.id) : containsPhrases(data, phrases);
    if (!zone || containsTyped) return { phrases, note: null };
    const form = formOf(data, zone);
    const name = english ? zone.placeEn : zone.name;
    return { phrases: [{ text: form }], note: form === zone.name ? say('search.mentions', { zone: name }) : say('search.mentionsAs', { zone: name, form }) };
  };
}

/**
 * Runs searches one after another: a newer search makes an older one's
 * results stale. The form carries data-search-state="busy|done" and
 * data-search-query, and fires "search:done" after each search.
 */
export function searchRunner(parts: SearchRunParts): (state: SearchState) => Promise<void> {
  const { form, list, status, results, say } = parts;
  let latest = 0;
  let slowTimer: ReturnType<typeof setTimeout> | undefined;
  let search: ReturnType<typeof zoneSearch> | null = null;
  const finish = (query: string, count: number, message: string) => {
    clearTimeout(slowTimer);
    status.textContent = message;
    form.dataset.searchState = 'done';
    form.dataset.searchQuery = query;
    list.removeAttribute('aria-busy');
    form.dispatchEvent(new CustomEvent('search:done', { detail: { query, count } }));
  };
  /** What a query that found nothing may have meant; nothing when the hints cannot load. */
  const nearMissesOf = async (query: string): Promise<string[]> => {
    const hints = await parts.loadHints().catch(() => null);
    return hints?.suggest(foldTitle(query)) ?? [];
  };
  return async (state) => {
    const mine = ++latest;
    const query = state.q.trim();
    form.dataset.searchState = 'busy';
    list.setAttribute('aria-busy', 'true');
    clearTimeout(slowTimer);
    if (parseQuery(query).length === 0 && Object.keys(state.filters).length === 0) {
      results.clear();
      parts.showZone(null);
      parts.notes.guide();
      return finish(query, 0, query === '' ? '' : say('search.nothingToSearch', { query }));
    }
    slowTimer = setTimeout(() => (status.textContent = say('search.loading')), SLOW_MS);
    try {
      const [index, zones, searched] = await Promise.all([parts.loadPagefind(), parts.loadZones().catch(() => null), parts.simplify(query)]);
      search ??= zoneSearch(index);
      const phrases = parseQuery(searched);
      const zone = searched === '' ? null : (zones?.resolve(searched) ?? null);
      const filters = Object.fromEntries(Object.entries(state.filters).map(([key, values]) => [key, values.length === 1 ? (values[0] ?? '') : { any: values }]));
      // Only a query that is one phrase is the zone's name as the index holds text: 江门 高新区 is two phrases, found apart too.
      const skipText = zone !== null && zones !== null && phrases.length === 1 && zones.coversText(searched, zone);
      const found = await search(phrases, zone, filters, { skipText });
      const count = found.results.length;
      const near = count === 0 && searched !== '' ? await nearMissesOf(searched) : [];
      if (mine !== latest) return;
      parts.showZone(zone);
      parts.notes.show({ searchedAs: searched === query ? null : searched, nearMisses: near });
      if (!(await results.show(found.results, describer(phrases, zone, found.literal, parts.english, say)))) return;
      finish(query, count, count === 0 ? say('search.none', { query: searched }) : say(searched === '' ? 'search.resultsAll' : 'search.results', { count, query: searched }));
    } catch (error) {
      if (mine !== latest) return;
      console.error(error);
      finish(query, -1, say('search.error'));
    }
  };
}
