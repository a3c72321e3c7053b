/**
 * "Any name of a high-tech zone finds every article about it": the real
 * search page of the zone fixture (test/fixtures/zone-seeds/, issue 551:
 * zones named by nickname, former name, province first, 国家 inserted,
 * formal name only, and decoys for each), in both interfaces, in headless
 * Chromium with the page's CSP enforced.
 *
 * What a query must find is said twice, independently of the search code:
 * the titles, written out, and the oracle (the typed text in title, text or
 * source, or the zone, written out here, in the open data's `parks`).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type SiteServer } from '../../src/serve/site-server.ts';
import { formatViolations, launchBrowser, runAxe } from '../support/browser.ts';
import { ZONE_SEEDS } from '../support/global-setup.ts';
import { builtSite } from '../support/html.ts';
import { allResults, instrument, oracle, pageOpener, readArticles, readTranslations, say, toEnglish, UI, waitForSearch, type FixtureArticle, type Ui } from './search-support.ts';

type Case = readonly [query: string, zone: string | null, titles: readonly string[]];

const CASES: readonly Case[] = [
  // Nicknames: the articles never contain the typed zone name.
  ['东湖高新区', '东湖高新区', ['光谷：打造世界光谷']],
  ['光谷', '东湖高新区', ['光谷：打造世界光谷', '光谷科创大走廊建设推进', '长春光谷正乘势而起']], // the decoys contain 光谷 itself
  ['中国光谷', '东湖高新区', ['光谷：打造世界光谷']],
  ['Wuhan East Lake', '东湖高新区', ['光谷：打造世界光谷']],
  ['长沙高新区', '长沙高新区', ['麓谷企业加速出海']],
  ['麓谷', '长沙高新区', ['麓谷企业加速出海']],
  ['张江高新区', '张江高新区', ['张江科学城引进研发中心']], // not 记者张江
  ['杭州高新区', '杭州高新区', ['杭州滨江创新企业倍增']],
  ['高新区（滨江）', '杭州高新区', ['杭州滨江创新企业倍增']],
  ['滨江', '杭州高新区', ['杭州滨江创新企业倍增', '市民沿滨江步道晨练']], // the promenade contains 滨江 itself
  // Former names.
  ['深圳高新区', '深圳高新区', ['深圳科技工业园的早期岁月']],
  ['深圳科技工业园', '深圳高新区', ['深圳科技工业园的早期岁月']],
  ['无锡高新区', '无锡高新区', ['从无锡新区到新吴']],
  ['无锡新区', '无锡高新区', ['从无锡新区到新吴']],
  // A province or city first, 国家 inserted, the formal name only.
  ['合肥高新区', '合肥高新区', ['量子产业在合肥集聚']],
  ['安徽省合肥高新区', '合肥高新区', ['量子产业在合肥集聚']],
  ['合肥', '合肥高新区', ['量子产业在合肥集聚']],
  ['黄石大冶湖高新区', '黄石大冶湖高新区', ['湖北黄石培育新材料集群', '大冶湖畔新项目落地']],
  ['湖北黄石大冶湖高新区', '黄石大冶湖高新区', ['湖北黄石培育新材料集群', '大冶湖畔新项目落地']],
  ['大冶湖', '黄石大冶湖高新区', ['湖北黄石培育新材料集群', '大冶湖畔新项目落地']],
  ['江门高新区', '江门高新区', ['江门应急装备企业参展']],
  ['江门高新技术产业开发区', '江门高新区', ['江门应急装备企业参展']],
  ['江门', '江门高新区', ['江门应急装备企业参展']], // not 江苏…门户
  // Decoys: the zone is named nowhere, or the query names no zone.
  ['苏州高新区', '苏州高新区', ['两地代表团考察交流']],
  ['成都高新区', null, []], // 成都 … 苏州高新区 is no match
  ['佛山高新区', null, []], // 佛山经济技术开发区 is another kind of zone
  ['长春净月高新区', null, []], // 净月潭 is a forest park
  ['净月', null, ['净月潭迎来滑雪季']],
  ['光谷科创大走廊', null, ['光谷科创大走廊建设推进']],
  ['省级高新区', null, ['高新区建设经验交流']],
  ['青田高新区', null, ['高新区建设经验交流']],
  ['国家高新区', null, []],
];

/** Queries naming a zone of the gazetteer that no article of the fixture names: its card says so. */
const NO_ARTICLE_YET = new Set(['成都高新区', '佛山高新区', '长春净月高新区', '净月']);

let root: string;
let articles: FixtureArticle[];
let translations: ReturnType<typeof readTranslations>;
let browser: Browser;
let server: SiteServer;
let context: BrowserContext;
const problems: string[] = [];
const open = pageOpener(() => context, () => server.url, problems);

const urlsOfTitles = (titles: readonly string[]): string[] =>
  titles.map((title) => articles.find((a) => a.title === title)?.url ?? `(no article titled ${title})`).sort();

/** Runs a query from the URL, as a link to the search does, and waits for it. */
async function search(page: Page, ui: Ui, query: string): Promise<void> {
  await page.goto(new URL(`${UI[ui].path.slice(1)}?q=${encodeURIComponent(query)}`, server.url).href);
  await waitForSearch(page, query.trim());
}

beforeAll(async () => {
  root = builtSite('zones');
  articles = readArticles(root);
  translations = readTranslations(ZONE_SEEDS);
  [browser, server] = await Promise.all([launchBrowser(), serveSite(root)]);
  context = await browser.newContext();
  await context.addInitScript(instrument);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('the zone fixture', () => {
  it('has every case, and hard-coded expectations that agree with the oracle', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    for (const [query, zone, titles] of CASES) expect(oracle(articles, query, zone ?? undefined), query).toEqual(urlsOfTitles(titles));
    // Zone queries whose articles never contain what was typed.
    const unseen = CASES.filter(([query, , titles]) => titles.length > 0 && oracle(articles, query).length === 0);
    expect(unseen.length).toBeGreaterThanOrEqual(8);
  });
});

describe.each<Ui>(['zh', 'en'])('zone search (%s)', (ui) => {
  let page: Page;
  beforeAll(async () => {
    page = await open(UI[ui].path);
  });
  afterAll(() => page?.close());

  it.each(CASES)('%s', async (query, zone, titles) => {
    await search(page, ui, query);
    const expected = urlsOfTitles(titles);
    const found = (await allResults(page)).map((result) => result.href).sort();
    expect(found).toEqual(ui === 'en' ? expected.map(toEnglish).sort() : expected);
    const card = page.locator('#search-zone .zone-card');
    expect(await card.count()).toBe((zone !== null && titles.length > 0) || NO_ARTICLE_YET.has(query) ? 1 : 0);
    if (NO_ARTICLE_YET.has(query)) expect(await card.locator('.zone-card__link').textContent()).toContain(say(ui, 'search.zoneNoArticles'));
  });

  it('says which zone a result names when it does not contain what was typed, and marks that name', async () => {
    await search(page, ui, '东湖高新区');
    const item = page.locator('#search-results > li').first();
    const zone = ui === 'en' ? 'Wuhan East Lake' : '东湖高新区';
    expect(await item.locator('.search-result-note').textContent()).toBe(say(ui, 'search.mentionsAs', { zone, form: '光谷' }));
    expect(await item.locator('.search-result-excerpt mark').allTextContents()).toContain('光谷');
    await search(page, ui, '光谷');
    // Found by the typed text: no note.
    expect(await page.locator('.search-result-note').count()).toBe(0);
  });

  it('shows a card for the zone: its name in this language, full name, province, articles and page', async () => {
    await search(page, ui, '麓谷');
    const card = page.locator('#search-zone .zone-card');
    const title = ui === 'en' ? `${say(ui, 'park.zoneName', { zone: 'Changsha' })} 长沙高新区` : '长沙高新区';
    expect((await card.locator('h2').textContent())?.trim()).toBe(title);
    expect(await card.locator('.zone-card__facts').textContent()).toBe(`长沙高新技术产业开发区 · ${ui === 'en' ? 'Hunan' : '湖南'}`);
    const link = card.locator('a');
    expect(await link.textContent()).toBe(`${say(ui, 'search.zoneArticles', { count: 1 })} · ${say(ui, 'search.zonePage')}`);
    await Promise.all([page.waitForURL((url) => url.pathname === `${ui === 'en' ? '/en' : ''}/parks/changsha/`), link.click()]);
    expect(await page.locator('h1').textContent()).toBe(ui === 'en' ? 'Changsha High-tech Zone' : '长沙高新区');
  });
});

describe('what a zone search downloads', () => {
  it('looks up no index chunk when the zone’s articles hold every article containing the query, and does when they do not', async () => {
    const chunks = async (query: string): Promise<number> => {
      const page = await open(UI.zh.path);
      const fetched: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('.pf_index')) fetched.push(request.url());
      });
      await search(page, 'zh', query);
      await page.close();
      return fetched.length;
    };
    expect(await chunks('江门高新区')).toBe(0);
    // Two phrases, which an article may hold apart without naming the zone: the text is looked up.
    expect(await chunks('江门 高新区')).toBeGreaterThan(0);
    // 光谷 is also in 光谷科创大走廊, which names no zone: the text is looked up.
    expect(await chunks('光谷')).toBeGreaterThan(0);
  });
});

describe('the park page, the park filter and the zone search', () => {
  it('give the same articles for every zone the archive names', async () => {
    const zones = [...new Set(articles.flatMap((a) => a.parks))];
    expect(zones.length).toBeGreaterThanOrEqual(10);
    const page = await open('/search/');
    for (const zone of zones) {
      const byZone = articles.filter((a) => a.parks.includes(zone)).map((a) => a.url).sort();
      await search(page, 'zh', zone);
      expect((await allResults(page)).map((r) => r.href).sort(), `search ${zone}`).toEqual(byZone);
      await page.goto(new URL(`search/?park=${encodeURIComponent(zone)}`, server.url).href);
      await waitForSearch(page, '');
      expect((await allResults(page)).map((r) => r.href).sort(), `filter ${zone}`).toEqual(byZone);
      const card = page.locator('#search-zone .zone-card');
      expect(await card.count()).toBe(0);
      await search(page, 'zh', zone);
      const parkPage = await page.locator('#search-zone .zone-card a').getAttribute('href');
      await page.goto(new URL((parkPage ?? '').slice(1), server.url).href);
      const listed = await page.$$eval('main .article-list a.article-list__title', (links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(listed.sort(), `park page ${zone}`).toEqual(byZone);
    }
    await page.close();
  }, 120_000);
});

describe('suggestions while typing', () => {
  it.each<[Ui, string, string]>([
    ['zh', '佛', ''],
    ['zh', '光', '东湖高新区 · 湖北 · 1 篇'],
    ['zh', '大冶', '黄石大冶湖高新区 · 湖北 · 2 篇'],
    ['en', 'wu', 'Wuhan East Lake (东湖高新区) · Hubei · 1 article'],
    ['en', 'chang', 'Changsha (长沙高新区) · Hunan · 1 article'],
  ])('%s %s', async (ui, typed, first) => {
    const page = await open(UI[ui].path);
    await page.locator('#search-q').pressSequentially(typed);
    const options = page.locator('#search-suggestions [role="option"]');
    if (first === '') {
      await expect.poll(() => page.getAttribute('#search-q', 'aria-expanded')).toBe('false');
      expect(await options.count()).toBe(0);
    } else {
      await expect.poll(() => options.first().textContent()).toBe(first);
      expect(await page.getAttribute('#search-q', 'aria-expanded')).toBe('true');
    }
    await page.close();
  });

  it('works by keyboard: Down marks an option, Enter searches for its zone, Escape closes', async () => {
    const page = await open('/search/');
    const box = page.locator('#search-q');
    await box.pressSequentially('麓');
    await expect.poll(() => page.locator('#search-suggestions [role="option"]').count()).toBe(1);
    expect(await box.getAttribute('role')).toBe('combobox');
    expect(await box.getAttribute('aria-controls')).toBe('search-suggestions');
    await page.keyboard.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe('search-suggestions-0');
    expect(await page.getAttribute('#search-suggestions-0', 'aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await waitForSearch(page, '长沙高新区');
    expect(await box.inputValue()).toBe('长沙高新区');
    expect(new URL(page.url()).searchParams.get('q')).toBe('长沙高新区');
    expect(await page.getAttribute('#search-q', 'aria-expanded')).toBe('false');
    expect((await allResults(page)).map((r) => r.href)).toEqual(urlsOfTitles(['麓谷企业加速出海']));
    await box.fill('');
    await box.pressSequentially('光');
    await expect.poll(() => page.getAttribute('#search-q', 'aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await page.getAttribute('#search-q', 'aria-expanded')).toBe('false');
    expect(await page.locator('#search-suggestions').isHidden()).toBe(true);
    await page.close();
  });

  it('Tab leaves the box for the Search button, however long the list of suggestions', async () => {
    const page = await open('/en/search/');
    await page.locator('#search-q').pressSequentially('高新');
    await expect.poll(() => page.locator('#search-suggestions [role="option"]').count()).toBe(8);
    // A list taller than its box scrolls, and Chromium puts scrolling boxes in the tab order unless told not to.
    expect(await page.$eval('#search-suggestions', (list) => list.scrollHeight > list.clientHeight)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.matches('#search-form button[type="submit"]'))).toBe(true);
    expect(await page.getAttribute('#search-q', 'aria-expanded')).toBe('false');
    await page.close();
  });

  it('a click chooses a zone as well', async () => {
    const page = await open('/en/search/');
    await page.locator('#search-q').pressSequentially('shen');
    await page.locator('#search-suggestions [role="option"]').first().click();
    // The English page keeps English in the box: the place name, which names the zone as its Chinese name does.
    await waitForSearch(page, 'Shenzhen');
    expect(await page.locator('#search-q').inputValue()).toBe('Shenzhen');
    expect((await allResults(page)).map((r) => r.href)).toEqual(urlsOfTitles(['深圳科技工业园的早期岁月']).map(toEnglish));
    await page.close();
  });
});

describe('accessibility', () => {
  it.each<Ui>(['zh', 'en'])('axe finds nothing with a zone card and notes shown, nor with the suggestions open (%s)', async (ui) => {
    // axe is injected as an inline script: a context that lets it past the page's CSP.
    const axeContext = await browser.newContext({ bypassCSP: true });
    await axeContext.addInitScript(instrument);
    const page = await open(UI[ui].path, axeContext);
    await search(page, ui, '东湖高新区');
    expect(await page.locator('#search-zone .zone-card').count()).toBe(1);
    const withCard = await runAxe(page);
    expect(withCard.violations, formatViolations(withCard.violations)).toEqual([]);
    await page.locator('#search-q').fill('');
    await page.locator('#search-q').pressSequentially('光');
    await expect.poll(() => page.getAttribute('#search-q', 'aria-expanded')).toBe('true');
    const withList = await runAxe(page);
    expect(withList.violations, formatViolations(withList.violations)).toEqual([]);
    await axeContext.close();
  });

  it('no page logged an error, failed a request or violated its Content-Security-Policy', () => {
    expect(problems).toEqual([]);
    expect(translations.articles.size).toBeGreaterThan(0);
  });
});
