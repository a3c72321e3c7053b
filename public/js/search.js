/**
 * Search page of the 火炬动态 archive: exact-phrase search over the Pagefind
 * bundle written by src/search/build-index.ts. Plain ES module, no build step;
 * it starts itself when the page has #search-form.
 *
 * The page provides:
 *   <html lang="zh-CN" | "en" [data-base="/base/"]>
 *   <form id="search-form" [data-base="/base/"] [data-bundle="/base/pagefind/"]
 *         [data-index-lang="zh-cn"]>
 *     <input name="q"> and any filter controls (select, radio, checkbox)
 *     named after the index's filters: park, column, year
 *   </form>
 *   <p id="search-status" role="status" aria-live="polite"></p>
 *   <ol id="search-results" [data-heading-level="2"] [data-page-size="10"]></ol>
 *   <script type="application/json" id="search-strings">{
 *     "searching", "results", "resultsAll", "noResults", "more", "error"
 *     (or "search.loading", "search.results", "search.resultsAll",
 *     "search.none", "search.more", "search.error")
 *   }</script>   (templates with {count} and {query}; "results" and
 *                 "resultsAll" may be {one, other, …} plural forms)
 *   <script type="module" src="/base/js/search.js"></script>
 * The base path (data-base, else the bundle path less "pagefind/", else "/")
 * locates the bundle (data-bundle, else <base>pagefind/) and the English twin
 * of a result (/base/issues/549/x/ -> /base/en/issues/549/x/).
 * Results show meta title (title_en on the English page when present and
 * not just the Chinese title again), issue (issue_en likewise), column (on
 * the English page, the label of its option in the column filter) and an
 * excerpt; they come newest first (meta date). On the
 * English page, Chinese titles and excerpts carry lang="zh-CN". The form
 * carries data-search-state="busy|done" and data-search-query, and fires
 * "search:done" after each search.
 * The URL follows the form (?q=, filters): typing updates it once the reader
 * pauses (debounced; one history entry per burst of typing, so Back returns
 * to the previous query), Enter and filter changes push an entry, Back and
 * Forward restore the form and rerun the search. Nothing is searched while
 * an input method is composing (the field then holds pinyin, not 江门).
 *
 * Query semantics and the index form are those of src/search/index-content.ts;
 * the functions down to parseQuery are its copy (checked equal by
 * test/search/index-content.test.ts).
 */

export const WORD_END = '\u203F';
export const SEPARATOR = '\u2063';

const IDEO_CLASS = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
const IDEO = String.raw`[${IDEO_CLASS}]\p{M}*`;
const WORD_START = String.raw`(?![${IDEO_CLASS}\u203F])[\p{L}\p{N}\p{Pc}]`;
const WORD_CONT = String.raw`(?![${IDEO_CLASS}\u203F])[\p{L}\p{N}\p{Pc}\p{M}]`;
const TOKEN = new RegExp(String.raw`(${IDEO})|((?:${WORD_START})(?:${WORD_CONT})*)|(\s+)|([\s\S])`, 'gu');
const FORMAT = /\p{Cf}/gu;
const WORD_ONLY = new RegExp(String.raw`^(?:${WORD_START})(?:${WORD_CONT})*$`, 'u');
const IDEO_ONLY = new RegExp(String.raw`^${IDEO}$`, 'u');
const INDEX_SPLIT = /[\s\u200B]+/u;
const TRAILING_WORD_END = new RegExp(String.raw`((?:${WORD_CONT}))\u203F$`, 'u');

function scan(text, tokens, expand) {
  for (const m of text.matchAll(TOKEN)) {
    if (m[1] !== undefined) {
      const n = m[1].normalize('NFKC');
      if (!expand || n === m[1] || IDEO_ONLY.test(n)) tokens.push({ kind: 'ideo', text: n });
      else scan(n.replace(FORMAT, ''), tokens, false);
    } else if (m[2] !== undefined) {
      const n = m[2].normalize('NFKC');
      tokens.push({ kind: 'word', text: WORD_ONLY.test(n) ? n : m[2] });
    } else if (m[3] !== undefined) {
      if (tokens.length > 0) tokens.push({ kind: 'space' });
    } else tokens.push({ kind: 'punct', text: m[4] });
  }
}

/** @returns {Array<{kind:'ideo'|'word'|'punct', text:string}|{kind:'space'}>} */
export function tokenize(text) {
  const tokens = [];
  scan(text.replace(FORMAT, ''), tokens, true);
  while (tokens.length > 0 && tokens[tokens.length - 1].kind === 'space') tokens.pop();
  return tokens;
}

export function fromIndexToken(token) {
  return token === SEPARATOR ? ' ' : token.replace(TRAILING_WORD_END, '$1');
}

export function fromIndexText(indexText) {
  return indexText.split(INDEX_SPLIT).filter((t) => t !== '').map(fromIndexToken).join('');
}

export function displayText(text) {
  return tokenize(text).map((t) => (t.kind === 'space' ? ' ' : t.text)).join('');
}

/** @returns {Array<{text:string, terms:Array<{text:string, term:string, prefix:boolean}>}>} */
export function parseQuery(query) {
  const phrases = [];
  const seen = new Set();
  let run = [];
  const flush = () => {
    const tokens = run;
    run = [];
    if (tokens.length === 0) return;
    const terms = tokens.map((t, i) => {
      const lower = t.text.toLowerCase();
      const prefix = t.kind === 'word' && i === tokens.length - 1;
      return { text: t.text, term: t.kind === 'word' && !prefix ? lower + WORD_END : lower, prefix };
    });
    const key = terms.map((t) => t.term).join(' ');
    if (seen.has(key)) return;
    seen.add(key);
    phrases.push({ text: terms.map((t) => t.text).join(''), terms });
  };
  for (const t of tokenize(query)) {
    if (t.kind === 'ideo' || t.kind === 'word') run.push(t);
    else flush();
  }
  flush();
  return phrases;
}

// ---- End of the copy. ----

/**
 * Pages where the phrase occurs, as Pagefind results (`{id, words, data}`),
 * in Pagefind's order. A phrase of one token is a plain Pagefind search (a
 * prefix search, which for an ideographic character is the character
 * itself); a longer phrase of whole tokens is Pagefind's exact-phrase search
 * (consecutive positions, in WASM); a longer phrase ending in a prefix word is
 * checked here from each token's positions. Results without body positions
 * (matches of Pagefind's indexed meta fields only) are dropped.
 */
export async function searchPhrase(pagefind, phrase, options) {
  const { terms } = phrase;
  const hits = (r) => (r ? r.results.filter((x) => x.words.length > 0) : []);
  if (terms.length === 1) return hits(await pagefind.search(terms[0].term, options));
  if (!terms[terms.length - 1].prefix) {
    return hits(await pagefind.search(`"${terms.map((t) => t.term).join(' ')}"`, options));
  }
  const distinct = [...new Set(terms.map((t) => t.term))];
  const found = await Promise.all(distinct.map((t) => pagefind.search(t, options)));
  const positions = new Map(distinct.map((t, i) => [t, new Map(hits(found[i]).map((x) => [x.id, new Set(x.words)]))]));
  return hits(found[0]).filter((first) =>
    first.words.some((p) => terms.every((t, i) => positions.get(t.term).get(first.id)?.has(p + i) === true)),
  );
}

/** Pages where every phrase occurs, in the order of the first phrase's results. */
export async function searchPhrases(pagefind, phrases, options) {
  if (phrases.length === 0) return [];
  const lists = await Promise.all(phrases.map((p) => searchPhrase(pagefind, p, options)));
  const [first, ...rest] = lists;
  const sets = rest.map((l) => new Set(l.map((x) => x.id)));
  return first.filter((x) => sets.every((s) => s.has(x.id)));
}

/** Before a match that starts with a word (`AI`, `2035`): no letter or digit of that word (`email`, `12035` are no match). */
const WORD_START_BEFORE = String.raw`(?<!${WORD_CONT})`;
const STARTS_WITH_WORD = new RegExp(String.raw`^${WORD_START}`, 'u');

/**
 * Ranges [start, end) of the phrases' occurrences in text (case-insensitive),
 * sorted, overlaps merged. As in the search, a phrase that starts with a
 * non-ideographic word matches only at the start of a word.
 */
export function matchRanges(text, phrases) {
  const found = [];
  for (const t of new Set(phrases.map((p) => p.text))) {
    const escaped = t.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    const re = new RegExp(STARTS_WITH_WORD.test(t) ? WORD_START_BEFORE + escaped : escaped, 'giu');
    for (const m of text.matchAll(re)) found.push([m.index, m.index + m[0].length]);
  }
  found.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const ranges = [];
  for (const [a, b] of found) {
    const last = ranges[ranges.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else ranges.push([a, b]);
  }
  return ranges;
}

/**
 * The excerpt of a page's display text around its first match, about
 * `length` code units: `{ text, ranges }`, ranges relative to `text`, `…`
 * marking cut ends, cuts never inside a surrogate pair.
 */
export function excerpt(text, phrases, length = 80) {
  const ranges = matchRanges(text, phrases);
  if (text.length <= length) return { text, ranges };
  const low = (i) => i > 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00;
  const [a0, b0] = ranges[0] ?? [0, 0];
  let start = Math.max(0, Math.min(a0 - Math.floor(length / 3), text.length - length));
  let end = Math.min(text.length, Math.max(start + length, b0));
  if (low(start)) start -= 1;
  if (low(end)) end += 1;
  const head = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const shift = head.length - start;
  const inside = ranges
    .map(([a, b]) => [Math.max(a, start) + shift, Math.min(b, end) + shift])
    .filter(([a, b]) => a < b);
  return { text: head + text.slice(start, end) + tail, ranges: inside };
}

/** Appends text to parent with the ranges wrapped in <mark>; nothing is parsed as HTML. */
export function appendMarked(parent, text, ranges) {
  const doc = parent.ownerDocument;
  let at = 0;
  for (const [a, b] of ranges) {
    if (a > at) parent.append(text.slice(at, a));
    const mark = doc.createElement('mark');
    mark.textContent = text.slice(a, b);
    parent.append(mark);
    at = b;
  }
  if (at < text.length) parent.append(text.slice(at));
}

/** The English twin of a site URL: `/base/issues/549/x/` -> `/base/en/issues/549/x/`. */
export function englishUrl(url, base) {
  const b = base.endsWith('/') ? base : `${base}/`;
  if (!url.startsWith(b) || url.startsWith(`${b}en/`)) return url;
  return `${b}en/${url.slice(b.length)}`;
}

/** Splits Pagefind's stored content (index form: title, separator, text) into display title and text. */
export function splitContent(content, title) {
  const all = fromIndexText(content);
  const t = displayText(title);
  if (t !== '' && all.startsWith(t)) return { title: t, text: all.slice(t.length).trimStart() };
  return { title: t, text: all };
}

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 200;
/** Debounced URL writes closer together than this belong to one query being typed (one history entry). */
const TYPING_BURST_MS = 1000;
const EXCERPT_LENGTH = 80;
const SLOW_MS = 400;

/** The page's strings under this script's names; the site's `search.*` keys are read too. */
const STRING_KEYS = {
  searching: ['search.loading', 'search.searching'],
  results: ['search.results'],
  resultsAll: ['search.resultsAll'],
  noResults: ['search.none', 'search.noResults'],
  more: ['search.more'],
  error: ['search.error'],
};
function readStrings(raw) {
  const out = {};
  for (const [name, aliases] of Object.entries(STRING_KEYS)) {
    const key = [name, ...aliases].find((k) => raw[k] !== undefined);
    if (key !== undefined) out[name] = raw[key];
  }
  return out;
}

function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
}

/** Wires the search page. Returns an object for tests: `{ ready, search(q) }`. */
export function initSearch(doc = document) {
  const form = doc.getElementById('search-form');
  const list = doc.getElementById('search-results');
  const status = doc.getElementById('search-status');
  const stringsEl = doc.getElementById('search-strings');
  if (!form || !list || !status || !stringsEl) return null;
  const strings = readStrings(JSON.parse(stringsEl.textContent || '{}'));
  const html = doc.documentElement;
  const win = doc.defaultView;
  const lang = (html.getAttribute('lang') || '').toLowerCase();
  const english = lang === 'en' || lang.startsWith('en-');
  const bundle = form.dataset.bundle || '';
  const base = form.dataset.base || html.dataset.base || bundle.replace(/pagefind\/?$/, '') || '/';
  const bundleUrl = bundle ? bundle.replace(/\/?$/, '/') : `${base}pagefind/`;
  const indexLang = form.dataset.indexLang || 'zh-cn';
  /** The language of the indexed text (titles, excerpts), as written in lang attributes: zh-cn -> zh-CN. */
  const textLang = indexLang.replace(/-([a-z]{2})$/, (m, region) => `-${region.toUpperCase()}`);
  const headingLevel = Math.min(6, Math.max(2, Number(list.dataset.headingLevel) || 2));
  const pageSize = Math.max(1, Number(list.dataset.pageSize) || PAGE_SIZE);
  const plural = new Intl.PluralRules(html.getAttribute('lang') || undefined);
  const input = form.elements.namedItem('q');

  let pagefindPromise = null;
  const loadPagefind = () => {
    pagefindPromise ??= (async () => {
      const pf = await import(new URL(`${bundleUrl}pagefind.js`, win.location.href).href);
      // Result URLs are site-absolute already; no worker (saves a download, searches are short).
      await pf.options({ baseUrl: '/', noWorker: true });
      // Pagefind picks its index from <html lang>, lower-cased, when it starts;
      // give it the index's language for that moment so that every page
      // (the English one too) searches the one zh-CN index.
      const pageLang = html.getAttribute('lang');
      html.setAttribute('lang', indexLang);
      let started;
      try {
        started = pf.init();
      } finally {
        if (pageLang === null) html.removeAttribute('lang');
        else html.setAttribute('lang', pageLang);
      }
      await started;
      return pf;
    })();
    pagefindPromise.catch(() => {
      pagefindPromise = null; // try again on the next search
    });
    return pagefindPromise;
  };

  let seq = 0;
  let shown = 0;
  let current = { phrases: [], results: [] };
  let more = null;

  const setStatus = (text) => {
    status.textContent = text;
  };

  const filterControls = () =>
    Array.from(form.elements).filter((el) => el.name && el.name !== 'q' && !['submit', 'button', 'reset'].includes(el.type));

  const readForm = () => {
    const filters = {};
    for (const el of filterControls()) {
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
      const values = el.tagName === 'SELECT' && el.multiple ? Array.from(el.selectedOptions, (o) => o.value) : [el.value];
      for (const v of values) if (v !== '') (filters[el.name] ??= []).push(v);
    }
    return { q: input ? input.value : '', filters };
  };

  const writeForm = ({ q, filters }) => {
    if (input) input.value = q;
    for (const el of filterControls()) {
      const values = filters[el.name] ?? [];
      if (el.type === 'checkbox' || el.type === 'radio') el.checked = values.includes(el.value);
      else if (el.tagName === 'SELECT') for (const o of el.options) o.selected = values.includes(o.value);
      else el.value = values[0] ?? '';
    }
  };

  const toParams = ({ q, filters }) => {
    const params = new URLSearchParams();
    if (q.trim() !== '') params.set('q', q.trim());
    for (const [k, vs] of Object.entries(filters)) for (const v of vs) params.append(k, v);
    return params;
  };

  const fromLocation = () => {
    const params = new URLSearchParams(win.location.search);
    const names = new Set(filterControls().map((el) => el.name));
    const filters = {};
    for (const [k, v] of params) if (names.has(k) && v !== '') (filters[k] ??= []).push(v);
    return { q: params.get('q') ?? '', filters };
  };

  const syncUrl = (state, push) => {
    const params = toParams(state).toString();
    const url = `${win.location.pathname}${params ? `?${params}` : ''}${win.location.hash}`;
    if (url === `${win.location.pathname}${win.location.search}${win.location.hash}`) return;
    if (push) win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  };

  const metaText = (meta, key) => (english && meta[`${key}_en`]) || meta[key] || '';
  // The index holds each column's Chinese title; the column filter pairs it with the page's label.
  const columnLabels = new Map([...(form.elements.namedItem('column')?.options ?? [])].filter((o) => o.value !== '').map((o) => [o.value, o.textContent || o.value]));
  const columnText = (meta) => (english && columnLabels.get(meta.column)) || meta.column || '';

  const renderResult = (data, phrases) => {
    const li = doc.createElement('li');
    li.className = 'search-result';
    const meta = data.meta || {};
    const { title, text } = splitContent(data.content || '', meta.title || '');
    const heading = doc.createElement(`h${headingLevel}`);
    heading.className = 'search-result-title';
    const link = doc.createElement('a');
    const url = data.raw_url || data.url || '';
    if (/^(\/|https?:\/\/)/.test(url)) link.href = english ? englishUrl(url, base) : url;
    // The index carries title_en for translated articles only; an untranslated one
    // shows its Chinese title, marked as Chinese (lang="zh-CN").
    const titleEn = english && meta.title_en && meta.title_en !== meta.title ? meta.title_en : '';
    if (titleEn) link.textContent = titleEn;
    else {
      appendMarked(link, title, matchRanges(title, phrases));
      if (english) link.lang = textLang;
    }
    heading.append(link);
    li.append(heading);
    const line = [metaText(meta, 'issue'), columnText(meta)].filter((s) => s !== '').join(' · ');
    if (line !== '') {
      const p = doc.createElement('p');
      p.className = 'search-result-meta';
      p.textContent = line;
      li.append(p);
    }
    const ex = excerpt(text, phrases, EXCERPT_LENGTH);
    if (ex.text !== '') {
      const p = doc.createElement('p');
      p.className = 'search-result-excerpt';
      // Article bodies are not translated: Chinese on the English page too.
      if (english) p.lang = textLang;
      appendMarked(p, ex.text, ex.ranges);
      li.append(p);
    }
    return li;
  };

  const removeMore = () => {
    more?.remove();
    more = null;
  };

  /** Renders the next page of the current results (or, with reset, the first page in place of the old list). */
  const showPage = async (mySeq, reset) => {
    const from = reset ? 0 : shown;
    const slice = current.results.slice(from, from + pageSize);
    const items = (await Promise.all(slice.map((r) => r.data()))).map((d) => renderResult(d, current.phrases));
    if (mySeq !== seq) return false;
    if (reset) list.replaceChildren(...items);
    else list.append(...items);
    shown = from + slice.length;
    removeMore();
    if (shown < current.results.length) {
      more = doc.createElement('button');
      more.type = 'button';
      more.className = 'search-more';
      more.textContent = format(strings.more || '', { count: Math.min(pageSize, current.results.length - shown) });
      more.addEventListener('click', async (e) => {
        e.currentTarget.disabled = true;
        const first = shown;
        if (await showPage(seq, false)) list.children[first]?.querySelector('a')?.focus();
      });
      list.after(more);
    }
    return true;
  };

  const done = (query, count) => {
    clearTimeout(slowTimer);
    form.dataset.searchState = 'done';
    form.dataset.searchQuery = query;
    list.removeAttribute('aria-busy');
    form.dispatchEvent(new CustomEvent('search:done', { detail: { query, count } }));
  };

  let slowTimer = null;
  const run = async (state) => {
    const mySeq = ++seq;
    const query = state.q.trim();
    form.dataset.searchState = 'busy';
    list.setAttribute('aria-busy', 'true');
    clearTimeout(slowTimer);
    const phrases = parseQuery(query);
    if (phrases.length === 0 && Object.keys(state.filters).length === 0) {
      current = { phrases: [], results: [] };
      list.replaceChildren();
      removeMore();
      setStatus(query === '' ? '' : format(strings.noResults || '', { query }));
      done(query, 0);
      return;
    }
    // Announce "searching" only when a search is slow, not on every keystroke.
    slowTimer = setTimeout(() => setStatus(strings.searching || ''), SLOW_MS);
    try {
      const pf = await loadPagefind();
      const filters = Object.fromEntries(Object.entries(state.filters).map(([k, vs]) => [k, vs.length === 1 ? vs[0] : { any: vs }]));
      const options = { filters, sort: { date: 'desc' } };
      const results = phrases.length > 0 ? await searchPhrases(pf, phrases, options) : (await pf.search(null, options)).results;
      if (mySeq !== seq) return;
      current = { phrases, results };
      if (!(await showPage(mySeq, true))) return;
      if (results.length === 0) setStatus(format(strings.noResults || '', { query }));
      else {
        const t = (query === '' && strings.resultsAll) || strings.results || '';
        const template = typeof t === 'string' ? t : t[plural.select(results.length)] ?? t.other ?? '';
        setStatus(format(template, { count: results.length, query }));
      }
      done(query, results.length);
    } catch (err) {
      if (mySeq !== seq) return;
      console.error(err);
      setStatus(strings.error || '');
      done(query, -1);
    }
  };

  // History: a query the reader typed gets its own entry, so that Back
  // returns to the previous query. Keystrokes of one burst of typing (URL
  // writes less than TYPING_BURST_MS apart) share one entry, replaced as the
  // query grows; an empty search page is replaced rather than kept.
  let timer = null;
  let lastTypedSync = -Infinity;
  const hasState = () => {
    const s = fromLocation();
    return s.q.trim() !== '' || Object.keys(s.filters).length > 0;
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const state = readForm();
      const at = win.performance.now();
      syncUrl(state, at - lastTypedSync > TYPING_BURST_MS && hasState());
      lastTypedSync = at;
      run(state);
    }, DEBOUNCE_MS);
  };
  const now = (push) => {
    clearTimeout(timer);
    lastTypedSync = -Infinity;
    const state = readForm();
    syncUrl(state, push);
    return run(state);
  };

  // While an input method composes (pinyin before it becomes 江门), the
  // field holds the romanization: search only once the text is committed.
  input?.addEventListener('input', (e) => {
    if (!e.isComposing) schedule();
  });
  input?.addEventListener('compositionend', schedule);
  form.addEventListener('change', (e) => {
    if (e.target !== input) now(true);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    now(true);
  });
  win.addEventListener('popstate', () => {
    clearTimeout(timer);
    lastTypedSync = -Infinity;
    const state = fromLocation();
    writeForm(state);
    run(state);
  });

  const initial = fromLocation();
  writeForm(initial);
  const ready = initial.q.trim() !== '' || Object.keys(initial.filters).length > 0 ? run(initial) : loadPagefind().then(() => undefined, () => undefined);
  return { ready, search: (q) => { if (input) input.value = q; return now(true); } };
}

if (typeof document !== 'undefined' && document.getElementById('search-form')) {
  initSearch(document);
}
