/**
 * What a reader downloads for a first search, and how fast a later query is.
 *
 * Serves a built site over HTTP, opens `/search/` in headless Chromium (fresh
 * profile, empty cache), types one query into the search box and presses
 * Enter, as a reader does, and records every response until its results are
 * shown and the network is quiet: the page, CSS, scripts, the WebAssembly,
 * Pagefind's entry, meta, index chunks and filters, and the fragments of the
 * first page of results.
 *
 * - `rawBytes`: the bodies as the files are stored and served.
 * - `gzipBytes`: what a static host serving gzip would send: every body
 *   gzip-compressed with node:zlib at level 9, except the ones that already
 *   are gzip (Pagefind writes its wasm and `.pf_*` files compressed; a host
 *   sends those as they are).
 * - `requests`: the number of responses. Each URL counts once: the test
 *   server sends `no-store`, so Chromium fetches the favicon again after a
 *   history change, which a caching static host would not serve again.
 * - `queryMs`: once the page has loaded and answered the first query, the
 *   time from submitting a second, different query to its results rendered
 *   (the page fires `search:done` after rendering), measured in the page.
 * - `suggestMs`: then the time from a keystroke (the first query's first
 *   character) to the zone suggestions shown under the box, measured in the page.
 *
 * CLI: `npx tsx bench/first-search-bytes.ts <siteDir> [query…]` prints one
 * line per query, then the numbers as JSON lines.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { serveSite } from '../src/serve/site-server.ts';
import { launchBrowser } from '../test/support/browser.ts';

export interface FirstSearchBytes {
  gzipBytes: number;
  rawBytes: number;
  requests: number;
  queryMs: number;
  /** From a keystroke in the box to the zone suggestions shown, once loaded. */
  suggestMs: number;
}

export interface FirstSearchFile {
  path: string;
  kind: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface FirstSearchReport extends FirstSearchBytes {
  query: string;
  secondQuery: string;
  /** Results of the first query (all of them, not only the first page shown). */
  results: number;
  files: FirstSearchFile[];
}

const DEFAULT_QUERY = '长春净月高新区';
const TIMEOUT_MS = 60_000;

const isGzip = (body: Buffer): boolean => body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b;

function kindOf(urlPath: string): string {
  if (/\.pf_index$/u.test(urlPath)) return 'index';
  if (/\.pf_fragment$/u.test(urlPath)) return 'fragment';
  if (/\.pf_meta$/u.test(urlPath)) return 'meta';
  if (/\.pf_filter$/u.test(urlPath)) return 'filter';
  if (/\/wasm\.[^/]*\.pagefind$/u.test(urlPath)) return 'wasm';
  if (/\.m?js$/u.test(urlPath)) return 'script';
  if (/\.css$/u.test(urlPath)) return 'css';
  if (/\.json$/u.test(urlPath)) return 'json';
  if (urlPath.endsWith('/') || urlPath.endsWith('.html')) return 'page';
  return 'other';
}

/**
 * Records every response of `page` from now on; `stop()` ends the recording
 * and gives each URL once, with its raw and gzip sizes.
 */
export function recordDownloads(page: Page): { stop(): Promise<FirstSearchFile[]> } {
  const files: Promise<FirstSearchFile | null>[] = [];
  let recording = true;
  page.on('response', (response) => {
    if (!recording) return;
    files.push(
      response.body().then(
        (body) => {
          const urlPath = new URL(response.url()).pathname;
          return { path: urlPath, kind: kindOf(urlPath), rawBytes: body.length, gzipBytes: isGzip(body) ? body.length : gzipSync(body, { level: 9 }).length };
        },
        () => null, // a redirect has no body
      ),
    );
  });
  return {
    async stop() {
      recording = false;
      // The test server says no-store, so Chromium fetches the favicon again after each
      // history change; a static host lets it cache: each URL counts once.
      const seen = new Set<string>();
      return (await Promise.all(files)).filter((f): f is FirstSearchFile => {
        if (f === null || seen.has(f.path)) return false;
        seen.add(f.path);
        return true;
      });
    },
  };
}

/** Waits until the search page reports a finished search of `query`. */
async function searchDone(page: Page, query: string): Promise<void> {
  // A function, not a string: the page's CSP forbids eval, which a string predicate needs.
  await page.waitForFunction(
    (q) => {
      const form = document.getElementById('search-form');
      return form?.dataset.searchState === 'done' && form.dataset.searchQuery === q;
    },
    query,
    { timeout: TIMEOUT_MS },
  );
}

/** The full measurement: totals, and every file downloaded for the first search. */
export async function measureFirstSearch(siteDir: string, query = DEFAULT_QUERY, secondQuery?: string): Promise<FirstSearchReport> {
  const second = secondQuery ?? (query === '江门高新区' ? '佛山高新区' : '江门高新区');
  if (second.trim() === query.trim()) throw new Error('The second query must differ from the first');
  const server = await serveSite(siteDir);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    await context.addInitScript(
      "window.__firstSearchDone = []; document.addEventListener('search:done', (e) => window.__firstSearchDone.push(e.detail), true);",
    );
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    const downloads = recordDownloads(page);

    const res = await page.goto(new URL('search/', server.url).href, { waitUntil: 'load' });
    if (!res?.ok()) throw new Error(`GET /search/ answered ${res?.status() ?? 'nothing'} (is ${siteDir} a built site?)`);
    const box = page.locator('#search-q, #search-form input[name="q"]').first();
    await box.fill(query);
    await box.press('Enter');
    await searchDone(page, query.trim());
    await page.waitForLoadState('networkidle');
    const recorded = await downloads.stop();
    const results = Number(await page.evaluate('window.__firstSearchDone.at(-1).count'));

    const queryMs = (await page.evaluate(`new Promise((resolve, reject) => {
      const form = document.getElementById('search-form');
      const input = form.elements.namedItem('q');
      const q = ${JSON.stringify(second.trim())};
      const timer = setTimeout(() => reject(new Error('no search:done for ' + q)), ${TIMEOUT_MS});
      form.addEventListener('search:done', (e) => {
        if (e.detail.query !== q) return;
        clearTimeout(timer);
        resolve(performance.now() - t0);
      });
      input.value = q;
      const t0 = performance.now();
      form.requestSubmit();
    })`)) as number;

    const suggestMs = (await page.evaluate(`new Promise((resolve, reject) => {
      const input = document.getElementById('search-q');
      const list = document.getElementById('search-suggestions');
      const timer = setTimeout(() => reject(new Error('no suggestions')), ${TIMEOUT_MS});
      new MutationObserver((_, observer) => {
        if (list.children.length === 0) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(performance.now() - t0);
      }).observe(list, { childList: true });
      input.focus();
      input.value = ${JSON.stringify([...second.trim()][0] ?? '佛')};
      const t0 = performance.now();
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    })`)) as number;

    await context.close();
    return {
      query,
      secondQuery: second,
      results,
      files: recorded,
      gzipBytes: recorded.reduce((n, f) => n + f.gzipBytes, 0),
      rawBytes: recorded.reduce((n, f) => n + f.rawBytes, 0),
      requests: recorded.length,
      queryMs: Math.round(queryMs * 10) / 10,
      suggestMs: Math.round(suggestMs * 10) / 10,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Bytes (gzip and raw) and requests of a first search on the site's search page, and the latency of a later query. */
export async function firstSearchBytes(siteDir: string, query = DEFAULT_QUERY): Promise<FirstSearchBytes> {
  const { gzipBytes, rawBytes, requests, queryMs, suggestMs } = await measureFirstSearch(siteDir, query);
  return { gzipBytes, rawBytes, requests, queryMs, suggestMs };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

async function main(argv: string[]): Promise<void> {
  const [siteDir, ...queries] = argv;
  if (!siteDir || siteDir === '--help' || siteDir === '-h') {
    console.error('usage: npx tsx bench/first-search-bytes.ts <siteDir> [query…]');
    process.exitCode = siteDir ? 0 : 2;
    return;
  }
  const reports: FirstSearchReport[] = [];
  for (const query of queries.length > 0 ? queries : [DEFAULT_QUERY]) {
    const r = await measureFirstSearch(siteDir, query);
    reports.push(r);
    const byKind = new Map<string, { n: number; gzip: number }>();
    for (const f of r.files) {
      const k = byKind.get(f.kind) ?? { n: 0, gzip: 0 };
      k.n += 1;
      k.gzip += f.gzipBytes;
      byKind.set(f.kind, k);
    }
    const parts = [...byKind].sort((a, b) => b[1].gzip - a[1].gzip).map(([kind, k]) => `${kind} ${k.n}× ${kb(k.gzip)}`);
    console.log(
      `${r.query}: ${r.results} results; first search ${kb(r.gzipBytes)} gzip (${kb(r.rawBytes)} raw) in ${r.requests} requests [${parts.join(', ')}]; ` +
        `then "${r.secondQuery}" in ${r.queryMs} ms; suggestions ${r.suggestMs} ms after a keystroke`,
    );
  }
  for (const r of reports) {
    console.log(JSON.stringify({ query: r.query, gzipBytes: r.gzipBytes, rawBytes: r.rawBytes, requests: r.requests, queryMs: r.queryMs, suggestMs: r.suggestMs }));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main(process.argv.slice(2));
}
