/**
 * The English interface in English, in headless Chromium over HTTP on the
 * fixture site (issues 549 and 550, with English titles): sources named in
 * English on every page that shows them (the search results too), the
 * Chinese original marked where there is no English name (the hostile
 * site's sources); the colophon and the English reference; the province
 * tiles of /en/parks/ named in English within their squares; and English
 * text drawn without full-width glyphs, while Chinese keeps them.
 * Expected names come from the open data (`sourceEn`) and are also written
 * out here for the key sources, so the page and the data cannot agree on nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { builtSite } from '../support/html.ts';
import { serveSite, type SiteServer } from '../../src/serve/site-server.ts';
import { instrument, waitForSearch } from './search-support.ts';

interface Article { url: string; title: string; source: string | null; sourceEn: string | null; parks: string[] }
interface Issue { cumulative: number; sections: { articles: Article[] }[] }

let browser: Browser;
let context: BrowserContext;
let servers: SiteServer[];
let site: SiteServer;
let hostile: SiteServer;
let articles: Article[];

beforeAll(async () => {
  const root = builtSite('fixtures');
  articles = [549, 550].flatMap((n) => (JSON.parse(readFileSync(path.join(root, 'data', 'issues', `${n}.json`), 'utf8')) as Issue).sections.flatMap((section) => section.articles));
  [browser, site, hostile] = await Promise.all([launchBrowser(), serveSite(root), serveSite(builtSite('hostile'))]);
  servers = [site, hostile];
  context = await browser.newContext({ locale: 'en-GB' });
  await context.addInitScript(instrument);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await Promise.all((servers ?? []).map((server) => server.close()));
});

async function open(server: SiteServer, urlPath: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(new URL(urlPath.replace(/^\//u, ''), server.url).href);
  expect(response?.status(), urlPath).toBe(200);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

/** Every source name a page shows: its text and its lang attribute. */
const sourceNames = (page: Page) => page.$$eval('.source-name', (nodes) => nodes.map((node) => ({ text: node.textContent ?? '', lang: node.getAttribute('lang') })));

const HAN = /\p{Script=Han}/u;

describe('sources on English pages', () => {
  it('are English where the data has an English name: the Torch Center, zones under any of their names', () => {
    const named = new Map(articles.map((article) => [article.source, article.sourceEn]));
    expect(named.get('科技部火炬中心')).toBe('Torch High Technology Industry Development Center, MOST');
    expect(named.get('佛山高新区')).toBe('Foshan High-tech Zone');
    expect(named.get('大冶湖高新区')).toBe('Huangshi Dayehu High-tech Zone');
    expect(named.get('江苏省科技厅')).toBe('Department of Science and Technology of Jiangsu Province');
  });

  it('show that name on the home, issue, article, column and park pages, and Chinese only marked zh-CN', async () => {
    const english = new Set(articles.flatMap((article) => (article.sourceEn ? [article.sourceEn] : [])));
    const seen = new Set<string>();
    const foshan = articles.find((article) => article.source === '佛山高新区')!;
    for (const urlPath of ['/en/', '/en/issues/549/', '/en/issues/550/', `/en${foshan.url}`, '/en/parks/foshan/', '/en/parks/huangshi-dayehu/', '/en/issues/549/print/']) {
      const page = await open(site, urlPath);
      const names = await sourceNames(page);
      expect(names.length, urlPath).toBeGreaterThan(0);
      for (const { text, lang } of names) {
        if (HAN.test(text)) expect(lang, `${urlPath}: ${text}`).toBe('zh-CN');
        else {
          expect(english, `${urlPath}: ${text}`).toContain(text);
          expect(lang, `${urlPath}: ${text}`).toBeNull();
          seen.add(text);
        }
      }
      await page.close();
    }
    expect(seen).toContain('Foshan High-tech Zone');
    expect(seen).toContain('Huangshi Dayehu High-tech Zone');
    expect(seen).toContain('Torch High Technology Industry Development Center, MOST');
  });

  it('keep the Chinese original beside the English name on the article page', async () => {
    const foshan = articles.find((article) => article.source === '佛山高新区')!;
    const page = await open(site, `/en${foshan.url}`);
    expect(await page.locator('.article__meta dd').first().innerText()).toBe('Foshan High-tech Zone (佛山高新区)');
    expect(await page.locator('.article__meta dd [lang="zh-CN"]').first().innerText()).toBe('佛山高新区');
    await page.close();
  });

  it('stay Chinese, marked zh-CN, where a source has no English name', async () => {
    const page = await open(hostile, '/en/issues/551/');
    const names = await sourceNames(page);
    const chinese = names.filter(({ text }) => HAN.test(text));
    expect(chinese.length).toBeGreaterThan(0);
    for (const { text, lang } of chinese) expect(lang, text).toBe('zh-CN');
    expect(names.map(({ text }) => text)).toContain('Torch High Technology Industry Development Center, MOST');
    await page.close();
  });

  it('are English in the English search results and Chinese in the Chinese ones', async () => {
    for (const [urlPath, expected, lang] of [['/en/search/?q=%E4%BD%9B%E5%B1%B1%E9%AB%98%E6%96%B0%E5%8C%BA', 'Foshan High-tech Zone', null], ['/search/?q=%E4%BD%9B%E5%B1%B1%E9%AB%98%E6%96%B0%E5%8C%BA', '佛山高新区', null]] as const) {
      const page = await open(site, urlPath);
      await waitForSearch(page, '佛山高新区');
      const names = await page.$$eval('#search-results .source-name', (nodes) => nodes.map((node) => ({ text: node.textContent ?? '', lang: node.getAttribute('lang') })));
      expect(names, urlPath).toContainEqual({ text: expected, lang });
      if (urlPath.startsWith('/en/')) for (const name of names) expect(HAN.test(name.text) ? name.lang : null, name.text).toBe(HAN.test(name.text) ? 'zh-CN' : null);
      await page.close();
    }
  });
});

describe('the English issue and article pages', () => {
  it('name the masthead’s offices in English and its editors in pinyin, the Chinese beside them', async () => {
    const page = await open(site, '/en/issues/549/');
    const offices = await page.locator('.colophon__contact h3').allInnerTexts();
    expect(offices).toEqual(['Torch High Technology Industry Development Center, Ministry of Science and Technology (科技部火炬高技术产业开发中心)', 'Editorial Office (编辑部)']);
    expect(await page.locator('.colophon__editors dd').innerText()).toBe('Tian Shuanlin, Fan Zitian, Ye Wei (田栓林、樊子天、叶伟)');
    expect(await page.locator('.colophon [lang="zh-CN"]').count()).toBeGreaterThanOrEqual(5);
    await page.close();
  });

  it('give the English reference the source’s English name, also once the page has put in the reader’s day', async () => {
    const foshan = articles.find((article) => article.source === '佛山高新区')!;
    const page = await open(site, `/en${foshan.url}`);
    await page.waitForFunction(() => document.querySelector('button[data-copy]')?.hasAttribute('hidden') === false);
    const reference = await page.locator('[data-cite="reference"]').innerText();
    expect(reference.startsWith('Foshan High-tech Zone (佛山高新区). (2022, November 30). 佛山高新区：打造“智造”高地 [')).toBe(true);
    await page.close();
  });
});

describe('the province tiles of /en/parks/', () => {
  it('name every division in English, within its square, and by no ISO code', async () => {
    const page = await open(site, '/en/parks/');
    const tiles = await page.$$eval('figure.chart--tiles svg.chart__svg g[class^="tile--"]', (groups) =>
      groups.map((group) => {
        const box = group.querySelector<SVGRectElement>('rect.tile')!.getBBox();
        const names = [...group.querySelectorAll<SVGTextElement>('text.tile__name')];
        return {
          name: names.map((text) => text.textContent ?? '').join(' ').replace('- ', ''),
          inside: names.every((text) => {
            const b = text.getBBox();
            return b.x >= box.x + 1 && b.x + b.width <= box.x + box.width - 1 && b.y >= box.y && b.y + b.height <= box.y + box.height;
          }),
        };
      }),
    );
    const table = await page.$$eval('figure.chart--tiles table tbody th', (cells) => cells.map((cell) => cell.textContent ?? ''));
    expect(tiles).toHaveLength(34);
    expect(tiles.map((tile) => tile.name).sort()).toEqual([...table].sort());
    for (const tile of tiles) {
      expect(tile.inside, tile.name).toBe(true);
      expect(tile.name, tile.name).not.toMatch(/^[A-Z]{2}$/u);
    }
    expect(tiles.map((tile) => tile.name)).toEqual(expect.arrayContaining(['Heilongjiang', 'Inner Mongolia', 'Henan', 'Hebei']));
    await page.close();
  });
});

describe('glyphs', () => {
  /** The advance of the `index`-th character of the first element matching `selector` that contains `char`, in ems of its font size. */
  const widthOf = (page: Page, selector: string, char: string, last = false) =>
    page.evaluate(
      ([selector, char, last]) => {
        for (const element of document.querySelectorAll(selector)) {
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? '';
            const at = last ? text.lastIndexOf(char) : text.indexOf(char);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 1);
            return range.getBoundingClientRect().width / Number.parseFloat(getComputedStyle(node.parentElement!).fontSize);
          }
        }
        return null;
      },
      [selector, char, last] as const,
    );

  it('draws the quotes of an English status line narrow, and a Chinese one’s full width', async () => {
    for (const [urlPath, narrow] of [['/en/search/?q=qqzzxx', true], ['/search/?q=qqzzxx', false]] as const) {
      const page = await open(site, urlPath);
      await waitForSearch(page, 'qqzzxx');
      const open_ = await widthOf(page, '#search-status', '“');
      const close = await widthOf(page, '#search-status', '”');
      expect(open_, urlPath).not.toBeNull();
      if (narrow) {
        expect(open_!, urlPath).toBeLessThan(0.6);
        expect(close!, urlPath).toBeLessThan(0.6);
      } else {
        expect(open_!, urlPath).toBeGreaterThan(0.9);
        expect(close!, urlPath).toBeGreaterThan(0.9);
      }
      await page.close();
    }
  });

  it('keeps the Chinese body of an English article page in Chinese typography: full-width quotes', async () => {
    const foshan = articles.find((article) => article.source === '佛山高新区')!;
    const page = await open(site, `/en${foshan.url}`);
    expect(await widthOf(page, '.article__body', '“')).toBeGreaterThan(0.9);
    expect(await widthOf(page, '.article__original-title', '“')).toBeGreaterThan(0.9);
    await page.close();
  });

  it('ends the underline of 订阅（Atom） with its closing bracket: half-width, not a full-width glyph half blank', async () => {
    const page = await open(site, '/');
    expect(await page.locator('.site-footer a.feed-link').innerText()).toBe('订阅（Atom）');
    expect(await widthOf(page, '.site-footer a.feed-link', '）', true)).toBeLessThanOrEqual(0.55);
    await page.close();
  });
});
