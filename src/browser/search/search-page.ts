/**
 * The search page: exact-phrase search over the Pagefind bundle that
 * src/search/ writes. The page provides `#search-form` (`q` and filter
 * controls named after the index's filters: park, column, year, with
 * `data-bundle` locating the bundle), `#search-status`, `#search-results` and
 * `#search-strings` (the page's `search.*` dictionary strings as JSON).
 *
 * Nothing is searched while an input method is composing (the field then
 * holds pinyin, not 江门).
 */
import { pagefindLoader } from './pagefind-api.ts';
import { resultList } from './result-list.ts';
import { searchRunner } from './search-run.ts';
import { readSearchStrings } from './strings.ts';
import { fromLocation, hasQuery, readForm, urlWriter, writeForm } from './url-state.ts';

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 200;

export function initSearch(doc: Document): { ready: Promise<void>; search(q: string): Promise<void> } | null {
  const form = doc.getElementById('search-form') as HTMLFormElement | null;
  const list = doc.getElementById('search-results');
  const status = doc.getElementById('search-status');
  const win = doc.defaultView;
  if (!form || !list || !status || !win) return null;
  const say = readSearchStrings(doc);
  const pageLang = (doc.documentElement.getAttribute('lang') ?? '').toLowerCase();
  const bundle = (form.dataset.bundle ?? '/pagefind/').replace(/\/?$/u, '/');
  const indexLang = form.dataset.indexLang ?? 'zh-cn';
  const loadPagefind = pagefindLoader(doc, bundle, indexLang);
  const columnFilter = form.elements.namedItem('column') as HTMLSelectElement | null;
  const results = resultList(
    list,
    {
      doc,
      english: pageLang === 'en' || pageLang.startsWith('en-'),
      base: bundle.replace(/pagefind\/$/u, ''),
      textLang: indexLang.replace(/-([a-z]{2})$/u, (_, region: string) => `-${region.toUpperCase()}`),
      headingLevel: 2,
      columnLabels: new Map(Array.from(columnFilter?.options ?? []).filter((option) => option.value !== '').map((option) => [option.value, option.textContent || option.value])),
    },
    Number(list.dataset.pageSize) || PAGE_SIZE,
    (count) => say('search.more', { count }),
  );
  const url = urlWriter(win, form);
  const input = form.elements.namedItem('q') as HTMLInputElement | null;

  const run = searchRunner({ form, list, status, results, loadPagefind, say });

  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  const typed = () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      const state = readForm(form);
      url.typed(state);
      void run(state);
    }, DEBOUNCE_MS);
  };
  const now = (push: boolean) => {
    clearTimeout(typingTimer);
    const state = readForm(form);
    url.submitted(state, push);
    return run(state);
  };

  input?.addEventListener('input', (event) => {
    if (!(event as InputEvent).isComposing) typed();
  });
  input?.addEventListener('compositionend', typed);
  form.addEventListener('change', (event) => {
    if (event.target !== input) void now(true);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void now(true);
  });
  win.addEventListener('popstate', () => {
    clearTimeout(typingTimer);
    url.restored();
    const state = fromLocation(form, win.location);
    writeForm(form, state);
    void run(state);
  });

  const initial = fromLocation(form, win.location);
  writeForm(form, initial);
  const ready = hasQuery(initial) ? run(initial) : loadPagefind().then(() => undefined, () => undefined);
  return {
    ready,
    search: (q) => {
      if (input) input.value = q;
      return now(true);
    },
  };
}
