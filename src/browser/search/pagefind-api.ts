/** The part of Pagefind's browser API (`pagefind.js`) the search page uses. */
export interface PagefindResultData {
  url?: string;
  raw_url?: string;
  content?: string;
  meta?: Record<string, string>;
}

export interface PagefindResult {
  id: string;
  /** Word positions of the matches in the page's content; empty for a match in meta only. */
  words: number[];
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearchOptions {
  filters?: Record<string, string | { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<{ results: PagefindResult[] } | null>;
}

/** The index, in parts, and every result's place in the archive's order (newest first). */
export interface SearchIndex {
  pagefind: Pagefind;
  /** Result id → its place among all results, newest first. */
  rank(): Promise<ReadonlyMap<string, number>>;
}

/** The block of issues a part holds, from its folder's name (`…/pagefind/0008-…/` → 8). */
function blockOf(part: string): string {
  return String(Number(/(\d+)-[^/]*\/?$/u.exec(part)?.[1] ?? NaN));
}

/**
 * Loads Pagefind's script once (`<bundle>pagefind.js`), with the first part
 * as its own index and every other part merged into it (Pagefind's
 * `mergeIndex`, which shares the first part's WebAssembly). Pagefind picks
 * an index's language from `<html lang>`, lower-cased, when it starts: the
 * page gives it the parts' language for that moment, so that every page (the
 * English one too) searches the one Chinese index.
 *
 * Across parts Pagefind orders results by score; the archive's order is
 * each part's results by date, newest part first, which `rank` gives.
 */
export function pagefindLoader(doc: Document, bundleUrl: string, parts: readonly string[], indexLang: string): () => Promise<SearchIndex> {
  let loading: Promise<SearchIndex> | null = null;
  const load = async (): Promise<SearchIndex> => {
    const [first, ...others] = parts;
    if (first === undefined) throw new Error('The search index has no parts');
    const url = new URL(`${bundleUrl}pagefind.js`, doc.defaultView?.location.href).href;
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    // Result URLs are site-absolute already; no worker (saves a download, searches are short).
    await pagefind.options({ basePath: first, baseUrl: '/', noWorker: true });
    const html = doc.documentElement;
    const pageLang = html.getAttribute('lang');
    html.setAttribute('lang', indexLang);
    let started: Promise<void>;
    try {
      started = pagefind.init();
    } finally {
      if (pageLang === null) html.removeAttribute('lang');
      else html.setAttribute('lang', pageLang);
    }
    await started;
    await Promise.all(others.map((part) => pagefind.mergeIndex(part, { language: indexLang, baseUrl: '/' })));
    return { pagefind, rank: ranker(pagefind, parts) };
  };
  return () => {
    loading ??= load();
    // A failed load is tried again on the next search.
    loading.catch(() => (loading = null));
    return loading;
  };
}

function ranker(pagefind: Pagefind, parts: readonly string[]): () => Promise<ReadonlyMap<string, number>> {
  let order: Promise<ReadonlyMap<string, number>> | null = null;
  const newestFirst = [...parts].map(blockOf).sort((a, b) => Number(b) - Number(a));
  const rank = async () => {
    const lists = await Promise.all(newestFirst.map((block) => pagefind.search(null, { filters: { part: block }, sort: { date: 'desc' } })));
    return new Map(lists.flatMap((list) => list?.results ?? []).map((result, index) => [result.id, index]));
  };
  return () => (order ??= rank());
}
