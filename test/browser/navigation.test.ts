/**
 * Reading the archive in headless Chromium, against the default build served
 * over HTTP: following real links, switching language, without JavaScript,
 * from the keyboard, and on a 360 px phone. Expected titles and labels come
 * from the open data export and the UI dictionaries.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json' with { type: 'json' };
import zhCN from '../../src/i18n/zh-CN.json' with { type: 'json' };
import { launchBrowser } from '../support/browser.ts';
import { builtSite } from '../support/html.ts';
import { serveSite, type SiteServer } from '../../src/serve/site-server.ts';
import { articlesOf, english, pageKinds, readIssues, type OpenDataIssue } from '../site/helpers.ts';

const FOSHAN_TITLE = '佛山高新区：打造“智造”高地';

let browser: Browser;
let server: SiteServer;
let issue: OpenDataIssue;
let kinds: Record<string, string>;

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/gu, (_, name: string) => String(values[name]));
const issueLabel = (dictionary: typeof zhCN) => fill(dictionary['issue.label'], { year: issue.year, number: issue.number, cumulative: issue.cumulative });
const at = (path: string) => new URL(path.replace(/^\//u, ''), server.url).href;
const pathOf = (page: Page) => new URL(page.url()).pathname;

/** Click a link and wait until the browser is on the page it points to. */
async function follow(page: Page, link: ReturnType<Page['getByRole']>): Promise<void> {
  const href = await link.getAttribute('href');
  expect(href, 'link has an href').toBeTruthy();
  const target = new URL(href!, page.url());
  await Promise.all([page.waitForURL((url) => url.pathname === target.pathname), link.click()]);
}

beforeAll(async () => {
  const root = builtSite('default');
  const found = readIssues(root).find((candidate) => candidate.cumulative === 549);
  if (!found) throw new Error('The default build has no issue 549');
  issue = found;
  kinds = pageKinds(root);
  [browser, server] = await Promise.all([launchBrowser(), serveSite(root)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('reading an issue', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext();
  });
  afterAll(() => context?.close());

  it('goes home → issue 549 → the Foshan article → next article → back to the issue', async () => {
    const articles = articlesOf([issue]);
    const foshan = articles.findIndex((article) => article.title === FOSHAN_TITLE);
    expect(foshan).toBeGreaterThanOrEqual(0);
    const next = articles[foshan + 1]!;
    const label = issueLabel(zhCN);
    const page = await context.newPage();

    await page.goto(at('/'));
    expect(await page.locator('h1').textContent()).toContain('火炬动态');
    await follow(page, page.locator('main').getByRole('link', { name: label, exact: true }).first());
    expect(pathOf(page)).toBe(issue.url);
    expect(await page.locator('h1').textContent()).toContain(label);

    await follow(page, page.locator('main').getByRole('link', { name: FOSHAN_TITLE, exact: true }));
    expect(pathOf(page)).toBe(articles[foshan]!.url);
    expect(await page.locator('h1').textContent()).toBe(FOSHAN_TITLE);
    // The in-page contents list jumps to the article's own subheadings.
    const firstHeading = articles[foshan]!.headings[0]!;
    await page.locator('.article__contents').getByRole('link', { name: firstHeading }).click();
    expect(await page.evaluate(() => document.querySelector(':target')?.textContent)).toBe(firstHeading);

    await follow(page, page.getByRole('link', { name: `${zhCN['article.next']} ${next.title}` }));
    expect(pathOf(page)).toBe(next.url);
    expect(await page.locator('h1').textContent()).toBe(next.title);

    await follow(page, page.getByRole('link', { name: zhCN['article.backToIssue'] }));
    expect(pathOf(page)).toBe(issue.url);
    expect(await page.locator('h1').textContent()).toContain(label);
    await page.close();
  });

  it('switches an article to English and back, staying on the same article', async () => {
    const article = articlesOf([issue]).find((candidate) => candidate.title === FOSHAN_TITLE)!;
    const page = await context.newPage();
    await page.goto(at(article.url));
    await follow(page, page.getByRole('banner').getByRole('link', { name: zhCN['lang.switch'] }));
    expect(pathOf(page)).toBe(english(article.url));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // Translated or not, the Chinese title is on the page, marked as Chinese.
    expect(await page.locator('main [lang="zh-CN"]').getByText(FOSHAN_TITLE, { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.locator('.untranslated').textContent()).toBe(en['lang.untranslated']);
    expect(await page.locator('.article__body').getAttribute('lang')).toBe('zh-CN');

    await follow(page, page.getByRole('banner').getByRole('link', { name: en['lang.switch'] }));
    expect(pathOf(page)).toBe(article.url);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('navigates home → issue → article, with the script-only buttons hidden', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const article = articlesOf([issue])[0]!;
      await page.goto(at('/'));
      await follow(page, page.locator('main').getByRole('link', { name: issueLabel(zhCN), exact: true }).first());
      expect(await page.locator('h1').textContent()).toContain(issueLabel(zhCN));
      await follow(page, page.locator('main').getByRole('link', { name: article.title, exact: true }));
      expect(await page.locator('h1').textContent()).toBe(article.title);
      expect(await page.locator('.article__body p').count()).toBeGreaterThan(0);
      for (const button of await page.locator('button[data-print], button[data-copy]').all()) expect(await button.isVisible()).toBe(false);
      // The citation downloads are plain links.
      expect(await page.locator('.cite a[download]').count()).toBe(3);
    } finally {
      await context.close();
    }
  });
});

describe('from the keyboard', () => {
  it('focuses the skip link first, and the skip link moves focus to main', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      for (const path of [kinds.home!, kinds.article!, english(kinds.issue!)]) {
        await page.goto(at(path));
        await page.keyboard.press('Tab');
        const skip = await page.evaluate(() => {
          const active = document.activeElement as HTMLElement | null;
          const box = active?.getBoundingClientRect();
          return { className: active?.className, href: active?.getAttribute('href'), visible: !!box && box.top >= 0 && box.bottom <= innerHeight && box.width > 0 };
        });
        expect(skip, path).toEqual({ className: 'skip-link', href: '#main', visible: true });
        await page.keyboard.press('Enter');
        await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 5000 }).toBe('main');
        // The next Tab stop is inside main, past the header and breadcrumbs.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => !!document.activeElement?.closest('main')), path).toBe(true);
      }
    } finally {
      await context.close();
    }
  });
});

describe('on a 360 px phone', () => {
  it('never scrolls sideways, and every main navigation link is on screen without JavaScript', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      for (const path of Object.values(kinds).flatMap((p) => [p, english(p)])) {
        await page.goto(at(path));
        const layout = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          offscreen: [...document.querySelectorAll<HTMLElement>('.site-nav a, .lang-switch')]
            .filter((a) => {
              const box = a.getBoundingClientRect();
              return box.width === 0 || box.left < 0 || box.right > innerWidth;
            })
            .map((a) => a.textContent),
        }));
        expect(layout, path).toEqual({ scrollWidth: 360, offscreen: [] });
      }
    } finally {
      await context.close();
    }
  });
});
