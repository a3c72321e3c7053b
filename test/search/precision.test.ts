/**
 * Exact result sets of the search page, in headless Chromium, on a fixture
 * archive with decoys for each way a naive Chinese search goes wrong.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserScripts } from '../../src/render/site-assets.ts';
import { openIndexSession } from '../../src/search/index-session.ts';
import { displayText, parseQuery } from '../../src/search/index-content.ts';
import { ALL_SLUGS, BASE, articleUrl, corpusRecords } from '../fixtures/search/corpus.ts';
import {
  launchBrowser,
  resultLinks,
  searchPageHtml,
  startServer,
  say,
  typeQuery,
  waitForSearch,
} from './harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const records = corpusRecords();
const FILTERS = {
  park: [...new Set(records.flatMap((r) => r.filters.park ?? []))].sort(),
  column: [...new Set(records.flatMap((r) => r.filters.column ?? []))].sort(),
  year: [...new Set(records.flatMap((r) => r.filters.year ?? []))].sort(),
};

let dir: string;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

const urls = (...slugs: string[]): string[] => slugs.map((s) => articleUrl(s)).sort();
/** English URLs, in the order given. */
const en = (...slugs: string[]): string[] => slugs.map((s) => articleUrl(s).replace(BASE, `${BASE}en/`));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bulletin-search-precision-'));
  const session = openIndexSession('zh-CN');
  session.add(records);
  const built = await session.write(dir);
  expect(built.pages).toBe(records.length);
  await mkdir(join(dir, 'search'), { recursive: true });
  await mkdir(join(dir, 'en', 'search'), { recursive: true });
  await writeFile(join(dir, 'search', 'index.html'), searchPageHtml({ lang: 'zh-CN', base: BASE, filters: FILTERS }));
  await mkdir(join(dir, 'search-paged'), { recursive: true });
  await writeFile(join(dir, 'search-paged', 'index.html'), searchPageHtml({ lang: 'zh-CN', base: BASE, pageSize: 4 }));
  await writeFile(join(dir, 'en', 'search', 'index.html'), searchPageHtml({ lang: 'en', base: BASE, filters: FILTERS }));
  // The page's own script, bundled as the build bundles it.
  await mkdir(join(dir, 'js'), { recursive: true });
  await writeFile(join(dir, 'js', 'search.js'), browserScripts().find((file) => file.path.endsWith('/search.js'))?.content ?? '');
  // The same modules, exported for the oracle test below.
  await build({
    stdin: { contents: "export { searchPhrases } from './src/browser/search/phrase-search.ts'; export { parseQuery } from './src/search/index-content.ts';", resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'esm',
    outfile: join(dir, 'js', 'phrase-search.js'),
  });
  server = await startServer(dir, BASE);
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('dialog', (d) => {
    consoleErrors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${server.origin}${BASE}search/`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** What the query should find: every phrase occurs in the title or text (as display text). */
function oracle(query: string): string[] {
  const phrases = parseQuery(query);
  return records
    .filter((r) => {
      const hay = `${displayText(r.title)}\n${displayText(r.text)}`.toLowerCase();
      return phrases.length > 0 && phrases.every((p) => hay.includes(p.text.toLowerCase()));
    })
    .map((r) => r.url)
    .sort();
}

const CASES: Array<[string, string[]]> = [
  // Full names, and the decoys they must not find.
  ['江门高新区', ['jiangmen']],
  ['成都高新区', ['chengdu']], // not 成都 … 苏州高新区
  ['长春净月高新区', ['jingyue']],
  ['黄石大冶湖高新区', ['dayehu']],
  // Short forms.
  ['江门', ['jiangmen', 'jiangmen-city', 'markup']], // not 江苏…门户, 长江，门类, 珠江 / 门户, nor a 江门高新区 source line
  ['净月', ['jingyue']], // not 洁净 … 本月
  ['大冶湖', ['dayehu']], // not 大冶市 … 湖北, nor 大冶 湖区
  ['佛山', ['foshan-title', 'foshan-text']], // one of them in its title only
  ['成都', ['chengdu', 'chengdu-suzhou']],
  // Parts of names.
  ['高新', ['jiangmen', 'jiangsu-portal', 'chengdu', 'chengdu-suzhou', 'jingyue', 'dayehu', 'foshan-title', 'foshan-text', 'aigc']],
  ['江门高', ['jiangmen']],
  ['门户', ['jiangsu-portal', 'river-gate']],
  // Latin words and numbers.
  ['AI', ['aigc', 'ai']], // AIGC by prefix, ＡＩ in full width
  ['aigc', ['aigc']],
  ['5G基站', ['aigc']],
  ['COVID-19', ['ai']],
  ['script', ['markup']],
  // Several phrases.
  ['江门 高新区', ['jiangmen']],
  ['火星基地', []],
];

describe('search page, Chinese', () => {
  it.each(CASES)('%s', async (query, slugs) => {
    await typeQuery(page, query);
    expect((await resultLinks(page)).sort()).toEqual(urls(...slugs));
    expect(urls(...slugs)).toEqual(oracle(query));
    const status = await page.textContent('#search-status');
    expect(status).toBe(slugs.length === 0 ? say('zh', 'search.none', { query }) : say('zh', 'search.results', { count: slugs.length, query }));
  }, 30_000);

  it('keeps the URL in step with the query', async () => {
    await typeQuery(page, '净月');
    expect(new URL(page.url()).searchParams.get('q')).toBe('净月');
  });

  it('highlights the whole phrase in excerpts and titles, as text, newest first', async () => {
    await typeQuery(page, '江门');
    expect(await resultLinks(page)).toEqual(['jiangmen', 'jiangmen-city', 'markup'].map((s) => articleUrl(s)));
    const marks = await page.$$eval('#search-results mark', (ms) => ms.map((m) => m.textContent));
    expect(marks.length).toBeGreaterThanOrEqual(3);
    expect(new Set(marks)).toEqual(new Set(['江门']));
    const excerpts = await page.$$eval('.search-result-excerpt', (ps) => ps.map((p) => p.textContent ?? ''));
    for (const e of excerpts) expect(e).not.toMatch(/[\u2063\u203F\u200B]|江 门/);
    expect(excerpts.some((e) => e.includes('<script>alert(1)</script> 与 & 符号'))).toBe(true);
    expect(await page.$$('#search-results script, #search-results b')).toHaveLength(0);
    const titles = await page.$$eval('.search-result-title a', (as) => as.map((a) => a.textContent));
    expect(titles).toContain('标记<b>测试</b>');
    const meta = await page.$$eval('.search-result-meta', (ps) => ps.map((p) => p.textContent));
    expect(meta).toContain('总第549期 · 创业孵化');
  }, 30_000);

  it('combines the exact phrase with a filter', async () => {
    await typeQuery(page, '高新区');
    await page.selectOption('#f-park', '苏州高新区');
    await waitForSearch(page, '高新区');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('park') === '苏州高新区');
    expect((await resultLinks(page)).sort()).toEqual(urls('jiangsu-portal', 'chengdu-suzhou'));
    await page.selectOption('#f-year', '2022');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2022');
    await waitForSearch(page, '高新区');
    expect((await resultLinks(page)).sort()).toEqual(urls('jiangsu-portal', 'chengdu-suzhou'));
    await typeQuery(page, '成都');
    expect((await resultLinks(page)).sort()).toEqual(urls('chengdu-suzhou'));
    await page.selectOption('#f-park', '');
    await page.selectOption('#f-year', '');
    await waitForSearch(page, '成都');
  }, 30_000);

  it('runs ?q= from the URL on load, with filters, and goes back with popstate', async () => {
    const p = await browser.newPage();
    await p.goto(`${server.origin}${BASE}search/?q=${encodeURIComponent('大冶')}`);
    await waitForSearch(p, '大冶');
    expect(await p.inputValue('#q')).toBe('大冶');
    expect((await resultLinks(p)).sort()).toEqual(urls('dayehu', 'daye-lake'));

    await p.goto(`${server.origin}${BASE}search/?q=${encodeURIComponent('高新')}&column=${encodeURIComponent('地方动态')}`);
    await waitForSearch(p, '高新');
    expect(await p.inputValue('#f-column')).toBe('地方动态');
    expect((await resultLinks(p)).sort()).toEqual(urls('jiangsu-portal', 'foshan-text'));

    await p.fill('#q', '大冶');
    await p.press('#q', 'Enter');
    await waitForSearch(p, '大冶');
    expect((await resultLinks(p)).sort()).toEqual(urls('daye-lake'));
    await p.goBack();
    await waitForSearch(p, '高新');
    expect(await p.inputValue('#q')).toBe('高新');
    expect((await resultLinks(p)).sort()).toEqual(urls('jiangsu-portal', 'foshan-text'));
    await p.close();
  }, 30_000);

  it('loads results a page at a time, and moves focus to the first new one', async () => {
    const p = await browser.newPage();
    await p.goto(`${server.origin}${BASE}search-paged/?q=${encodeURIComponent('高新')}`);
    await waitForSearch(p, '高新');
    expect(await p.$$('#search-results > li')).toHaveLength(4);
    expect(await p.textContent('button.search-more')).toBe(say('zh', 'search.more', { count: 4 }));
    const fragments = (): number => server.log.filter((l) => l.path.endsWith('.pf_fragment')).length;
    const before = fragments();
    await p.click('button.search-more');
    await p.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 8);
    expect(fragments() - before).toBe(4);
    expect(await p.evaluate(() => document.activeElement === document.querySelectorAll('#search-results > li a')[4])).toBe(true);
    expect(await p.textContent('button.search-more')).toBe(say('zh', 'search.more', { count: 1 }));
    expect((await resultLinks(p)).sort()).toEqual(
      urls('jiangmen', 'jiangsu-portal', 'chengdu', 'chengdu-suzhou', 'jingyue', 'dayehu', 'foshan-title', 'foshan-text', 'aigc'),
    );
    expect(await p.$('button.search-more')).toBeNull();
    await p.close();
  }, 30_000);

  it('agrees with a substring oracle on every 2- and 3-character run of the archive', async () => {
    const runs = new Set<string>();
    for (const r of records) {
      for (const m of `${r.title}\n${r.text}`.matchAll(/\p{Script=Han}+/gu)) {
        const s = [...m[0]];
        for (let i = 0; i + 2 <= s.length; i++) runs.add(s.slice(i, i + 2).join(''));
        for (let i = 0; i + 3 <= s.length; i += 2) runs.add(s.slice(i, i + 3).join(''));
      }
    }
    const queries = [...runs].sort();
    // The page's phrase search and query parser, called directly for every run; a string, so that the test transform leaves import() alone.
    const found = (await page.evaluate(`(async (qs) => {
      const js = await import('${BASE}js/phrase-search.js');
      const pf = await import('${BASE}pagefind/pagefind.js');
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
  }, 120_000);

  it('loaded nothing that was missing and logged no errors', () => {
    expect(server.log.filter((l) => l.status !== 200 && l.path !== '/favicon.ico')).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

describe('search page, English', () => {
  let p: Page;
  beforeAll(async () => {
    p = await browser.newPage();
    await p.goto(`${server.origin}${BASE}en/search/`);
  });
  afterAll(async () => {
    await p.close();
  });

  it.each<[string, string[]]>([
    ['江门', ['jiangmen', 'jiangmen-city', 'markup']],
    ['净月', ['jingyue']],
    ['成都高新区', ['chengdu']],
    ['AI', ['aigc', 'ai']],
  ])('%s searches the zh-CN index and links to English pages', async (query, slugs) => {
    await typeQuery(p, query);
    expect((await resultLinks(p)).sort()).toEqual(en(...slugs).sort());
    const n = slugs.length;
    expect(await p.textContent('#search-status')).toBe(say('en', 'search.results', { count: n, query }));
    expect(await p.getAttribute('html', 'lang')).toBe('en');
  }, 30_000);

  it('lists a filter on its own, newest first', async () => {
    await p.fill('#q', '');
    await p.selectOption('#f-park', '佛山高新区');
    await waitForSearch(p, '');
    expect(await resultLinks(p)).toEqual(en('foshan-title', 'foshan-text'));
    expect(await p.textContent('#search-status')).toBe('2 articles');
  }, 30_000);

  it('fetched every index file from the one zh-cn index', () => {
    const indexFiles = server.log.filter((l) => /\.pf_(index|meta|fragment|filter)$/.test(l.path));
    expect(indexFiles.length).toBeGreaterThan(0);
    for (const l of indexFiles) expect(l.path).toMatch(/\/zh-cn_[^/]*$|pagefind\.zh-cn_/);
    expect(ALL_SLUGS.length).toBe(records.length);
  });
});
