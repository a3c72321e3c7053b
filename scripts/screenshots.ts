/**
 * `npm run screenshots -- SITE OUT`: full-page screenshots of the pages with
 * charts (/parks/, the park most named, /issues/, the largest column) at 1280
 * and 390 px, in Chinese and English, light and dark, into OUT as PNG files.
 * SITE is a built site (`npm run build` writes _site/). Each chart is also
 * saved on its own (`…-chart1.png`).
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveSite } from '../src/serve/site-server.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../test/support/browser.ts';

const [site = '_site', out = 'screenshots'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

const { zones } = JSON.parse(readFileSync(path.join(site, 'data', 'zones.json'), 'utf8')) as { zones: { articles: number; page: string | null }[] };
const park = [...zones].filter((zone) => zone.page).sort((a, b) => b.articles - a.articles)[0]?.page;
const column = readdirSync(path.join(site, 'columns'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({ slug: entry.name, size: readFileSync(path.join(site, 'columns', entry.name, 'index.html')).length }))
  .sort((a, b) => b.size - a.size)[0]?.slug;
const pages: [string, string][] = [
  ['parks', 'parks/'],
  ...(park ? [['park', `parks/${park}/`] as [string, string]] : []),
  ['issues', 'issues/'],
  ...(column ? [['column', `columns/${column}/`] as [string, string]] : []),
];

const server = await serveSite(site);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
try {
  for (const width of [1280, 390]) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const [name, urlPath] of pages) {
        for (const [lang, prefix] of [['zh', ''], ['en', 'en/']] as const) {
          await page.goto(new URL(`${prefix}${urlPath}`, server.url).href);
          const file = path.join(out, `${name}-${lang}-${width}-${scheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          console.log(file);
          // Each chart on its own too, at the page's scale, to look at closely.
          const charts = page.locator('figure.chart');
          for (let index = 0; index < (await charts.count()); index++) {
            await charts.nth(index).screenshot({ path: file.replace(/\.png$/u, `-chart${index + 1}.png`) });
          }
        }
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
