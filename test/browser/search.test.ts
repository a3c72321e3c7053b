/**
 * "Find every article that names a park, and only those": the search page a
 * reader uses, in headless Chromium, against the fixture site
 * (test/fixtures/site-seeds/: issue 549 and the decoy issue 550) served over
 * HTTP, with the page's Content-Security-Policy enforced.
 *
 * Expected result sets are computed independently of the search code, by
 * substring match over title + headings + text + source of the open data
 * export (data/issues/*.json), with the articles of a zone the query names,
 * and the key queries also have hard-coded titles, so that an oracle and a
 * page that both find nothing cannot agree vacuously. The zone search itself
 * is tested in zone-search.test.ts.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allResults, expectedStatus, instrument, oracle, pageOpener, readArticles, readTranslations, say, toEnglish, typeQuery, UI, waitForSearch, type FixtureArticle, type Ui } from './search-support.ts';
import { formatViolations, launchBrowser, runAxe } from '../support/browser.ts';
import { FIXTURE_SEEDS } from '../support/global-setup.ts';
import { builtSite } from '../support/html.ts';
import { serveSite, type SiteServer } from '../../src/serve/site-server.ts';

// ---- The oracle: what a query must find ----

/**
 * The zones the fixture's queries name, written out by hand (not by the
 * search's own code): a query that names a zone also finds every article
 * whose open-data `parks` include it.
 */
const ZONE_OF: Readonly<Record<string, string>> = {
  佛山高新区: '佛山高新区', 佛山: '佛山高新区', 江门高新区: '江门高新区', 江门: '江门高新区', '江门 高新区': '江门高新区', 成都高新区: '成都高新区', 成都: '成都高新区',
  长春净月高新区: '长春净月高新区', 净月: '长春净月高新区', 黄石大冶湖高新区: '黄石大冶湖高新区', 大冶湖: '黄石大冶湖高新区',
};

/** What a query of the fixture must find (see search-support.ts). */
const expectedFor = (query: string): string[] => oracle(articles, query, ZONE_OF[query.trim()]);

/**
 * The queries, with the titles they must find where it matters most
 * (null: the oracle alone decides). Comments name the decoys.
 */
const QUERIES: ReadonlyArray<readonly [query: string, titles: readonly string[] | null]> = [
  // Full names.
  ['佛山高新区', ['佛山高新区：打造“智造”高地', '佛山高新区：智能制造对接会举行']], // the second only in its title
  // The zone: also the article naming it only by its formal name (江门高新技术产业开发区), and one it contributed (供稿).
  ['江门高新区', ['江门高新区：首个安全应急产业孵化器揭牌', '内地与澳门深入开展科技创新创业交流对话', '江门市安全应急产业博览会开幕', '沿江产业带建设提速']],
  ['成都高新区', ['成都高新区：获批四川首个国家制造业创新中心', '成都高新区：新增国家级科技企业孵化器']], // not 成都 … 苏州高新区
  ['长春净月高新区', ['长春净月高新区：砥砺十年攀高峰', '成都高新区：新增国家级科技企业孵化器', '长春净月高新区：数字经济产业园开园']], // one in a subheading only
  ['黄石大冶湖高新区', ['黄石大冶湖高新区：构建创新创业优选地', '大冶湖高新区：孵化载体实现全覆盖']], // the zone, by its city-less name too
  // Short forms.
  ['佛山', ['佛山高新区：打造“智造”高地', '佛山高新区：智能制造对接会举行', '粤港澳大湾区陶瓷产业对接会在广州召开']],
  ['江门', ['江门高新区：首个安全应急产业孵化器揭牌', '内地与澳门深入开展科技创新创业交流对话', '江门市安全应急产业博览会开幕', '沿江产业带建设提速']], // by its source; not 江苏…门户, 长江，门类, 珠江、门户
  ['净月', ['长春净月高新区：砥砺十年攀高峰', '成都高新区：新增国家级科技企业孵化器', '长春净月高新区：数字经济产业园开园']], // not 洁净…本月, 净增…月产值
  ['大冶湖', ['黄石大冶湖高新区：构建创新创业优选地', '大冶湖高新区：孵化载体实现全覆盖']], // not 大冶市 … 湖北
  ['成都', null],
  // Parts of names.
  ['高新', null],
  ['江门高', ['江门高新区：首个安全应急产业孵化器揭牌', '内地与澳门深入开展科技创新创业交流对话', '江门市安全应急产业博览会开幕', '沿江产业带建设提速']],
  ['门户', ['江苏省科技服务门户网站正式上线', '沿江产业带建设提速']],
  // Folded as the parser folds titles (spaces dropped), this is the zone's name.
  ['江门 高新区', ['江门高新区：首个安全应急产业孵化器揭牌', '内地与澳门深入开展科技创新创业交流对话', '江门市安全应急产业博览会开幕', '沿江产业带建设提速']],
  // Latin words and numbers.
  ['AI', ['AIGC产业联盟在杭州成立', '佛山高新区：智能制造对接会举行']], // the word AI (5G+AI), full-width ＡＩ in a subheading; not email
  ['aigc', ['AIGC产业联盟在杭州成立']],
  ['aig', []], // a word of three letters is whole: not a prefix of AIGC
  ['2035', ['AIGC产业联盟在杭州成立']], // not 12035亩
  // Nothing.
  ['火星基地', []],
];

// ---- Browser plumbing ----

let root: string;
let articles: FixtureArticle[];
let translations: ReturnType<typeof readTranslations>;
let browser: Browser;
let server: SiteServer;
/** Context with the page's CSP enforced, as a reader has it. */
let context: BrowserContext;
/** Console errors, page errors, CSP violations and failed requests of every page opened with {@link open}. */
const problems: string[] = [];

const byUrl = (url: string): FixtureArticle => {
  const found = articles.find((a) => a.url === url);
  if (!found) throw new Error(`No article at ${url}`);
  return found;
};
const urlsOfTitles = (titles: readonly string[]): string[] =>
  titles
    .map((title) => {
      const found = articles.filter((a) => a.title === title);
      if (found.length !== 1) throw new Error(`Expected one article titled ${title}, found ${found.length}`);
      return found[0]!.url;
    })
    .sort();
const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/gu, (whole, name: string) => (name in values ? String(values[name]) : whole));

function issueLabel(ui: Ui, a: FixtureArticle): string {
  return fill(String(UI[ui].dict['issue.label']), { year: a.year, number: a.number, cumulative: a.cumulative });
}

const open = pageOpener(() => context, () => server.url, problems);

const queryOf = (page: Page): string | null => new URL(page.url()).searchParams.get('q');

beforeAll(async () => {
  root = builtSite('fixtures');
  articles = readArticles(root);
  translations = readTranslations(FIXTURE_SEEDS);
  [browser, server] = await Promise.all([launchBrowser(), serveSite(root)]);
  context = await browser.newContext();
  await context.addInitScript(instrument);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('the fixture archive', () => {
  it('has both issues, every decoy, and hard-coded expectations that agree with the oracle', () => {
    expect(new Set(articles.map((a) => a.cumulative))).toEqual(new Set([549, 550]));
    expect(articles.length).toBeGreaterThanOrEqual(23);
    for (const [query, titles] of QUERIES) {
      if (titles !== null) expect(expectedFor(query), query).toEqual(urlsOfTitles(titles));
    }
    expect(expectedFor('高新').length).toBeGreaterThan(10); // enough to need "more"
    // The decoys exist, so that not finding them means something.
    const all = articles.map((a) => [a.title, ...a.headings, a.text].join('\n')).join('\n');
    for (const decoy of ['江苏省科技厅上线科技服务门户', '长江，门类', '珠江、门户', '成都的企业家', '洁净室', '大冶市', '湖北省', 'email', '12035', '江门高新技术产业开发区', '来自佛山']) {
      expect(all, decoy).toContain(decoy);
    }
  });
});

describe.each<Ui>(['zh', 'en'])('search page (%s): exact result sets, typed into the box', (ui) => {
  let page: Page;
  beforeAll(async () => {
    page = await open(UI[ui].path);
    expect(await page.getAttribute('html', 'lang')).toBe(UI[ui].lang);
  });
  afterAll(() => page?.close());

  it.each(QUERIES)('%s', async (query, titles) => {
    await typeQuery(page, query);
    const expected = expectedFor(query);
    if (titles !== null) expect(expected).toEqual(urlsOfTitles(titles));
    const results = await allResults(page);
    const hrefs = results.map((r) => r.href);
    expect([...hrefs].sort()).toEqual(ui === 'en' ? expected.map(toEnglish).sort() : expected);
    expect(await page.textContent('#search-status')).toBe(expectedStatus(ui, query, expected.length));
    expect(queryOf(page)).toBe(query);

    // Titles: Chinese on the Chinese page; on the English page the translation where there is one,
    // else the Chinese title marked as Chinese.
    for (const r of results) {
      const article = byUrl(ui === 'en' ? r.href.replace(/^\/en/u, '') : r.href);
      const translated = ui === 'en' ? translations.articles.get(article.title) : undefined;
      expect(r.title).toBe(translated ?? article.title);
      if (ui === 'en') expect(r.titleLang).toBe(translated ? null : 'zh-CN');
    }
    // Newest first.
    const dates = results.map((r) => byUrl(ui === 'en' ? r.href.replace(/^\/en/u, '') : r.href).date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('shows title, issue · column and an excerpt with the match in <mark>', async () => {
    await typeQuery(page, '江门');
    const items = await page.$$eval('#search-results > li', (lis) =>
      lis.map((li) => ({
        href: li.querySelector('.search-result-title a')?.getAttribute('href') ?? '',
        heading: li.querySelector('.search-result-title')?.tagName ?? '',
        titleMarks: [...li.querySelectorAll('.search-result-title mark')].map((m) => m.textContent),
        meta: li.querySelector('.search-result-meta')?.textContent ?? '',
        columnLang: li.querySelector('.search-result-meta > span:not(:has(mark))')?.getAttribute('lang') ?? null,
        excerpt: li.querySelector('.search-result-excerpt')?.textContent ?? '',
        excerptLang: li.querySelector('.search-result-excerpt')?.getAttribute('lang') ?? null,
        excerptMarks: [...li.querySelectorAll('.search-result-excerpt mark')].map((m) => m.textContent),
        sourceMarks: [...li.querySelectorAll('.search-result-meta mark')].map((m) => m.textContent),
        markup: li.querySelectorAll('script, b, i, img').length,
      })),
    );
    expect(items).toHaveLength(4);
    for (const item of items) {
      const article = byUrl(ui === 'en' ? item.href.replace(/^\/en/u, '') : item.href);
      expect(item.heading).toMatch(/^H[2-6]$/u);
      const column = ui === 'en' ? (translations.sections.get(article.column) ?? article.column) : article.column;
      // On the English page a source with an English name shows it, the Chinese beside it.
      const shown = ui === 'en' && article.sourceEn ? `${article.sourceEn} (${article.source})` : article.source;
      const source = article.source === null ? '' : ` · ${String(UI[ui].dict['search.sourceLabel'])}${shown}`;
      expect(item.meta).toBe(`${issueLabel(ui, article)} · ${column}${source}`);
      // On the English page a column without an English name is marked as Chinese.
      expect(item.columnLang).toBe(ui === 'en' && !translations.sections.has(article.column) ? 'zh-CN' : null);
      // Marked where it is: in the excerpt, or (沿江产业带建设提速) only in the source.
      expect(item.excerptMarks.length + item.sourceMarks.length, item.excerpt).toBeGreaterThan(0);
      expect(new Set([...item.titleMarks, ...item.excerptMarks, ...item.sourceMarks])).toEqual(new Set(['江门']));
      // The excerpt is the article's own text: every piece between white space and cut marks is in it.
      // The index drops the converter's space between a number or a Latin word and a Chinese character (2022 年): so does the comparison.
      const joined = [article.title, ...article.headings, article.text].join('\n').replace(/(?<=[A-Za-z0-9])[ \t]+(?=\p{Script=Han})|(?<=\p{Script=Han})[ \t]+(?=[A-Za-z0-9])/gu, '');
      const body = joined.replace(/\s+/gu, '\n');
      for (const piece of item.excerpt.split(/[\s…]+/u).filter((p) => p !== '')) expect(body, item.excerpt).toContain(piece);
      expect(item.excerpt).not.toMatch(/[\u2063\u203F\u200B]/u);
      expect(item.markup).toBe(0);
      expect(item.excerptLang).toBe(ui === 'en' ? 'zh-CN' : null);
      // The Chinese title is highlighted wherever it is shown.
      const titleShown = ui === 'zh' || !translations.articles.has(article.title);
      expect(item.titleMarks.length > 0).toBe(titleShown && article.title.includes('江门'));
    }
  });

  it('follows a result to its page in this language', async () => {
    await typeQuery(page, '长春净月高新区');
    const first = page.locator('#search-results > li .search-result-title a').first();
    const href = (await first.getAttribute('href'))!;
    const article = byUrl(ui === 'en' ? href.replace(/^\/en/u, '') : href);
    await Promise.all([page.waitForURL((u) => u.pathname === href), first.click()]);
    expect(await page.getAttribute('html', 'lang')).toBe(UI[ui].lang);
    const h1 = (await page.locator('h1').first().textContent())?.trim();
    expect(h1).toBe(ui === 'en' ? (translations.articles.get(article.title) ?? article.title) : article.title);
    await page.goBack();
    await waitForSearch(page, '长春净月高新区');
    expect(await page.inputValue('#search-q')).toBe('长春净月高新区');
  });
});

describe('results a page at a time', () => {
  it('shows ten, then the next ones on "more", with the focus on the first new one', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('高新')}`);
    await waitForSearch(page, '高新');
    const expected = expectedFor('高新');
    expect(await page.locator('#search-results > li').count()).toBe(10);
    expect(await page.textContent('button.search-more')).toBe(say('zh', 'search.more', { count: Math.min(10, expected.length - 10) }));
    await page.click('button.search-more');
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length === n, Math.min(20, expected.length));
    expect(await page.evaluate(() => document.activeElement === document.querySelectorAll('#search-results > li .search-result-title a')[10])).toBe(true);
    expect((await allResults(page)).map((r) => r.href).sort()).toEqual(expected);
    await page.close();
  });
});

describe('the URL and history', () => {
  it('?q= runs the query on load, in both interfaces, with filters from the URL', async () => {
    const zh = await open(`/search/?q=${encodeURIComponent('长春净月高新区')}`);
    await waitForSearch(zh, '长春净月高新区');
    expect(await zh.inputValue('#search-q')).toBe('长春净月高新区');
    expect((await allResults(zh)).map((r) => r.href).sort()).toEqual(expectedFor('长春净月高新区'));
    await zh.close();

    const enPage = await open(`/en/search/?q=${encodeURIComponent('净月')}`);
    await waitForSearch(enPage, '净月');
    expect((await allResults(enPage)).map((r) => r.href).sort()).toEqual(expectedFor('净月').map(toEnglish).sort());
    await enPage.close();

    const filtered = await open(`/search/?q=${encodeURIComponent('高新区')}&park=${encodeURIComponent('佛山高新区')}&year=2023`);
    await waitForSearch(filtered, '高新区');
    expect(await filtered.inputValue('#search-park')).toBe('佛山高新区');
    expect(await filtered.inputValue('#search-year')).toBe('2023');
    expect((await allResults(filtered)).map((r) => r.href)).toEqual(urlsOfTitles(['佛山高新区：智能制造对接会举行']));
    await filtered.close();
  });

  it('follows the query as the reader types, one URL write per pause, and Back restores the previous query', async () => {
    const page = await open('/search/');
    const startLength = await page.evaluate(() => history.length);
    const query = '长春净月高新区';
    await typeQuery(page, query, 10);
    const writes = await page.evaluate(() => window.__urlWrites);
    const searches = await page.evaluate(() => window.__searchLog.map((d) => d.query));
    // Debounced: seven keystrokes make one URL write and one search when the machine keeps up
    // (a loaded CI machine may stall between keystrokes and write a prefix first). Either way the
    // burst only replaces the empty page's entry, and ends on the whole query.
    expect(writes.length).toBeGreaterThanOrEqual(1);
    expect(writes.length).toBeLessThan(query.length);
    expect(writes.at(-1)).toEqual(['replaceState', `/search/?q=${encodeURIComponent(query)}`]);
    for (const [method, url] of writes) {
      expect(method).toBe('replaceState');
      expect(query.startsWith(decodeURIComponent(new URL(url, 'http://x').searchParams.get('q') ?? ''))).toBe(true);
    }
    expect(searches.at(-1)).toBe(query);
    expect(searches.length).toBe(writes.length);
    expect(queryOf(page)).toBe(query);
    expect(await page.evaluate(() => history.length)).toBe(startLength);

    // After a pause, a new query gets its own history entry.
    await page.waitForTimeout(1200);
    await typeQuery(page, '江门');
    expect(queryOf(page)).toBe('江门');
    expect(await page.evaluate(() => history.length)).toBe(startLength + 1);
    expect((await allResults(page)).map((r) => r.href).sort()).toEqual(expectedFor('江门'));

    await page.goBack();
    await waitForSearch(page, query, searches.length + 1);
    expect(queryOf(page)).toBe(query);
    expect(await page.inputValue('#search-q')).toBe(query);
    expect((await allResults(page)).map((r) => r.href).sort()).toEqual(expectedFor(query));

    await page.goForward();
    await waitForSearch(page, '江门', searches.length + 2);
    expect(await page.inputValue('#search-q')).toBe('江门');
    expect((await allResults(page)).map((r) => r.href).sort()).toEqual(expectedFor('江门'));
    await page.close();
  });

  it('from a ?q= deep link, typing a new query at once keeps the old one in history', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('佛山')}`);
    await waitForSearch(page, '佛山');
    await typeQuery(page, '大冶湖');
    expect(queryOf(page)).toBe('大冶湖');
    await page.goBack();
    await waitForSearch(page, '佛山', 2);
    expect(await page.inputValue('#search-q')).toBe('佛山');
    expect((await allResults(page)).map((r) => r.href).sort()).toEqual(expectedFor('佛山'));
    await page.close();
  });

  it('does not search the romanization while an input method is composing', async () => {
    const page = await open('/search/');
    const cdp = await context.newCDPSession(page);
    await page.focus('#search-q');
    for (const partial of ['j', 'jiang', 'jiangmen']) {
      await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
    }
    await page.waitForTimeout(600); // well past the debounce
    expect(await page.evaluate(() => window.__searchLog.length)).toBe(0);
    expect(await page.evaluate(() => window.__urlWrites.length)).toBe(0);
    await cdp.send('Input.insertText', { text: '江门' }); // the reader picks the candidate
    await waitForSearch(page, '江门');
    expect(await page.evaluate(() => window.__searchLog.map((d) => d.query))).toEqual(['江门']);
    expect(queryOf(page)).toBe('江门');
    expect((await allResults(page)).map((r) => r.href).sort()).toEqual(expectedFor('江门'));
    await cdp.detach();
    await page.close();
  });
});

describe('filters', () => {
  const withFilters = (query: string, park: string | null, year: number | null): string[] => {
    const found = new Set(expectedFor(query));
    return articles
      .filter((a) => found.has(a.url) && (park === null || a.parks.includes(park)) && (year === null || a.year === year))
      .map((a) => a.url)
      .sort();
  };

  it('park and year narrow the results, and the URL carries them', async () => {
    const page = await open('/search/');
    await typeQuery(page, '高新区');
    expect((await allResults(page)).map((r) => r.href).sort()).toEqual(withFilters('高新区', null, null));

    let n = await page.evaluate(() => window.__searchLog.length);
    await page.selectOption('#search-park', '佛山高新区');
    await waitForSearch(page, '高新区', n);
    expect((await allResults(page)).map((r) => r.href).sort()).toEqual(withFilters('高新区', '佛山高新区', null));
    expect(withFilters('高新区', '佛山高新区', null)).toEqual(urlsOfTitles(['佛山高新区：打造“智造”高地', '佛山高新区：智能制造对接会举行']));
    expect(new URL(page.url()).searchParams.get('park')).toBe('佛山高新区');

    n = await page.evaluate(() => window.__searchLog.length);
    await page.selectOption('#search-year', '2023');
    await waitForSearch(page, '高新区', n);
    expect((await allResults(page)).map((r) => r.href)).toEqual(urlsOfTitles(['佛山高新区：智能制造对接会举行']));
    expect(new URL(page.url()).searchParams.get('year')).toBe('2023');

    n = await page.evaluate(() => window.__searchLog.length);
    await page.selectOption('#search-park', '');
    await waitForSearch(page, '高新区', n);
    const in2023 = withFilters('高新区', null, 2023);
    expect(in2023.length).toBeGreaterThan(1);
    expect((await allResults(page)).map((r) => r.href).sort()).toEqual(in2023);

    n = await page.evaluate(() => window.__searchLog.length);
    await page.selectOption('#search-year', '2022');
    await waitForSearch(page, '高新区', n);
    expect((await allResults(page)).map((r) => r.href).sort()).toEqual(withFilters('高新区', null, 2022));

    // Filters change history entries: Back returns to 2023.
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2023');
    await waitForSearch(page, '高新区', n + 1);
    expect(await page.inputValue('#search-year')).toBe('2023');
    expect((await allResults(page)).map((r) => r.href).sort()).toEqual(in2023);
    await page.close();
  });

  it.each<[Ui, string]>([
    ['zh', 'foshan'],
    ['zh', 'jiangmen'],
    ['zh', 'changchun-jingyue'],
    ['en', 'huangshi-dayehu'],
    ['en', 'jiangmen'],
  ])('a park page (%s, %s) links to a search filtered to that park, which lists the park\'s articles', async (ui, slug) => {
    const prefix = ui === 'en' ? '/en' : '';
    const page = await open(`${prefix}/parks/${slug}/`);
    const listed = (await page.$$eval('main .article-list__title', (links) => links.map((a) => a.getAttribute('href') ?? ''))).sort();
    const link = page.locator(`main a[href*="search/?park="]`);
    expect(await link.count()).toBe(1);
    const href = (await link.getAttribute('href'))!;
    expect(new URL(href, page.url()).pathname).toBe(`${prefix}/search/`);
    await Promise.all([page.waitForURL((u) => u.pathname === `${prefix}/search/`), link.click()]);
    await waitForSearch(page, '');
    const park = await page.inputValue('#search-park');
    expect(park).not.toBe('');
    expect(new URL(page.url()).searchParams.get('park')).toBe(park);
    const expected = articles.filter((a) => a.parks.includes(park)).map((a) => `${prefix}${a.url}`).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(listed).toEqual(expected);
    expect((await allResults(page)).map((r) => r.href).sort()).toEqual(expected);
    expect(await page.textContent('#search-status')).toBe(expectedStatus(ui, '', expected.length));
    await page.close();
  });
});

describe('keyboard only', () => {
  it('skip link, Tab to the box, type, Enter; Tab to the first result and Enter opens it', async () => {
    const page = await open('/search/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');

    const after = await page.evaluate(() => window.__searchLog.length);
    await page.keyboard.type('成都高新区');
    await page.keyboard.press('Enter');
    await waitForSearch(page, '成都高新区', after);
    expect(queryOf(page)).toBe('成都高新区');
    const expected = expectedFor('成都高新区');
    expect((await allResults(page)).map((r) => r.href).sort()).toEqual(expected);

    const first = await page.locator('#search-results > li .search-result-title a').first().getAttribute('href');
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement === document.querySelector('#search-results > li a'));
    }
    expect(reached, 'Tab reaches the first result').toBe(true);
    await Promise.all([page.waitForURL((u) => u.pathname === first), page.keyboard.press('Enter')]);
    expect((await page.locator('h1').first().textContent())?.trim()).toBe(byUrl(first!).title);
    await page.close();
  });
});

describe('when the search cannot run', () => {
  it.each<Ui>(['zh', 'en'])('says so in the page’s own words (%s), and the form stays usable', async (ui) => {
    const ctx = await browser.newContext();
    try {
      const page = await ctx.newPage();
      // The index cannot be fetched: a dropped connection, or a site copied without its pagefind/ folder.
      await page.route('**/pagefind/**', (route) => route.abort('connectionfailed'));
      await page.goto(`${new URL(UI[ui].path.slice(1), server.url).href}?q=${encodeURIComponent('江门')}`);
      await page.waitForFunction(() => document.getElementById('search-form')?.dataset.searchState === 'done');
      expect(await page.textContent('#search-status')).toBe(say(ui, 'search.error'));
      expect(say(ui, 'search.error').length).toBeGreaterThan(10);
      expect(await page.locator('#search-results li').count()).toBe(0);
      expect(await page.locator('#search-q').isEditable()).toBe(true);
    } finally {
      await ctx.close();
    }
  });
});

describe('accessibility and security', () => {
  it.each<[Ui, string]>([
    ['zh', '江门'],
    ['en', '江门'],
    ['zh', '高新'],
  ])('axe finds no violations on the %s search page showing results for %s', async (ui, query) => {
    const axeContext = await browser.newContext({ bypassCSP: true });
    await axeContext.addInitScript(instrument);
    try {
      const page = await open(`${UI[ui].path}?q=${encodeURIComponent(query)}`, axeContext);
      await waitForSearch(page, query);
      expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
      const results = await runAxe(page);
      expect(results.violations, formatViolations(results.violations)).toEqual([]);
    } finally {
      await axeContext.close();
    }
  });

  it('the search page declares a CSP that allows WebAssembly and nothing looser', async () => {
    const page = await open('/search/');
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toBeTruthy();
    const scriptSrc = csp!.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toContain("'wasm-unsafe-eval'");
    expect(scriptSrc).not.toMatch(/'unsafe-eval'|'unsafe-inline'/u);
    await page.close();
  });

  it('the CSP watch works: a blocked inline script is reported', async () => {
    const ctx = await browser.newContext();
    await ctx.addInitScript(instrument);
    try {
      const page = await ctx.newPage();
      await page.goto(new URL('search/', server.url).href);
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true;';
        document.body.append(s);
      });
      await page.waitForFunction(() => window.__cspViolations.length > 0);
      expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
      expect((await page.evaluate(() => window.__cspViolations))[0]).toMatch(/script-src/u);
    } finally {
      await ctx.close();
    }
  });

  it('no page logged an error, failed a request or violated its Content-Security-Policy', () => {
    expect(problems).toEqual([]);
  });
});
