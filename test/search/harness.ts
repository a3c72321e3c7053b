/**
 * What the search tests share: the site's server, headless Chromium, and a
 * search page like the one the site renders.
 */
import type { Page } from 'playwright-core';
import { dictionary, type Lang } from '../../src/i18n/index.ts';
import { formatMessage } from '../../src/i18n/messages.ts';
import { serveSite, type SiteServer } from '../../src/serve/site-server.ts';

/** A request the server answered. */
export interface Served {
  path: string;
  status: number;
}

/** Serves `dir` under `prefix`, logging every request. */
export async function startServer(dir: string, prefix: string): Promise<SiteServer & { log: Served[] }> {
  const log: Served[] = [];
  const server = await serveSite(dir, { pathPrefix: prefix, onResponse: (path, status) => log.push({ path, status }) });
  return { ...server, log };
}

export { launchBrowser } from '../support/browser.ts';

/** The search page's strings, as the site's pages carry them: the `search.*` keys of the dictionaries. */
export const STRINGS = { zh: searchStrings('zh-CN'), en: searchStrings('en') };

function searchStrings(lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(dictionary(lang)).filter(([key]) => key.startsWith('search.')));
}

/** A string of the page, filled in as the page fills it. */
export function say(lang: 'zh' | 'en', key: string, values: Record<string, string | number> = {}): string {
  return formatMessage(STRINGS[lang], key, values);
}

export interface PageOptions {
  lang: 'zh-CN' | 'en';
  base: string;
  filters?: Record<string, string[]>;
  /** data-page-size on the results list. */
  pageSize?: number;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A search page with what the site's search script needs, and nothing else. */
export function searchPageHtml({ lang, base, filters = {}, pageSize }: PageOptions): string {
  const zh = lang === 'zh-CN';
  const strings = zh ? STRINGS.zh : STRINGS.en;
  const selects = Object.entries(filters)
    .map(
      ([name, values]) =>
        `<label for="f-${name}">${name}</label><select id="f-${name}" name="${name}"><option value="">${zh ? '全部' : 'All'}</option>${values
          .map((v) => `<option>${escapeHtml(v)}</option>`)
          .join('')}</select>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${zh ? '搜索' : 'Search'}</title></head>
<body>
<main>
<h1>${zh ? '搜索' : 'Search'}</h1>
<form id="search-form" role="search" action="" data-bundle="${base}pagefind/">
<label for="q">${zh ? '关键词' : 'Words'}</label>
<input id="q" name="q" type="search" autocomplete="off">
${selects}
<button type="submit">${zh ? '搜索' : 'Search'}</button>
</form>
<p id="search-status" role="status" aria-live="polite"></p>
<ol id="search-results"${pageSize === undefined ? '' : ` data-page-size="${pageSize}"`}></ol>
</main>
<script type="application/json" id="search-strings">${JSON.stringify(strings).replace(/</g, '\\u003c')}</script>
<script type="module" src="${base}js/search.js"></script>
</body>
</html>
`;
}

/** Waits until the page's search has finished for this query (search.js marks the form). */
export async function waitForSearch(page: Page, query: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (q) => {
      const f = document.getElementById('search-form');
      return f?.dataset.searchState === 'done' && f.dataset.searchQuery === q;
    },
    query,
    { timeout },
  );
}

/** Types a query into the page's input the way a reader does, and waits for its results. */
export async function typeQuery(page: Page, query: string): Promise<void> {
  await page.fill('#q', '');
  await page.type('#q', query, { delay: 20 });
  await waitForSearch(page, query.trim());
}

/** The hrefs of all results, pressing "more" until every result is shown. */
export async function resultLinks(page: Page): Promise<string[]> {
  for (;;) {
    const more = await page.$('button.search-more');
    if (more === null) break;
    const before = await page.$$eval('#search-results > li', (xs) => xs.length);
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n, before);
  }
  return page.$$eval('#search-results > li a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
}
