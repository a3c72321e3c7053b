import type { SiteData } from './src/archive/site-model.ts';
import { providedSiteData } from './src/site/site-provider.ts';

interface EleventyConfig {
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  addGlobalData(name: string, value: unknown): void;
  addWatchTarget(path: string): void;
  setQuietMode(quiet: boolean): void;
}

/**
 * Eleventy renders the pages the archive layer prepared. `bulletin build`
 * parses the seeds and provides the data; run on its own (through tsx with
 * `--config .eleventy.ts`) the config parses `seeds/` itself.
 */
export default async function (eleventyConfig: EleventyConfig) {
  // Escape everything by default: only article bodies (sanitized HTML) and JSON-LD are marked safe.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: true, trimBlocks: true, lstripBlocks: true });

  // CSS, scripts and icons (/assets/) are written beside the pages by `bulletin build` (src/build/site-assets.ts).

  const site: SiteData = providedSiteData() ?? (await standaloneSiteData());
  eleventyConfig.addGlobalData('site', site);
  eleventyConfig.addWatchTarget('seeds/');
  eleventyConfig.setQuietMode(true);

  return {
    dir: { input: 'templates', includes: '_includes' },
    templateFormats: ['njk'],
    htmlTemplateEngine: 'njk',
  };
}

async function standaloneSiteData(): Promise<SiteData> {
  const { prepareSite } = await import('./src/build/prepare-site.ts');
  const prepared = await prepareSite({ seeds: ['seeds'], baseUrl: 'http://localhost:8080/' });
  if (!prepared.ok) throw new Error('The seeds have errors: run `npx bulletin check` to see them');
  return prepared.site;
}
