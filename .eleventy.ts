import type { UserConfig } from '@11ty/eleventy';

/**
 * Eleventy renders the pages that the archive layer prepared. The data comes
 * from `bulletin build` (src/render/render-pages.ts), which hands it over as
 * the global `site` before this file runs; Eleventy run on its own has no
 * site to render, and says so. Eleventy's CLI does not look for this file:
 * it finds `eleventy.config.js`, which stops it before it writes anything.
 */
export default function (eleventyConfig: UserConfig) {
  if (!('site' in eleventyConfig.globalData)) {
    throw new Error('No site data: .eleventy.ts renders the data that `npx bulletin build` hands over; run that instead of eleventy itself');
  }

  // Escape everything by default: only article bodies (sanitized HTML) and JSON-LD are marked safe.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: true, trimBlocks: true, lstripBlocks: true });

  // CSS, scripts and icons (/assets/) are written beside the pages by `bulletin build` (src/render/site-assets.ts).
  eleventyConfig.setQuietMode(true);

  return {
    dir: { includes: '_includes' },
    templateFormats: ['njk'],
    htmlTemplateEngine: 'njk',
  };
}
