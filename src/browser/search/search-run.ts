import { parseQuery } from '../../search/index-content.ts';
import type { Pagefind } from './pagefind-api.ts';
import { searchPhrases } from './phrase-search.ts';
import type { resultList } from './result-list.ts';
import type { SearchState } from './url-state.ts';

/** Announce "searching" only when a search is slow, not on every keystroke. */
const SLOW_MS = 400;

interface SearchRunParts {
  form: HTMLFormElement;
  list: HTMLElement;
  status: HTMLElement;
  results: ReturnType<typeof resultList>;
  loadPagefind: () => Promise<Pagefind>;
  say: (key: string, values?: Record<string, string | number>) => string;
}

/**
 * Runs searches one after another: a newer search makes an older one's
 * results stale. The form carries data-search-state="busy|done" and
 * data-search-query, and fires "search:done" after each search.
 */
export function searchRunner({ form, list, status, results, loadPagefind, say }: SearchRunParts): (state: SearchState) => Promise<void> {
  let latest = 0;
  let slowTimer: ReturnType<typeof setTimeout> | undefined;
  const finish = (query: string, count: number, message: string) => {
    clearTimeout(slowTimer);
    status.textContent = message;
    form.dataset.searchState = 'done';
    form.dataset.searchQuery = query;
    list.removeAttribute('aria-busy');
    form.dispatchEvent(new CustomEvent('search:done', { detail: { query, count } }));
  };
  return async (state) => {
    const mine = ++latest;
    const query = state.q.trim();
    form.dataset.searchState = 'busy';
    list.setAttribute('aria-busy', 'true');
    clearTimeout(slowTimer);
    const phrases = parseQuery(query);
    if (phrases.length === 0 && Object.keys(state.filters).length === 0) {
      results.clear();
      return finish(query, 0, query === '' ? '' : say('search.none', { query }));
    }
    slowTimer = setTimeout(() => (status.textContent = say('search.loading')), SLOW_MS);
    try {
      const pagefind = await loadPagefind();
      const filters = Object.fromEntries(Object.entries(state.filters).map(([key, values]) => [key, values.length === 1 ? (values[0] ?? '') : { any: values }]));
      const options = { filters, sort: { date: 'desc' as const } };
      const found = phrases.length > 0 ? await searchPhrases(pagefind, phrases, options) : ((await pagefind.search(null, options))?.results ?? []);
      if (mine !== latest || !(await results.show(found, phrases))) return;
      const count = found.length;
      finish(query, count, count === 0 ? say('search.none', { query }) : say(query === '' ? 'search.resultsAll' : 'search.results', { count, query }));
    } catch (error) {
      if (mine !== latest) return;
      console.error(error);
      finish(query, -1, say('search.error'));
    }
  };
}
