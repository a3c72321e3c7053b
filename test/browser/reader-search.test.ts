/**
 * "Every reader finds the zone": the real search page of the zone fixture
 * (test/fixtures/zone-seeds/, issues 551 and 552 with their English titles)
 * in both interfaces, in headless Chromium with the page's CSP enforced, for
 * readers who type English, traditional characters, a near miss, nothing, or
 * text copied with the converter's spaces. Expected results are written out
 * by title; what the page says besides is checked in the page's own strings.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type SiteServer } from '../../src/serve/site-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { builtSite } from '../support/html.ts';
import { allResults, instrument, oracle, pageOpener, readArticles, say, toEnglish, UI, waitForSearch, type FixtureArticle, type Ui } from './search-support.ts';

/** A query, the titles it finds, and the zone whose card it shows (`!` after the name: a card saying no article names it yet). */
type Case = readonly [query: string, titles: readonly string[], card: string | null];

const CREATING = ['首批孵化器通过评估', '着力打造创业服务体系', '著名企业家走进园区', '人工智能质检走进车间', '空气质量监测平台上线', '园区提出倍增目标', '澳门青年创业团队落户横琴'];
const TOURING = ['生物医药企业在园区集聚', '中山火炬高新区打造健康产业高地', '通化医药产业链加快延伸', '松山湖畔科创项目签约'];

const ENGLISH: readonly Case[] = [
  ['incubator', ['首批孵化器通过评估'], null], // Incubators; not the column's Incubation
  ['Macao', ['澳门青年创业团队落户横琴'], null],
  ['ai', ['人工智能质检走进车间'], null], // a short word is whole: not Aims, not Air
  ['air', ['空气质量监测平台上线'], null],
  ['aims', ['园区提出倍增目标'], null],
  ['Highland', ['中山火炬高新区打造健康产业高地'], null],
  ['Pharmaceutical', ['通化医药产业链加快延伸'], null],
  ['entrepreneurship', CREATING, null], // the column's English title; not Entrepreneurs
  ['Innovation Across', TOURING, null], // the column's English subtitle
  ['Suzhou', ['两地代表团考察交流', '生物医药企业在园区集聚'], '苏州高新区'], // and the article whose English page names Suzhou Industrial Park
  ['Suzhou Industrial Park', ['生物医药企业在园区集聚'], '苏州工业园区'],
  ['Zhongshan', ['中山火炬高新区打造健康产业高地'], '中山火炬高新区'],
  ['Zhangjiang', ['张江科学城引进研发中心'], '张江高新区'],
  ['Dayehu', ['湖北黄石培育新材料集群', '大冶湖畔新项目落地'], '黄石大冶湖高新区'],
  ['huangshi', ['湖北黄石培育新材料集群', '大冶湖畔新项目落地'], '黄石大冶湖高新区'],
  ['HuangshiDayehu', ['湖北黄石培育新材料集群', '大冶湖畔新项目落地'], '黄石大冶湖高新区'],
  ['Songshan', ['松山湖畔科创项目签约'], '东莞松山湖高新区'],
  ['WUHAN EAST LAKE HIGH-TECH ZONE', ['光谷：打造世界光谷'], '东湖高新区'],
  ['Lake', ['松山湖畔科创项目签约', '光谷：打造世界光谷'], null], // in two zones' English names; names neither
  // The English name of its zone and of its source, and of every article from the Torch Center (科技部火炬中心), as the English pages print it.
  ['Torch', ['中山火炬高新区打造健康产业高地', '高新区建设经验交流', '首批孵化器通过评估', '着力打造创业服务体系', '著名企业家走进园区', '人工智能质检走进车间', '空气质量监测平台上线', '园区提出倍增目标', '澳门青年创业团队落户横琴'], null],
  ['Changchun Jingyue', [], '长春净月高新区!'],
];

const TRADITIONAL: readonly Case[] = [
  ['江門高新區', ['江门应急装备企业参展'], '江门高新区'],
  ['江門', ['江门应急装备企业参展'], '江门高新区'], // not 江苏…门户
  ['東湖高新區', ['光谷：打造世界光谷'], '东湖高新区'],
  ['蘇州工業園區', ['生物医药企业在园区集聚'], '苏州工业园区'],
  ['長春淨月高新區', [], '长春净月高新区!'],
  ['中關村', [], '中关村!'],
  ['創業', ['着力打造创业服务体系', '著名企业家走进园区', '澳门青年创业团队落户横琴'], null],
  ['質檢', ['人工智能质检走进车间'], null],
  ['著名', ['著名企业家走进园区'], null], // stays 著名: not 着力
  ['著力', ['着力打造创业服务体系'], null], // is 着力: not 著名
  ['武漢光谷', ['光谷：打造世界光谷', '光谷科创大走廊建设推进'], '东湖高新区'],
];

const FORGIVING: readonly Case[] = [
  ['武汉光谷', ['光谷：打造世界光谷', '光谷科创大走廊建设推进'], '东湖高新区'], // the corridor holds 武汉光谷 itself
  ['上海张江', ['张江科学城引进研发中心'], '张江高新区'],
  ['中关村', [], '中关村!'],
  ['江们高新区', [], null],
  ['佛删', [], null],
];

const SPACING: readonly Case[] = [
  ['2022年', ['生物医药企业在园区集聚'], null], // the seed has 2022 年
  ['329家', ['生物医药企业在园区集聚'], null],
  ['329 家', ['生物医药企业在园区集聚'], null],
  ['11月22-24日', ['松山湖畔科创项目签约'], null], // 11 月 22-24 日
  ['AI质检', ['人工智能质检走进车间'], null], // AI 质检
];

const CASES = [...ENGLISH, ...TRADITIONAL, ...FORGIVING, ...SPACING];

let articles: FixtureArticle[];
let browser: Browser;
let server: SiteServer;
let context: BrowserContext;
const problems: string[] = [];
const open = pageOpener(() => context, () => server.url, problems);

const urlsOfTitles = (titles: readonly string[]): string[] => titles.map((title) => articles.find((a) => a.title === title)?.url ?? `(no article titled ${title})`).sort();
const hrefs = (ui: Ui, titles: readonly string[]): string[] => (ui === 'en' ? urlsOfTitles(titles).map(toEnglish).sort() : urlsOfTitles(titles));

async function search(page: Page, ui: Ui, query: string): Promise<void> {
  await page.goto(new URL(`${UI[ui].path.slice(1)}?q=${encodeURIComponent(query)}`, server.url).href);
  await waitForSearch(page, query.trim());
}

const found = async (page: Page): Promise<string[]> => (await allResults(page)).map((r) => r.href).sort();
const notes = (page: Page) => page.locator('#search-notes').textContent();

beforeAll(async () => {
  const root = builtSite('zones');
  articles = readArticles(root);
  [browser, server] = await Promise.all([launchBrowser(), serveSite(root)]);
  context = await browser.newContext();
  await context.addInitScript(instrument);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('the cases', () => {
  it('are more than forty, and the Chinese ones agree with the substring oracle on the simplified, unspaced text', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const unspaced = articles.map((a) => ({ ...a, text: a.text.replace(/(?<=[A-Za-z0-9])[ \t]+(?=\p{Script=Han})|(?<=\p{Script=Han})[ \t]+(?=[A-Za-z0-9])/gu, '') }));
    for (const [query, titles] of SPACING) expect(oracle(unspaced, query), query).toEqual(urlsOfTitles(titles));
    expect(oracle(articles, '著名')).toEqual(urlsOfTitles(['著名企业家走进园区']));
    expect(oracle(articles, '着力')).toEqual(urlsOfTitles(['着力打造创业服务体系']));
    // The body's space between a number and Chinese is repaired (reported); the one between a Latin word and Chinese stays for the index to ignore.
    expect(articles.find((a) => a.title === '生物医药企业在园区集聚')?.text).toContain('2022年，苏州工业园区新增生物医药企业329家');
    expect(articles.find((a) => a.title === '人工智能质检走进车间')?.text).toContain('AI 质检');
  });
});

describe.each<Ui>(['zh', 'en'])('reader search (%s)', (ui) => {
  let page: Page;
  beforeAll(async () => {
    page = await open(UI[ui].path);
  });
  afterAll(() => page?.close());

  it.each(CASES)('%s', async (query, titles, card) => {
    await search(page, ui, query);
    expect(await found(page)).toEqual(hrefs(ui, titles));
    const zoneCard = page.locator('#search-zone .zone-card');
    expect(await zoneCard.count()).toBe(card === null ? 0 : 1);
    if (card !== null) {
      const none = card.endsWith('!');
      expect(await zoneCard.getAttribute('aria-labelledby')).toBe('zone-card-title');
      expect(await zoneCard.locator('h2').textContent()).toContain(none ? card.slice(0, -1) : card);
      expect((await zoneCard.locator('.zone-card__link').textContent())?.includes(say(ui, 'search.zoneNoArticles'))).toBe(none);
    }
  });

  it('says which form a traditional query was searched in, and says nothing of the kind for a simplified one', async () => {
    await search(page, ui, '江門高新區');
    expect(await notes(page)).toBe(say(ui, 'search.searchedAs', { query: '江门高新区' }));
    expect(await page.textContent('#search-status')).toBe(say(ui, 'search.results', { count: 1, query: '江门高新区' }));
    await search(page, ui, '江门高新区');
    expect(await notes(page)).toBe('');
  });

  it.each<[string, string, string[]]>([
    ['江们高新区', '江门高新区', ['江门应急装备企业参展']],
    ['佛删', '佛山', ['佛山经济技术开发区招商']],
    ['incubater', 'incubators', ['首批孵化器通过评估']],
  ])('offers, for %s that finds nothing, a link to %s that runs that search', async (query, meant, titles) => {
    await search(page, ui, query);
    expect(await page.textContent('#search-status')).toBe(say(ui, 'search.none', { query }));
    const link = page.locator('#search-notes a');
    expect(await link.allTextContents()).toEqual([meant]);
    expect(await notes(page)).toBe(`${say(ui, 'search.didYouMean')}${ui === 'en' ? ' ' : ''}${meant}`);
    expect(new URL((await link.getAttribute('href')) ?? '', page.url()).searchParams.get('q')).toBe(meant);
    const after = await page.evaluate(() => window.__searchLog.length);
    await link.click();
    await waitForSearch(page, meant, after);
    expect(await found(page)).toEqual(hrefs(ui, titles));
    expect(new URL(page.url()).searchParams.get('q')).toBe(meant);
  });

  it.each(['', '   ', '。', '，、！'])('guides a reader whose query %j has nothing to search', async (query) => {
    await page.goto(new URL(`${UI[ui].path.slice(1)}${query === '' ? '' : `?q=${encodeURIComponent(query)}`}`, server.url).href);
    await page.waitForFunction(() => document.getElementById('search-guide')?.hidden === false);
    expect(await page.textContent('#search-status')).toBe(query.trim() === '' ? '' : say(ui, 'search.nothingToSearch', { query: query.trim() }));
    expect(await page.locator('#search-results > li').count()).toBe(0);
    const zones = page.locator('#search-guide a').last();
    expect(new URL((await zones.getAttribute('href')) ?? '', page.url()).pathname).toBe(ui === 'en' ? '/en/parks/' : '/parks/');
  });

  it('guides with examples in the page’s language, each finding articles, and names them in the placeholder', async () => {
    await page.goto(new URL(UI[ui].path.slice(1), server.url).href);
    const examples = page.locator('#search-guide .search-guide__examples a');
    const labels = await examples.allTextContents();
    expect(labels).toHaveLength(3);
    for (const label of labels) expect(/\p{Script=Han}/u.test(label)).toBe(ui === 'zh');
    expect(await page.getAttribute('#search-q', 'placeholder')).toBe(say(ui, 'search.placeholder', { examples: labels.join(say(ui, 'search.exampleSeparator')) }));
    for (const label of labels) {
      await search(page, ui, label);
      expect((await found(page)).length, label).toBeGreaterThan(0);
    }
  });

  it('marks an English match in the English title the English page shows', async () => {
    await search(page, ui, 'macao');
    expect(await page.locator('#search-results .search-result-title mark').allTextContents()).toEqual(ui === 'en' ? ['Macao'] : []);
  });

  it('shows excerpts without the converter’s spaces, the match marked', async () => {
    await search(page, ui, '329家');
    const excerpt = await page.locator('#search-results .search-result-excerpt').first().textContent();
    expect(excerpt).toContain('2022年，苏州工业园区新增生物医药企业329家');
    expect(await page.locator('#search-results .search-result-excerpt mark').allTextContents()).toEqual(['329家']);
  });
});

describe('suggestions', () => {
  it.each<[Ui, readonly string[]]>([
    ['zh', ['光', '大冶', '張', '苏州', '中山', '松']],
    ['en', ['wu', 'chang', 'shen', 'su', 'zh', 'song', 'hua']],
  ])('every zone suggested for a typed prefix leads to results, with the page’s language in the box (%s)', async (ui, prefixes) => {
    const page = await open(UI[ui].path);
    const box = page.locator('#search-q');
    const options = page.locator('#search-suggestions [role="option"]');
    let tried = 0;
    for (const prefix of prefixes) {
      await box.fill('');
      await box.pressSequentially(prefix);
      await expect.poll(() => options.count(), { message: prefix }).toBeGreaterThan(0);
      const count = await options.count();
      for (let i = 0; i < count; i++) {
        await box.fill('');
        await box.pressSequentially(prefix);
        await expect.poll(() => options.count()).toBe(count);
        const after = await page.evaluate(() => window.__searchLog.length);
        await options.nth(i).click();
        const chosen = await box.inputValue();
        await waitForSearch(page, chosen, after);
        expect(/\p{Script=Han}/u.test(chosen), chosen).toBe(ui === 'zh');
        expect((await found(page)).length, `${prefix} → ${chosen}`).toBeGreaterThan(0);
        tried++;
      }
    }
    expect(tried).toBeGreaterThanOrEqual(prefixes.length);
    await page.close();
  }, 120_000);

  it('folds traditional characters as it suggests: 東湖 suggests 东湖高新区', async () => {
    const page = await open(UI.zh.path);
    await page.locator('#search-q').pressSequentially('東湖');
    await expect.poll(() => page.locator('#search-suggestions [role="option"]').first().textContent()).toBe('东湖高新区 · 湖北 · 1 篇');
    await page.close();
  });

  it('no page logged an error, failed a request or violated its Content-Security-Policy', () => {
    expect(problems).toEqual([]);
  });
});
