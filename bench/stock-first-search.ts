/**
 * The same first-search measurement as first-search-bytes.ts, on the stock
 * stack's search page (Pagefind's own UI): type the query into its box, wait
 * for its results and a quiet network; then time a second query from its
 * input to the results message changing.
 */
import type { Page } from 'playwright-core';
import { serveSite } from '../src/serve/site-server.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { recordDownloads, type FirstSearchBytes } from './first-search-bytes.ts';

const TIMEOUT_MS = 60_000;

async function resultsFor(page: Page, query: string): Promise<number> {
  const box = page.locator('.pagefind-ui__search-input');
  await box.fill(query);
  await page.waitForFunction((q) => (document.querySelector('.pagefind-ui__search-input') as HTMLInputElement | null)?.value === q && !!document.querySelector('.pagefind-ui__message'), query, { timeout: TIMEOUT_MS });
  await page.waitForLoadState('networkidle');
  const message = (await page.locator('.pagefind-ui__message').textContent()) ?? '';
  return Number(/\d+/u.exec(message)?.[0] ?? 0);
}

export async function stockFirstSearch(siteDir: string, query = '长春净月高新区', second = '江门高新区'): Promise<FirstSearchBytes & { results: number }> {
  const server = await serveSite(siteDir);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    const downloads = recordDownloads(page);
    await page.goto(new URL('search/', server.url).href, { waitUntil: 'load' });
    await page.locator('.pagefind-ui__search-input').waitFor();
    const results = await resultsFor(page, query);
    const files = await downloads.stop();
    const queryMs = (await page.evaluate(`new Promise((resolve, reject) => {
      const input = document.querySelector('.pagefind-ui__search-input');
      const before = document.querySelector('.pagefind-ui__message')?.textContent;
      const timer = setTimeout(() => reject(new Error('no results for the second query')), ${TIMEOUT_MS});
      const observer = new MutationObserver(() => {
        const message = document.querySelector('.pagefind-ui__message')?.textContent;
        if (!message || message === before || !document.querySelector('.pagefind-ui__result')) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(performance.now() - t0);
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      const t0 = performance.now();
      input.value = ${JSON.stringify(second)};
      input.dispatchEvent(new Event('input', { bubbles: true }));
    })`)) as number;
    await context.close();
    return {
      results,
      gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
      rawBytes: files.reduce((n, f) => n + f.rawBytes, 0),
      requests: files.length,
      queryMs: Math.round(queryMs * 10) / 10,
      suggestMs: Number.NaN,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
