import { join } from 'node:path';
import type { UserConfig } from '@11ty/eleventy';
import type { SiteData } from '../pages/page-types.ts';
import { PROJECT_ROOT } from '../project-root.ts';

/**
 * Eleventy's configuration for rendering the archive: no configuration file
 * is read (the data and settings come from here, explicitly), so the same
 * settings hold whichever folder the command runs from.
 */
function configure(eleventyConfig: UserConfig, site: SiteData): void {
  eleventyConfig.addGlobalData('site', site);
  // Escape everything by default: only article bodies (sanitized HTML) and JSON-LD are marked safe.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: true, trimBlocks: true, lstripBlocks: true });
  eleventyConfig.setTemplateFormats(['njk']);
  // CSS, scripts and icons (/assets/) are written beside the pages by the pipeline (src/render/site-assets.ts).
  eleventyConfig.setQuietMode(true);
}

/**
 * Renders the pages of `site` with Eleventy into `output` (the templates in
 * templates/, their partials in templates/_includes/). Paths are absolute,
 * so the working directory does not matter.
 */
export async function renderPages(site: SiteData, output: string): Promise<void> {
  // Loaded when there is something to render: it takes longer to load than the rest of the CLI together.
  const { default: Eleventy } = await import('@11ty/eleventy');
  const eleventy = new Eleventy(join(PROJECT_ROOT, 'templates'), output, {
    configPath: false,
    quietMode: true,
    config: (eleventyConfig) => configure(eleventyConfig, site),
  });
  try {
    await eleventy.write();
  } catch (error) {
    throw new Error(`Eleventy failed: ${(error as Error).message}`, { cause: error });
  }
}
