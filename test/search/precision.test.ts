/**
 * Exact phrases, checked exhaustively: the search page's own phrase search
 * and query parser (src/browser/search/, bundled as the build bundles them)
 * against real Pagefind in headless Chromium, over a small archive of decoys
 * (test/fixtures/search/corpus.ts), for every 2- and 3-character run of its
 * text. The page itself, in both interfaces, is tested in
 * test/browser/search.test.ts and zone-search.test.ts.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayText } from '../../src/search/index-content.ts';
import { parseQuery } from '../../src/search/query.ts';
import { openIndexSession } from '../../src/search/index-session.ts';
import { launchBrowser } from '../support/browser.ts';
import { BASE, corpusRecords } from '../fixtures/search/corpus.ts';
import { startServer } from './harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const records = corpusRecords();

let dir: string;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bulletin-search-precision-'));
  const session = openIndexSession('zh-CN');
  session.add(records);
  expect((await session.write(join(dir, 'pagefind'))).pages).toBe(records.length);
  await mkdir(join(dir, 'js'), { recursive: true });
  await build({
    stdin: { contents: "export { searchPhrases } from './src/browser/search/phrase-search.ts'; export { parseQuery } from './src/search/query.ts';", resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'esm',
    outfile: join(dir, 'js', 'phrase-search.js'),
  });
  // A page to run the modules in; it offers nothing of the search page.
  await writeFile(join(dir, 'index.html'), '<!doctype html><html lang="zh-CN"><link rel="icon" href="data:,"><title>precision</title></html>');
  server = await startServer(dir, BASE);
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(server.url);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const LATIN_OR_DIGIT = /^(?!\p{Script=Han})[\p{L}\p{N}]$/u;

/** Whether `phrase` occurs in `hay` starting a word, and ending one unless its last word is long enough to be a prefix (4 letters). */
function occurs(hay: string, phrase: string): boolean {
  const lastWord = /(?:(?!\p{Script=Han})[\p{L}\p{N}])+$/u.exec(phrase)?.[0] ?? '';
  const wholeEnd = lastWord !== '' && !([...lastWord].length >= 4 && /\p{L}/u.test(lastWord));
  for (let i = hay.indexOf(phrase); i >= 0; i = hay.indexOf(phrase, i + 1)) {
    const before = hay[i - 1] ?? '';
    const after = hay[i + phrase.length] ?? '';
    if (LATIN_OR_DIGIT.test(phrase[0] ?? '') && LATIN_OR_DIGIT.test(before)) continue;
    if (wholeEnd && LATIN_OR_DIGIT.test(after)) continue;
    return true;
  }
  return false;
}

/** What the query should find: every phrase occurs in the title or text (as display text), on word bounds. */
function oracle(query: string): string[] {
  const phrases = parseQuery(query);
  return records
    .filter((r) => {
      const hay = `${displayText(r.title)}\n${displayText(r.text)}`.toLowerCase();
      return phrases.length > 0 && phrases.every((p) => occurs(hay, p.text.toLowerCase()));
    })
    .map((r) => r.url)
    .sort();
}

describe('phrase search', () => {
  it('agrees with a substring oracle on every 2- and 3-character run of the archive', async () => {
    const runs = new Set<string>();
    for (const r of records) {
      for (const m of `${r.title}\n${r.text}`.matchAll(/\p{Script=Han}+/gu)) {
        const s = [...m[0]];
        for (let i = 0; i + 2 <= s.length; i++) runs.add(s.slice(i, i + 2).join(''));
        for (let i = 0; i + 3 <= s.length; i += 2) runs.add(s.slice(i, i + 3).join(''));
      }
    }
    // Latin words, numbers and several phrases, which the runs do not cover.
    const queries = [...runs, 'AI', 'aigc', 'aig', 'covi', '5G基站', 'COVID-19', 'script', '江门 高新区', '江门，高新区', '2022 年', 'ＡＩ赋能'].sort();
    // A string, so that the test transform leaves import() alone.
    const found = (await page.evaluate(`(async (qs) => {
      const js = await import('${BASE}js/phrase-search.js');
      const pf = await import('${BASE}pagefind/pagefind.js');
      await pf.options({ baseUrl: '/', noWorker: true });
      document.documentElement.lang = 'zh-cn';
      await pf.init();
      const out = {};
      for (const q of qs) {
        const results = await js.searchPhrases(pf, js.parseQuery(q), { sort: { date: 'desc' } });
        out[q] = (await Promise.all(results.map((r) => r.data()))).map((d) => d.raw_url).sort();
      }
      return out;
    })(${JSON.stringify(queries)})`)) as Record<string, string[]>;
    const wrong = queries.filter((q) => JSON.stringify(found[q]) !== JSON.stringify(oracle(q)));
    expect(wrong).toEqual([]);
    expect(queries.length).toBeGreaterThan(300);
    // Not vacuous: the decoys' runs find something, and the full names find exactly their articles.
    expect(found['江门高']?.length).toBe(1);
    // AI is a whole word (not AIGC); a word of four letters is a prefix (covi finds COVID).
    expect(found.AI?.length).toBe(1);
    expect(found.aig).toEqual([]);
    expect(found.covi?.length).toBe(1);
  }, 120_000);

  it('fetched every index file from the one zh-cn index, and logged no errors', () => {
    const indexFiles = server.log.filter((l) => /\.pf_(index|meta|fragment|filter)$/.test(l.path));
    expect(indexFiles.length).toBeGreaterThan(0);
    for (const l of indexFiles) expect(l.path).toMatch(/\/zh-cn_[^/]*$|pagefind\.zh-cn_/);
    expect(server.log.filter((l) => l.status !== 200 && l.path !== '/favicon.ico')).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
