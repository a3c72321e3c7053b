/**
 * Citing one article, in headless Chromium against the built site served over HTTP:
 * the GB/T 7714 reference on the Foshan article page, the BibTeX / RIS /
 * CSL-JSON downloads, the copy button (with the Clipboard API and with its
 * select-the-text fallback), the same block on the English page, and page.js
 * staying quiet on pages without print or copy buttons.
 *
 * The expected reference is written out here from known facts about the article
 * (not produced by src/cite/); only the retrieval date, the build date, is read
 * from the built `citation.json`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { LOCAL_BASE_URL, REPO_ROOT } from '../support/global-setup.ts';
import { builtSite } from '../support/html.ts';
import { serveSite, type SiteServer } from '../../src/serve/site-server.ts';

const SLUG = 'fo-shan-gao-xin-qu-da-zao-zhi';
const ID = `549-${SLUG}`;
const ZH_PATH = `issues/549/${SLUG}/`;
const EN_PATH = `en/issues/549/${SLUG}/`;

/** What we know about the article, independent of the code under test. */
const FACTS = {
  author: '佛山高新区', // 供稿单位, an organisation author
  title: '佛山高新区：打造“智造”高地',
  serial: '火炬动态',
  publisher: '科技部火炬高技术产业开发中心',
  year: 2022,
  number: 20,
  cumulative: 549,
  date: [2022, 11, 30] as const,
  /** Absolute address in the `default` build (base URL http://localhost/). */
  url: new URL(ZH_PATH, LOCAL_BASE_URL).href,
};

type Dictionary = Record<string, string>;
interface CslItem {
  id: string;
  type: string;
  title: string;
  'container-title': string;
  author: { literal?: string; family?: string; given?: string }[];
  issued: { 'date-parts': number[][] };
  accessed: { 'date-parts': number[][] };
  issue: string | number;
  URL: string;
  publisher?: string;
  language?: string;
}

let browser: Browser;
let server: SiteServer;
let site: string;
let zh: Dictionary;
let en: Dictionary;
/** The retrieval date of the build, YYYY-MM-DD, from citation.json. */
let accessed: string;
let expectedGbt: string;

const pad = (n: number): string => String(n).padStart(2, '0');
const isoOf = (parts: readonly number[]): string => `${parts[0]}-${pad(parts[1]!)}-${pad(parts[2]!)}`;

beforeAll(async () => {
  site = builtSite('default');
  [browser, server] = await Promise.all([launchBrowser(), serveSite(site)]);
  zh = JSON.parse(await readFile(path.join(REPO_ROOT, 'src', 'i18n', 'zh-CN.json'), 'utf8')) as Dictionary;
  en = JSON.parse(await readFile(path.join(REPO_ROOT, 'src', 'i18n', 'en.json'), 'utf8')) as Dictionary;
  const csl = JSON.parse(await readFile(path.join(site, 'issues', '549', SLUG, 'citation.json'), 'utf8')) as CslItem[];
  accessed = isoOf(csl[0]!.accessed['date-parts'][0]!);
  // GB/T 7714-2015 §8.8.2, serial article read online:
  // 作者. 题名[J/OL]. 刊名, 年(期)[引用日期]. 获取和访问路径.
  expectedGbt = `${FACTS.author}. ${FACTS.title}[J/OL]. ${FACTS.serial}, ${FACTS.year}(${FACTS.number})[${accessed}]. ${FACTS.url}.`;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(urlPath: string, options: { clipboard?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext();
  if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  const response = await page.goto(new URL(urlPath, server.url).href);
  expect(response?.status(), urlPath).toBe(200);
  return { context, page, errors };
}

/** Clicks a `download` link and returns the downloaded text. */
async function download(page: Page, label: string): Promise<{ name: string; text: string }> {
  const link = page.locator('.cite a[download]', { hasText: label });
  await expect(link.count()).resolves.toBe(1);
  const [dl] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), text: await readFile(file, 'utf8') };
}

/** BibTeX: balanced braces, one entry; returns its type, key and fields (outer braces removed). */
function parseBibtex(text: string): { type: string; key: string; fields: Record<string, string> }[] {
  let depth = 0;
  for (const ch of text) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (depth < 0) throw new Error('BibTeX: "}" without "{"');
  }
  if (depth !== 0) throw new Error(`BibTeX: ${depth} unclosed "{"`);
  const entries: { type: string; key: string; fields: Record<string, string> }[] = [];
  const head = /@(\w+)\s*\{\s*([^,\s]+)\s*,/g;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const fields: Record<string, string> = {};
    let i = head.lastIndex;
    for (;;) {
      const field = /\s*(\w+)\s*=\s*\{/y;
      field.lastIndex = i;
      const f = field.exec(text);
      if (!f) break;
      let j = field.lastIndex;
      let d = 1;
      for (; d > 0; j++) {
        if (text[j] === '{') d++;
        else if (text[j] === '}') d--;
      }
      fields[f[1]!.toLowerCase()] = text.slice(field.lastIndex, j - 1);
      i = j;
      const comma = /\s*,/y;
      comma.lastIndex = i;
      if (comma.exec(text)) i = comma.lastIndex;
    }
    const close = /\s*\}/y;
    close.lastIndex = i;
    if (!close.exec(text)) throw new Error(`BibTeX: entry ${m[2]} not closed after its fields`);
    head.lastIndex = close.lastIndex;
    entries.push({ type: m[1]!.toLowerCase(), key: m[2]!, fields });
  }
  return entries;
}

describe('GB/T 7714 reference on the article page', () => {
  it('shows exactly the expected reference, dated with the build date also shown on paper', async () => {
    const { context, page, errors } = await open(ZH_PATH);
    try {
      const text = await page.locator(`#cite-text-${ID}`).textContent();
      expect(text?.replace(/\s+/g, ' ').trim()).toBe(expectedGbt);
      expect(expectedGbt).toBe(
        `佛山高新区. 佛山高新区：打造“智造”高地[J/OL]. 火炬动态, 2022(20)[${accessed}]. http://localhost/issues/549/fo-shan-gao-xin-qu-da-zao-zhi/.`,
      );
      // The retrieval date of the reference is the one in the print-only address line.
      await expect(page.locator('[data-print-date]').textContent()).resolves.toBe(accessed);
      await expect(page.locator('.cite .cite__format').textContent()).resolves.toBe(zh['article.citeFormat']);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('citation downloads', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await open(ZH_PATH));
  });
  afterAll(() => context?.close());

  it('links the three formats next to the reference, as downloads of this article', async () => {
    const hrefs = await page.locator('.cite a[download]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    expect(hrefs).toEqual([`/${ZH_PATH}citation.bib`, `/${ZH_PATH}citation.ris`, `/${ZH_PATH}citation.json`]);
  });

  it('citation.bib: one @article entry with balanced braces and the expected fields', async () => {
    const { name, text } = await download(page, 'BibTeX');
    expect(name).toBe('citation.bib');
    const entries = parseBibtex(text);
    expect(entries).toHaveLength(1);
    expect((text.match(/@\w+\s*\{/g) ?? []).length).toBe(1);
    const [entry] = entries;
    expect(entry!.type).toBe('article');
    expect(entry!.key).toMatch(/^[A-Za-z0-9_:-]+$/);
    expect(entry!.fields).toMatchObject({
      author: `{${FACTS.author}}`, // braced: an organisation, not "family, given"
      title: FACTS.title,
      journal: FACTS.serial,
      year: String(FACTS.year),
      number: String(FACTS.number),
      url: FACTS.url,
      urldate: accessed,
    });
  });

  it('citation.ris: TY first, ER last, every line a "XX  - " tag', async () => {
    const { name, text } = await download(page, 'RIS');
    expect(name).toBe('citation.ris');
    const lines = text.split(/\r?\n/);
    while (lines.at(-1) === '') lines.pop();
    expect(lines[0]).toBe('TY  - JOUR');
    expect(lines.at(-1)).toMatch(/^ER {2}- ?$/);
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    const tags = new Map(lines.map((l) => [l.slice(0, 2), l.slice(6)]));
    expect(Object.fromEntries(tags)).toMatchObject({
      A1: FACTS.author,
      T1: FACTS.title,
      JF: FACTS.serial,
      Y1: `${isoOf(FACTS.date).replaceAll('-', '/')}/`,
      IS: String(FACTS.number),
      UR: FACTS.url,
      Y2: accessed.replaceAll('-', '/'),
    });
  });

  it('citation.json: CSL-JSON with the expected fields', async () => {
    const { name, text } = await download(page, 'CSL-JSON');
    expect(name).toBe('citation.json');
    const parsed = JSON.parse(text) as CslItem[] | CslItem;
    const items = Array.isArray(parsed) ? parsed : [parsed];
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(item).toMatchObject({
      id: ID,
      type: 'article-journal',
      title: FACTS.title,
      'container-title': FACTS.serial,
      author: [{ literal: FACTS.author }],
      issued: { 'date-parts': [[...FACTS.date]] },
      URL: FACTS.url,
    });
    expect(String(item.issue)).toBe(String(FACTS.number));
    expect(isoOf(item.accessed['date-parts'][0]!)).toBe(accessed);
  });
});

describe('copy button', () => {
  it('copies the reference with the Clipboard API and says so', async () => {
    const { context, page, errors } = await open(ZH_PATH, { clipboard: true });
    try {
      const button = page.locator(`button[data-copy="cite-text-${ID}"]`);
      await expect(button.isVisible()).resolves.toBe(true); // unhidden by page.js
      await expect(button.textContent()).resolves.toBe(zh['article.copy']);
      await button.click();
      await page.waitForFunction((label) => document.querySelector('button[data-copy]')?.textContent === label, zh['article.copied']);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(expectedGbt);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('selects the reference when the clipboard refuses', async () => {
    const context = await browser.newContext();
    try {
      // No Clipboard API permission, and writeText rejects as in an insecure or sandboxed context.
      await context.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'clipboard', {
          configurable: true,
          get: () => ({ writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) }),
        });
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(new URL(ZH_PATH, server.url).href);
      const button = page.locator(`button[data-copy="cite-text-${ID}"]`);
      await button.click();
      await page.waitForFunction(() => (window.getSelection()?.toString() ?? '') !== '', undefined, { timeout: 5_000 });
      const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
      expect(selected.replace(/\s+/g, ' ').trim()).toBe(expectedGbt);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the English page', () => {
  it('carries the same GB/T 7714 block, copy button and downloads', async () => {
    const { context, page, errors } = await open(EN_PATH, { clipboard: true });
    try {
      const text = await page.locator(`#cite-text-${ID}`).textContent();
      expect(text?.replace(/\s+/g, ' ').trim()).toBe(expectedGbt);
      await expect(page.locator(`#cite-text-${ID}`).getAttribute('lang')).resolves.toBe('zh-CN');
      const hrefs = await page.locator('.cite a[download]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
      expect(hrefs).toEqual([`/${ZH_PATH}citation.bib`, `/${ZH_PATH}citation.ris`, `/${ZH_PATH}citation.json`]);
      const button = page.locator(`button[data-copy="cite-text-${ID}"]`);
      await expect(button.textContent()).resolves.toBe(en['article.copy']);
      await button.click();
      await page.waitForFunction((label) => document.querySelector('button[data-copy]')?.textContent === label, en['article.copied']);
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(expectedGbt);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('on the reader’s day', () => {
  it('names the day the reader consults the article, not the build’s, in both references, what is copied and every download', async () => {
    const { context, page, errors } = await open(EN_PATH, { clipboard: true });
    try {
      await page.clock.setFixedTime(new Date(2027, 2, 15, 9, 30));
      await page.reload();
      const gbt = expectedGbt.replace(`[${accessed}]`, '[2027-03-15]');
      expect(gbt).not.toBe(expectedGbt);
      expect((await page.locator(`#cite-text-${ID}`).textContent())?.trim()).toBe(gbt);
      const english = (await page.locator(`#cite-text-en-${ID}`).textContent())?.trim() ?? '';
      expect(english).toContain('Retrieved March 15, 2027, from');
      await page.locator(`button[data-copy="cite-text-${ID}"]`).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(gbt);
      const copyEnglish = page.locator(`button[data-copy="cite-text-en-${ID}"]`);
      await expect(copyEnglish.textContent()).resolves.toBe(en['article.copyEn']);
      await copyEnglish.click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(english);
      const bib = await download(page, 'BibTeX');
      expect(bib.name).toBe('citation.bib');
      expect(parseBibtex(bib.text)[0]!.fields.urldate).toBe('2027-03-15');
      expect((await download(page, 'RIS')).text).toContain('Y2  - 2027/03/15\r\n');
      const csl = JSON.parse((await download(page, 'CSL-JSON')).text) as CslItem[];
      expect(csl[0]!.accessed['date-parts']).toEqual([[2027, 3, 15]]);
      expect(csl[0]!.title).toBe(FACTS.title);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('page.js on other pages', () => {
  it('runs without errors where there is nothing to print or copy, and shows the Print button where there is', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    let errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    try {
      for (const urlPath of ['', 'issues/', 'issues/549/', 'search/', 'about/', 'en/', 'issues/549/print/', ZH_PATH]) {
        errors = [];
        const response = await page.goto(new URL(urlPath, server.url).href);
        expect(response?.status(), urlPath).toBe(200);
        // Fire the print events page.js listens to.
        await page.evaluate(() => {
          window.dispatchEvent(new Event('beforeprint'));
          window.dispatchEvent(new Event('afterprint'));
        });
        expect(errors, urlPath || '/').toEqual([]);
        const printButtons = page.locator('button[data-print]');
        if (urlPath === ZH_PATH || urlPath === 'issues/549/print/') await expect(printButtons.count(), urlPath).resolves.toBeGreaterThan(0);
        for (const button of await printButtons.all()) await expect(button.isVisible(), urlPath).resolves.toBe(true);
      }
    } finally {
      await context.close();
    }
  });
});
