import { zoneIndex, type ZoneIndex } from '../../parks/zone-query.ts';

/** Loads /data/zones.json once; a failed load leaves the search exact-phrase only, and is tried again. */
export function zonesLoader(url: string): () => Promise<ZoneIndex> {
  let loading: Promise<ZoneIndex> | null = null;
  return () => {
    loading ??= fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return response.json() as Promise<{ zones: Parameters<typeof zoneIndex>[0] }>;
      })
      .then(({ zones }) => zoneIndex(zones));
    loading.catch(() => (loading = null));
    return loading;
  };
}
