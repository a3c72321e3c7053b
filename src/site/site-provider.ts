import type { SiteData } from '../archive/site-model.ts';

/**
 * The site data handed from `bulletin build` to the Eleventy config, which
 * runs in the same process: the records are parsed once, not twice. Kept on
 * globalThis because Eleventy imports `.eleventy.ts` with Node's own loader,
 * which can give this module a second instance (under a test runner's loader,
 * for one); a module variable would then look empty to the config.
 */
const KEY = Symbol.for('huoju-dongtai-archive.site-data');

type Holder = { [KEY]?: SiteData };

export function provideSiteData(site: SiteData): void {
  (globalThis as Holder)[KEY] = site;
}

export function providedSiteData(): SiteData | null {
  return (globalThis as Holder)[KEY] ?? null;
}
