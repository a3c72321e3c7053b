import { nearMisses, type SearchHints } from '../../search/near-miss.ts';

/** Loads /data/search-hints.json once, when a query first finds nothing; a failed load offers no hint, and is tried again. */
export function hintsLoader(url: string): () => Promise<ReturnType<typeof nearMisses>> {
  let loading: Promise<ReturnType<typeof nearMisses>> | null = null;
  return () => {
    loading ??= fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return response.json() as Promise<SearchHints>;
      })
      .then(nearMisses);
    loading.catch(() => (loading = null));
    return loading;
  };
}
