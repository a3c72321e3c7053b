import type { SiteData } from '../archive/site-model.ts';

/**
 * The site data handed from `bulletin build` to the Eleventy config, which
 * runs in the same process: the records are parsed once, not twice.
 */
let provided: SiteData | null = null;

export function provideSiteData(site: SiteData): void {
  provided = site;
}

export function providedSiteData(): SiteData | null {
  return provided;
}
