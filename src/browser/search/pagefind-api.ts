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
  search(term: string | null, options?: PagefindSearchOptions): Promise<{ results: PagefindResult[] } | null>;
}

/**
 * Loads the Pagefind bundle once. Pagefind picks its index from
 * `<html lang>`, lower-cased, when it starts: the page gives it the index's
 * language for that moment, so that every page (the English one too)
 * searches the one Chinese index.
 */
export function pagefindLoader(doc: Document, bundleUrl: string, indexLang: string): () => Promise<Pagefind> {
  let loading: Promise<Pagefind> | null = null;
  const load = async (): Promise<Pagefind> => {
    const url = new URL(`${bundleUrl}pagefind.js`, doc.defaultView?.location.href).href;
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    // Result URLs are site-absolute already; no worker (saves a download, searches are short).
    await pagefind.options({ baseUrl: '/', noWorker: true });
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
    return pagefind;
  };
  return () => {
    loading ??= load();
    // A failed load is tried again on the next search.
    loading.catch(() => (loading = null));
    return loading;
  };
}
