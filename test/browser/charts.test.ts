/**
 * The charts in headless Chromium, on the synthetic archive build (every
 * chart kind, a year without issues) served over HTTP: axe-core clean in both
 * languages and both themes; every label at least 4.5:1 against what it is
 * drawn on, and every mark's edge at least 3:1 against the page, as the
 * browser computes the colours; on paper, greys only, still legible; a tile
 * leads to its province; the numbers are one click away as a table.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatViolations, launchBrowser, runAxe } from '../support/browser.ts';
import { builtSite } from '../support/html.ts';
import { serveSite, type SiteServer } from '../../src/serve/site-server.ts';

let browser: Browser;
let server: SiteServer;
let pages: string[];

beforeAll(async () => {
  const root = builtSite('archive');
  const { zones } = JSON.parse(readFileSync(path.join(root, 'data', 'zones.json'), 'utf8')) as { zones: { page: string | null; articles: number }[] };
  const park = zones.filter((zone) => zone.page).sort((a, b) => b.articles - a.articles)[0]!.page;
  const column = /<a href="\/columns\/([^/"]+)\/"/u.exec(readFileSync(path.join(root, 'columns', 'index.html'), 'utf8'))![1];
  pages = ['/parks/', `/parks/${park}/`, '/issues/', `/columns/${column}/`];
  [browser, server] = await Promise.all([launchBrowser(), serveSite(root)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const at = (urlPath: string) => new URL(urlPath.replace(/^\//u, ''), server.url).href;

/** WCAG contrast of every chart label against the fill it sits on, and of every mark against the page. */
function measureContrast(page: Page) {
  return page.evaluate(() => {
    const rgb = (value: string): [number, number, number] | null => {
      const match = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/u.exec(value);
      if (!match || match[4] === '0') return null;
      return [Number(match[1]), Number(match[2]), Number(match[3])];
    };
    const luminance = ([r, g, b]: [number, number, number]) =>
      [r, g, b].map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
    const ratio = (a: [number, number, number], b: [number, number, number]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const paper = rgb(getComputedStyle(document.body).backgroundColor) ?? rgb(getComputedStyle(document.documentElement).backgroundColor)!;
    const labels: { text: string; ratio: number; grey: boolean }[] = [];
    for (const text of document.querySelectorAll<SVGTextElement>('figure.chart svg text')) {
      const ink = rgb(getComputedStyle(text).fill)!;
      // A label stands on its tile when they share a group; the legend's labels stand on the page.
      const group = text.parentElement;
      const tile = group?.tagName.toLowerCase() === 'g' ? group.querySelector<SVGRectElement>(':scope > rect.tile') : null;
      const ground = (tile && rgb(getComputedStyle(tile).fill)) || paper;
      labels.push({ text: text.textContent ?? '', ratio: ratio(ink, ground), grey: ink[0] === ink[1] && ink[1] === ink[2] });
    }
    const marks: { name: string; ratio: number; grey: boolean }[] = [];
    for (const mark of document.querySelectorAll<SVGElement>('figure.chart svg rect.bar, figure.chart svg rect.tile, figure.chart svg [class^="strip__"]:not(text)')) {
      const style = getComputedStyle(mark);
      const colours = [style.fill, style.stroke].filter((paint) => paint.startsWith('rgb')).map(rgb).filter((c): c is [number, number, number] => c !== null);
      const edge = rgb(style.stroke) ?? rgb(style.fill);
      if (!edge) continue;
      marks.push({ name: mark.getAttribute('class') ?? '', ratio: ratio(edge, paper), grey: colours.every((c) => c[0] === c[1] && c[1] === c[2]) });
    }
    // The hatching's own lines and ground, for the print check.
    const hatching = [...document.querySelectorAll<SVGElement>('figure.chart svg pattern rect')].flatMap((rect) => {
      const fill = rgb(getComputedStyle(rect).fill);
      return fill ? [{ name: rect.getAttribute('class') ?? '', grey: fill[0] === fill[1] && fill[1] === fill[2] }] : [];
    });
    return { labels, marks, hatching };
  });
}

describe.each(['light', 'dark'] as const)('%s theme', (colorScheme) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ bypassCSP: true, colorScheme });
  });
  afterAll(() => context?.close());

  it('axe-core finds nothing on any chart page, in either language', async () => {
    const page = await context.newPage();
    try {
      for (const urlPath of pages.flatMap((p) => [p, `/en${p}`])) {
        await page.goto(at(urlPath));
        expect(await page.locator('figure.chart svg[role="img"]').count(), urlPath).toBeGreaterThan(0);
        const results = await runAxe(page);
        expect(results.violations, `${urlPath}\n${formatViolations(results.violations)}`).toEqual([]);
      }
    } finally {
      await page.close();
    }
  });

  it('draws every label at 4.5:1 against its ground and every mark at 3:1 against the page', async () => {
    const page = await context.newPage();
    try {
      for (const urlPath of pages.flatMap((p) => [p, `/en${p}`])) {
        await page.goto(at(urlPath));
        const { labels, marks } = await measureContrast(page);
        expect(labels.length, urlPath).toBeGreaterThan(0);
        for (const label of labels) expect(label.ratio, `${urlPath} “${label.text}”`).toBeGreaterThanOrEqual(4.5);
        for (const mark of marks) expect(mark.ratio, `${urlPath} ${mark.name}`).toBeGreaterThanOrEqual(3);
      }
    } finally {
      await page.close();
    }
  });
});

describe('on paper', () => {
  it('prints the charts in greys, every label still legible', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    try {
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      for (const urlPath of pages) {
        await page.goto(at(urlPath));
        expect(await page.locator('figure.chart svg').first().isVisible(), urlPath).toBe(true);
        const { labels, marks, hatching } = await measureContrast(page);
        for (const label of labels) {
          expect(label.grey, `${urlPath} “${label.text}”`).toBe(true);
          expect(label.ratio, `${urlPath} “${label.text}”`).toBeGreaterThanOrEqual(4.5);
        }
        for (const mark of [...marks, ...hatching]) expect(mark.grey, `${urlPath} ${mark.name}`).toBe(true);
        if (urlPath.startsWith('/parks/') && urlPath !== '/parks/') expect(hatching.length, urlPath).toBeGreaterThan(0);
      }
    } finally {
      await context.close();
    }
  });
});

describe('reading the charts', () => {
  it('leads from a province tile to its group of zones, and shows the numbers as a table in one click', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(at('/parks/'));
      const tile = page.locator('figure.chart--tiles a').first();
      const target = (await tile.getAttribute('href'))!;
      await tile.click();
      await page.waitForURL((url) => url.hash === target);
      await expect.poll(() => page.locator(target).evaluate((section) => section.getBoundingClientRect().top)).toBeLessThan(200);
      const table = page.locator('figure.chart--tiles table');
      expect(await table.isVisible()).toBe(false);
      await page.locator('figure.chart--tiles summary').click();
      expect(await table.isVisible()).toBe(true);
      expect(await table.locator('tbody tr').count()).toBe(34);
    } finally {
      await context.close();
    }
  });
});
