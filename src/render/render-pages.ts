import { join } from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { SiteData } from '../pages/page-types.ts';
import { PROJECT_ROOT } from '../project-root.ts';


/**
 * Renders the pages of `site` with Eleventy into `output`. The data is handed
 * to Eleventy's configuration here, explicitly (`.eleventy.ts` refuses to run
 * without it); paths are absolute, so the working directory does not matter.
 */
export async function renderPages(site: SiteData, output: string): Promise<void> {
  const eleventy = new Eleventy(join(PROJECT_ROOT, 'templates'), output, {
    configPath: join(PROJECT_ROOT, '.eleventy.ts'),
    quietMode: true,
    config: (eleventyConfig) => eleventyConfig.addGlobalData('site', site),
  });
  try {
    await eleventy.write();
  } catch (error) {
    throw new Error(`Eleventy failed: ${(error as Error).message}`, { cause: error });
  }
}
