/**
 * Size and speed of the search page on a synthetic archive of 50 issues
 * (600 articles of ~1,500 Han characters, sentences of seed 549 shuffled):
 * what a reader downloads for a first query, and how long a query takes
 * once the page has loaded. Prints the numbers; fails past the budget.
 */
import { mkdtemp, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/search/build-index.ts';
import { syntheticRecords } from '../fixtures/search/synthetic.ts';
import { launchBrowser, searchPageHtml, startServer, typeQuery, waitForSearch, type StaticServer } from './harness.ts';

const SEARCH_JS = fileURLToPath(new URL('../../public/js/search.js', import.meta.url));
const BASE = '/';
/**
 * First-query download budget (gzip) for page + scripts + wasm + index
 * (entry, meta, chunks), and a looser cap on the same plus the fragments of
 * the first page of results (titles and excerpts): on this archive a 7-character
 * name with 高新区 in it needs ~85 KB of index chunks (高, 新 and 区 are in
 * nearly every article), and ten fragments add ~33 KB.
 */
const MAX_FIRST_QUERY_BYTES = 200 * 1024;
const MAX_FIRST_RESULTS_BYTES = 210 * 1024;
const MAX_QUERY_MS = 100;
const QUERIES = ['江门高新区', '成都高新区', '长春净月高新区', '净月', '大冶湖', '佛山', '高新', '江门高', '江'];

let dir: string;
let server: StaticServer;
let browser: Browser;
const records = syntheticRecords();

async function du(path: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const e of await readdir(path, { withFileTypes: true })) {
    const p = join(path, e.name);
    if (e.isDirectory()) {
      const sub = await du(p);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += (await stat(p)).size;
      files += 1;
    }
  }
  return { bytes, files };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'search-perf-'));
  const built = await buildSearchIndex({ outDir: dir, records, language: 'zh-CN' });
  const pf = join(dir, 'pagefind');
  const [index, fragment] = await Promise.all([du(join(pf, 'index')), du(join(pf, 'fragment'))]);
  console.log(
    `synthetic archive: ${built.pages} articles, built in ${built.ms} ms; ` +
      `index ${(index.bytes / 1024).toFixed(0)} KB in ${index.files} chunks, fragments ${(fragment.bytes / 1024).toFixed(0)} KB`,
  );
  await mkdir(join(dir, 'search'), { recursive: true });
  await writeFile(
    join(dir, 'search', 'index.html'),
    searchPageHtml({ lang: 'zh-CN', base: BASE, filters: { park: ['成都高新区', '江门高新区'], year: ['2019', '2020', '2021', '2022'] } }),
  );
  server = await startServer([
    [`${BASE}js/search.js`, SEARCH_JS],
    [BASE, dir],
  ]);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('search on a 600-article archive', () => {
  it(`downloads at most ${MAX_FIRST_QUERY_BYTES / 1024} KB (gzip) for a first query, before its results' fragments`, async () => {
    const rows: string[] = [];
    let worst = 0;
    let worstWithFragments = 0;
    for (const q of QUERIES) {
      const context = await browser.newContext(); // a cold cache for each
      const page = await context.newPage();
      server.log.length = 0;
      await page.goto(`${server.origin}${BASE}search/?q=${encodeURIComponent(q)}`);
      await waitForSearch(page, q, 60_000);
      const sum = (re: RegExp): number => server.log.filter((l) => re.test(l.path)).reduce((a, l) => a + l.gzipBytes, 0);
      const total = sum(/./);
      worst = Math.max(worst, total - sum(/\.pf_fragment$/));
      worstWithFragments = Math.max(worstWithFragments, total);
      const kb = (n: number): string => (n / 1024).toFixed(1);
      rows.push(
        `${q}: ${kb(total)} KB = page+search.js ${kb(sum(/\.html$|\/search\/$|search\.js$/))}` +
          ` + pagefind.js/wasm/meta ${kb(sum(/pagefind\.js$|\.pagefind$|\.pf_meta$|entry\.json$/))}` +
          ` + index ${kb(sum(/\.pf_index$/))} + fragments ${kb(sum(/\.pf_fragment$/))} + filters ${kb(sum(/\.pf_filter$/))}`,
      );
      await context.close();
    }
    console.log(`first query, gzip:\n  ${rows.join('\n  ')}`);
    expect(worst).toBeLessThanOrEqual(MAX_FIRST_QUERY_BYTES);
    expect(worstWithFragments).toBeLessThanOrEqual(MAX_FIRST_RESULTS_BYTES);
  }, 180_000);

  it(`answers a query within ${MAX_QUERY_MS} ms once loaded`, async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${BASE}search/`);
    // Load everything once.
    for (const q of QUERIES) await typeQuery(page, q);
    // Best of three rounds per query: the machine may be busy with other test files.
    const times: Record<string, number> = {};
    for (let round = 0; round < 3; round++) {
      for (const q of QUERIES) {
        // From the moment the query is submitted to results and status on screen.
        const ms = await page.evaluate(async (query) => {
          const form = document.getElementById('search-form') as HTMLFormElement;
          const input = form.elements.namedItem('q') as HTMLInputElement;
          const done = new Promise<void>((ok) => form.addEventListener('search:done', () => ok(), { once: true }));
          const t0 = performance.now();
          input.value = query;
          form.requestSubmit();
          await done;
          return performance.now() - t0;
        }, q);
        times[q] = Math.min(times[q] ?? Infinity, Math.round(ms));
      }
    }
    console.log(`query time once loaded (ms): ${JSON.stringify(times)}`);
    expect(Math.max(...Object.values(times))).toBeLessThanOrEqual(MAX_QUERY_MS);
    await page.close();
  }, 180_000);
});
