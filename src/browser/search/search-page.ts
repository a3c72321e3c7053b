/**
 * The search page: exact-phrase search over the Pagefind bundle that
 * src/search/ writes, widened to every article of a zone when the query
 * names one, with zone suggestions under the box. The page provides
 * `#search-form` (`q` and filter controls named after the index's filters:
 * park, column, year; `data-bundle`, `data-parts`, `data-zones` and
 * `data-parks` locating Pagefind's script, the index's parts,
 * /data/zones.json and the zone pages), `#search-suggestions`,
 * `#search-status`, `#search-notes`, `#search-guide` (shown for a query with
 * nothing to search), `#search-zone`, `#search-results` and `#search-strings`
 * (the page's `search.*` dictionary strings as JSON); `data-hints` locates
 * the near misses a query that finds nothing may have meant.
 *
 * Nothing is searched while an input method is composing (the field then
 * holds pinyin, not 江门).
 */
import { hintsLoader } from './hints.ts';
import { pagefindLoader } from './pagefind-api.ts';
import type { ResultContext } from './result-item.ts';
import { resultList } from './result-list.ts';
import { searchNotes } from './search-notes.ts';
import { searchRunner } from './search-run.ts';
import { simplifier } from './simplify.ts';
import { readSearchStrings } from './strings.ts';
import { wireSuggestions } from './suggestions.ts';
import { fromLocation, hasQuery, readForm, urlWriter, writeForm } from './url-state.ts';
import { showZoneCard } from './zone-card.ts';
import { zonesLoader } from './zones.ts';

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 200;

function resultContext(doc: Document, form: HTMLFormElement, bundle: string, indexLang: string, say: (key: string) => string): ResultContext {
  const pageLang = (doc.documentElement.getAttribute('lang') ?? '').toLowerCase();
  const columnFilter = form.elements.namedItem('column') as HTMLSelectElement | null;
  return {
    doc,
    english: pageLang === 'en' || pageLang.startsWith('en-'),
    base: bundle.replace(/pagefind\/$/u, ''),
    textLang: indexLang.replace(/-([a-z]{2})$/u, (_, region: string) => `-${region.toUpperCase()}`),
    headingLevel: 2,
    columnLabels: new Map(Array.from(columnFilter?.options ?? []).filter((option) => option.value !== '').map((option) => [option.value, option.textContent || option.value])),
    sourceLabel: say('search.sourceLabel'),
  };
}

export function initSearch(doc: Document): { ready: Promise<void>; search(q: string): Promise<void> } | null {
  const form = doc.getElementById('search-form') as HTMLFormElement | null;
  const list = doc.getElementById('search-results');
  const status = doc.getElementById('search-status');
  const zoneBox = doc.getElementById('search-zone');
  const win = doc.defaultView;
  const input = form?.elements.namedItem('q') as HTMLInputElement | null;
  if (!form || !list || !status || !zoneBox || !win || !input) return null;
  const say = readSearchStrings(doc);
  const bundle = (form.dataset.bundle ?? '/pagefind/').replace(/\/?$/u, '/');
  const indexLang = form.dataset.indexLang ?? 'zh-cn';
  const parts = (form.dataset.parts ?? '').split(' ').filter((part) => part !== '');
  const loadPagefind = pagefindLoader(doc, bundle, parts, indexLang);
  const loadZones = zonesLoader(form.dataset.zones ?? '/data/zones.json');
  const context = resultContext(doc, form, bundle, indexLang, say);
  const results = resultList(list, context, Number(list.dataset.pageSize) || PAGE_SIZE, (count) => say('search.more', { count }));
  const showZone = (zone: Parameters<typeof showZoneCard>[1]) => showZoneCard(zoneBox, zone, { doc, english: context.english, parksPath: form.dataset.parks ?? '/parks/', say });
  const simplify = simplifier();
  const loadHints = hintsLoader(form.dataset.hints ?? '/data/search-hints.json');
  const hrefFor = (q: string) => `${win.location.pathname}?${new URLSearchParams({ q }).toString()}`;
  const notesBox = doc.getElementById('search-notes') ?? status;
  const notes = searchNotes({ doc, notes: notesBox, guide: doc.getElementById('search-guide'), say, hrefFor, searchFor: (q) => void searchFor(q) });
  const run = searchRunner({ form, list, status, results, loadPagefind, loadZones, showZone, simplify, loadHints, notes, english: context.english, say });
  const url = urlWriter(win, form);

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

  input.addEventListener('input', (event) => {
    if (!(event as InputEvent).isComposing) typed();
  });
  input.addEventListener('compositionend', typed);
  const searchFor = (q: string) => ((input.value = q), now(true));
  const listbox = doc.getElementById('search-suggestions');
  if (listbox) wireSuggestions({ doc, input, listbox, loadZones, simplify, english: context.english, say, choose: () => void now(true) });
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
  if (!hasQuery(initial)) notes.guide();
  const ready = hasQuery(initial) ? run(initial) : Promise.all([loadPagefind(), loadZones()]).then(() => undefined, () => undefined);
  return { ready, search: searchFor };
}
