import type { nearMisses, SearchHints } from '../../search/near-miss.ts';

type NearMisses = ReturnType<typeof nearMisses>;

/**
 * Loads /data/search-hints.json and the code that reads it (a chunk of its
 * own) once, when a query first finds nothing; a failed load offers no hint,
 * and is tried again.
 */
export function hintsLoader(url: string): () => Promise<NearMisses> {
  let loading: Promise<NearMisses> | null = null;
  const hints = () =>
    fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.json() as Promise<SearchHints>;
    });
  return () => {
    loading ??= Promise.all([hints(), import('../../search/near-miss.ts')]).then(([data, module]) => module.nearMisses(data));
    loading.catch(() => (loading = null));
    return loading;
  };
}
