/**
 * Printing, in headless Chromium against the built site served over HTTP:
 * - one article (the Foshan one) on A4 and on US Letter: at most 3 pages, the
 *   paper carries publication, issue, column, title, source, body and the
 *   absolute address with the print date, and none of the screen chrome;
 *   running header and page numbers in the page margins;
 * - the whole-issue print view: contents first, every article starting a page,
 *   laid out in pages by its script (Paged.js), each entry of the contents
 *   giving the page its article starts on, in both languages.
 *
 * Expected facts come from the open data (`/data/issues/549.json`) and the UI
 * dictionary (`src/i18n/zh-CN.json`), not from the pages under test.
 * PDF text is read with poppler's pdftotext; CJK text is compared with all
 * whitespace removed (pdftotext breaks lines and spaces CJK runs freely).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { DEFAULT_SEEDS, LOCAL_BASE_URL, REPO_ROOT } from '../support/global-setup.ts';
import { readTranslations } from './search-support.ts';
import { builtSite } from '../support/html.ts';
import { serveSite, type SiteServer } from '../../src/serve/site-server.ts';

const run = promisify(execFile);

const FOSHAN_SLUG = 'fo-shan-gao-xin-qu-da-zao-zhi';
const FOSHAN_PATH = `issues/549/${FOSHAN_SLUG}/`;
const PRINT_VIEW_PATH = 'issues/549/print/';
const MAX_ARTICLE_PAGES = 3;
/** The context's time zone, so "today" on paper is predictable. */
const TIME_ZONE = 'Asia/Shanghai';

interface OpenDataArticle {
  id: string;
  url: string;
  title: string;
  source: string | null;
  text: string;
  headings: string[];
}
interface OpenDataIssue {
  publication: { title: string; publisher: string };
  year: number;
  number: number;
  cumulative: number;
  date: string;
  sections: { title: string; articles: OpenDataArticle[] }[];
}
type Dictionary = Record<string, string>;

interface PrintedPdf {
  file: string;
  pages: number;
  /** Page size in PostScript points, from pdfinfo. */
  width: number;
  height: number;
  /** `pdftotext -layout` of each page, index 0 = page 1. */
  pageTexts: string[];
  text: string;
  ms: number;
}

/** Removes all whitespace: pdftotext splits CJK lines and pads runs with spaces. */
const squash = (s: string): string => s.replace(/\s+/gu, '');
const lines = (s: string): string[] => s.split('\n').map((l) => l.trim()).filter((l) => l !== '');
const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
/** YYYY-MM-DD of `date` in `timeZone`. */
const dayIn = (date: Date, timeZone: string): string => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);

let browser: Browser;
let server: SiteServer;
let tmp: string;
let issue: OpenDataIssue;
let zh: Dictionary;
let articles: OpenDataArticle[];
let foshan: OpenDataArticle;
let issueLabel: string;

beforeAll(async () => {
  const site = builtSite('default');
  [browser, server, tmp] = await Promise.all([
    launchBrowser(),
    serveSite(site),
    mkdtemp(path.join(os.tmpdir(), 'bulletin-print-')),
  ]);
  issue = JSON.parse(await readFile(path.join(site, 'data', 'issues', '549.json'), 'utf8')) as OpenDataIssue;
  zh = JSON.parse(await readFile(path.join(REPO_ROOT, 'src', 'i18n', 'zh-CN.json'), 'utf8')) as Dictionary;
  articles = issue.sections.flatMap((s) => s.articles);
  const found = articles.find((a) => a.url.endsWith(`/${FOSHAN_SLUG}/`));
  if (!found) throw new Error(`The open data of issue 549 has no article ${FOSHAN_SLUG}`);
  foshan = found;
  issueLabel = fill(zh['issue.label']!, { year: issue.year, number: issue.number, cumulative: issue.cumulative });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function openPage(urlPath: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ timezoneId: TIME_ZONE, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  const response = await page.goto(new URL(urlPath, server.url).href, { waitUntil: 'load' });
  expect(response?.status(), urlPath).toBe(200);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { context, page, errors };
}

async function printPdf(page: Page, name: string, format: 'A4' | 'Letter'): Promise<PrintedPdf> {
  const file = path.join(tmp, `${name}-${format}.pdf`);
  const t0 = performance.now();
  await page.pdf({ path: file, format, printBackground: false, preferCSSPageSize: true });
  const ms = Math.round(performance.now() - t0);
  const { stdout: info } = await run('pdfinfo', [file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  if (!Number.isInteger(pages) || pages < 1 || !size) throw new Error(`pdfinfo could not read ${file}:\n${info}`);
  const pageTexts: string[] = [];
  for (let n = 1; n <= pages; n++) {
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(n), '-l', String(n), file, '-'], { maxBuffer: 16 << 20 });
    pageTexts.push(stdout);
  }
  return { file, pages, width: Number(size[1]), height: Number(size[2]), pageTexts, text: pageTexts.join('\n'), ms };
}

/** Screen-only labels that must not reach paper (from the UI dictionary). */
function chromeLabels(dict: Dictionary): string[] {
  return [
    dict['lang.switch']!, // the language switcher: "English"
    dict['search.placeholder']!,
    dict['search.submit']!,
    dict['site.skip']!,
    dict['site.footer']!,
    dict['site.feed']!,
    dict['site.openData']!,
    dict['article.copy']!,
    dict['article.copied']!,
    dict['article.cite']!,
    dict['article.citeFormat']!,
    dict['article.download']!,
    dict['article.contents']!,
    dict['article.parks']!,
    dict['article.previous']!,
    dict['article.next']!,
    dict['article.backToIssue']!,
    'BibTeX',
    'CSL-JSON',
  ].filter((label) => label !== undefined && label !== '');
}

const NAV_KEYS = ['nav.home', 'nav.issues', 'nav.columns', 'nav.parks', 'nav.search', 'nav.about'] as const;

/** Asserts that none of the screen chrome of a Chinese page is on paper. */
function expectNoChrome(pdf: PrintedPdf, bodyText: string): void {
  const flat = squash(pdf.text);
  for (const label of chromeLabels(zh)) expect(flat, `screen label on paper: ${label}`).not.toContain(squash(label));
  // The Print button: "打印" may only appear as part of the "打印日期" label of the address line.
  expect(flat.replaceAll(squash(zh['print.printed']!), ''), 'Print button label on paper').not.toContain(zh['article.print']);
  // Navigation: the labels never stand alone on a line, never in a row, and those the
  // article text does not use (高新区 it does) do not appear at all.
  const navLabels = NAV_KEYS.map((k) => zh[k]!);
  const allLines = lines(pdf.text).map(squash);
  for (const label of navLabels) {
    expect(allLines, `navigation label on its own line: ${label}`).not.toContain(label);
    if (!squash(bodyText).includes(label)) expect(flat, `navigation label on paper: ${label}`).not.toContain(label);
  }
  expect(flat).not.toContain(squash(navLabels.slice(0, 3).join('')));
  // The breadcrumb trail starts with 首页 followed by the issue label.
  expect(flat).not.toContain(squash(`${zh['nav.home']}${issueLabel}`));
}

/** Asserts "n / N" page numbers at the foot of every page. */
function expectPageNumbers(pdf: PrintedPdf): void {
  pdf.pageTexts.forEach((text, i) => {
    const last = lines(text).at(-1) ?? '';
    expect(last.replace(/\s+/g, ''), `page ${i + 1} footer`).toBe(`${i + 1}/${pdf.pages}`);
  });
}

describe('printing one article', () => {
  it('prints the Foshan article on A4: ≤ 3 pages, the article and its address, no screen chrome', async () => {
    const { context, page, errors } = await openPage(FOSHAN_PATH);
    try {
      // A sentinel in the print date proves the beforeprint handler fills in today.
      await page.evaluate(() => {
        for (const node of document.querySelectorAll('[data-print-date]')) node.textContent = '0000-00-00';
      });
      const before = dayIn(new Date(), TIME_ZONE);
      const pdf = await printPdf(page, 'foshan', 'A4');
      const after = dayIn(new Date(), TIME_ZONE);

      expect(pdf.pages).toBeGreaterThanOrEqual(1);
      expect(pdf.pages).toBeLessThanOrEqual(MAX_ARTICLE_PAGES);
      expect(pdf.width).toBeCloseTo(595.92, 0); // A4: the stylesheet does not force a paper size
      expect(pdf.height).toBeCloseTo(842.88, 0);

      const flat = squash(pdf.text);
      const address = new URL(foshan.url, LOCAL_BASE_URL).href;
      expect(address).toBe(`http://localhost/${FOSHAN_PATH}`);
      // Publication, issue label and date, column, title, source on page 1.
      const page1 = squash(pdf.pageTexts[0]!);
      expect(page1).toContain(squash(`${issue.publication.title} · ${issueLabel}`));
      expect(page1).toContain(squash(foshan.title));
      expect(page1).toContain(squash(`${zh['article.source']}：${foshan.source}`));
      expect(page1).toContain('2022年11月30日');
      expect(page1).toContain(squash(issue.sections.find((s) => s.articles.includes(foshan))!.title));
      expect(foshan.title).toBe('佛山高新区：打造“智造”高地');
      expect(foshan.source).toBe('佛山高新区');
      // Body with its subheadings, in order.
      const headings = foshan.headings;
      expect(headings.length).toBeGreaterThan(0);
      let at = flat.indexOf(squash(foshan.text.slice(0, 40)));
      expect(at, 'first words of the body').toBeGreaterThan(0);
      for (const heading of headings) {
        const next = flat.indexOf(squash(heading), at);
        expect(next, `subheading ${heading}`).toBeGreaterThan(at);
        at = next;
      }
      expect(flat).toContain(squash(foshan.text.slice(-30)));
      // The address line comes last, with the absolute URL and the day of printing.
      const addressLine = squash(`${zh['article.address']}：${address} · ${zh['print.printed']}：`);
      const where = flat.indexOf(addressLine);
      expect(where, 'address line').toBeGreaterThan(at);
      const printed = flat.slice(where + addressLine.length, where + addressLine.length + 10);
      expect([before, after]).toContain(printed);
      // The URL is the only one on paper: links do not print their href.
      expect(flat.match(/https?:\/\//g)).toHaveLength(1);

      expectNoChrome(pdf, foshan.text);
      expectPageNumbers(pdf);
      // Running header from page 2 on: publication and issue label (set by page.js).
      for (const text of pdf.pageTexts.slice(1)) {
        expect(squash(lines(text)[0] ?? '')).toBe(squash(`${issue.publication.title} · ${issueLabel}`));
      }
      expect(errors).toEqual([]);
      console.info(`[print] Foshan article, A4: ${pdf.pages} page(s), page.pdf ${pdf.ms} ms`);
    } finally {
      await context.close();
    }
  });

  it('prints the Foshan article on US Letter in ≤ 3 pages, with the address line', async () => {
    const { context, page } = await openPage(FOSHAN_PATH);
    try {
      const pdf = await printPdf(page, 'foshan', 'Letter');
      expect(pdf.pages).toBeLessThanOrEqual(MAX_ARTICLE_PAGES);
      expect(pdf.width).toBeCloseTo(612, 0); // Letter, not an A4 forced by the stylesheet
      expect(pdf.height).toBeCloseTo(792, 0);
      const flat = squash(pdf.text);
      expect(flat).toContain(squash(foshan.title));
      expect(flat).toContain(squash(new URL(foshan.url, LOCAL_BASE_URL).href));
      expectNoChrome(pdf, foshan.text);
      expectPageNumbers(pdf);
      console.info(`[print] Foshan article, Letter: ${pdf.pages} page(s), page.pdf ${pdf.ms} ms`);
    } finally {
      await context.close();
    }
  });

  it('lays the article out for paper: chrome not rendered, CJK serif at 10.5–11pt, black on white', async () => {
    const { context, page } = await openPage(FOSHAN_PATH);
    try {
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      const hidden = [
        '.skip-link', '.site-header', '.site-nav', '.lang-switch', '.breadcrumbs', '.pager',
        '.article-tools', '.cite', 'button', '.site-footer', '.article__contents', '.article__parks',
      ];
      for (const selector of hidden) {
        const visible = await page.locator(selector).evaluateAll((nodes) => nodes.filter((n) => n.checkVisibility()).length);
        expect(visible, `${selector} rendered on paper`).toBe(0);
      }
      for (const selector of ['.article__kicker', '.article__title', '.article__meta', '.article__body', '.article__address']) {
        expect(await page.locator(selector).first().isVisible(), `${selector} on paper`).toBe(true);
      }
      const style = await page.locator('.article__body p').first().evaluate((p) => {
        const s = getComputedStyle(p);
        return { fontSize: Number.parseFloat(s.fontSize), color: s.color, bodyBg: getComputedStyle(document.body).backgroundColor };
      });
      // 10.5pt = 14px, 11pt ≈ 14.67px
      expect(style.fontSize).toBeGreaterThanOrEqual(14);
      expect(style.fontSize).toBeLessThanOrEqual(14.67);
      expect(style.color).toBe('rgb(0, 0, 0)'); // even with a dark colour scheme
      expect(style.bodyBg).toBe('rgb(255, 255, 255)');
      // The face actually used for the body text is a CJK serif installed here.
      const cdp = await context.newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.article__body p' });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const main = [...fonts].sort((a, b) => b.glyphCount - a.glyphCount)[0];
      expect(main?.familyName).toMatch(/Serif CJK|Source Han Serif|Songti|SimSun|STSong/);
    } finally {
      await context.close();
    }
  });
});

/** The whole-issue print view, once its script has laid it out in pages. */
async function openPrintView(urlPath: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const opened = await openPage(urlPath);
  await opened.page.waitForFunction(() => document.documentElement.dataset.paged !== undefined, null, { timeout: 60_000 });
  expect(await opened.page.evaluate(() => document.documentElement.dataset.paged), urlPath).toBe('done');
  return opened;
}

/** The page number each entry of the printed contents gives: the number ending the last line of the entry (its title found by its opening). */
function contentsNumbers(text: string, titles: readonly string[]): number[] {
  const rows = lines(text);
  let row = 0;
  return titles.map((title) => {
    const opening = squash(title).slice(0, 8);
    while (row < rows.length && !squash(rows[row]!).includes(opening)) row++;
    for (; row < rows.length; row++) {
      const number = /\s(\d+)$/u.exec(rows[row]!);
      if (number) {
        row++;
        return Number(number[1]);
      }
    }
    return Number.NaN;
  });
}

/** The pages (0-based) whose first lines (running head, column, title) hold each title, in order. */
function startPages(pdf: PrintedPdf, titles: readonly string[]): number[] {
  return titles.map((title) => pdf.pageTexts.findIndex((text, i) => i > 0 && squash(lines(text).slice(0, 5).join('')).includes(squash(title))));
}

describe('printing the whole issue', () => {
  it('prints the contents first, then each of the 11 articles starting a new page', async () => {
    const { context, page, errors } = await openPrintView(PRINT_VIEW_PATH);
    try {
      const pdf = await printPdf(page, 'issue-549', 'A4');
      expect(articles).toHaveLength(11);
      expect(pdf.pages).toBeGreaterThanOrEqual(articles.length + 1);

      // Page 1: masthead and contents, with every title.
      const page1 = squash(pdf.pageTexts[0]!);
      expect(page1).toContain(squash(issueLabel));
      expect(page1).toContain(squash(zh['print.contents']!));
      for (const a of articles) expect(page1, `contents: ${a.title}`).toContain(squash(a.title));

      // Each article starts a page: its title is in the first lines of that page
      // (running header, column, title), on pages in issue order, all different.
      const starts = articles.map((a) => {
        const title = squash(a.title);
        const n = pdf.pageTexts.findIndex((text, i) => i > 0 && squash(lines(text).slice(0, 5).join('')).includes(title));
        expect(n, `no page starts with "${a.title}"`).toBeGreaterThan(0);
        return n;
      });
      expect(new Set(starts).size).toBe(articles.length);
      expect([...starts].sort((x, y) => x - y)).toEqual(starts);
      // …and ends (with its address line) before the next one starts.
      articles.forEach((a, i) => {
        const end = i + 1 < starts.length ? starts[i + 1]! : pdf.pages;
        const own = squash(pdf.pageTexts.slice(starts[i], end).join(''));
        expect(own, `address of ${a.title}`).toContain(squash(new URL(a.url, LOCAL_BASE_URL).href));
      });

      expectPageNumbers(pdf);
      // The contents give each article's first page: the page it is printed on.
      expect(contentsNumbers(pdf.pageTexts[0]!, articles.map((a) => a.title))).toEqual(starts.map((n) => n + 1));
      expect(squash(pdf.text)).not.toContain(squash(zh['lang.switch']!));
      expect(squash(pdf.text)).not.toContain(squash(zh['site.footer']!));
      expect(errors).toEqual([]);
      console.info(`[print] issue 549 print view, A4: ${pdf.pages} pages, article start pages ${starts.map((n) => n + 1).join(', ')}, page.pdf ${pdf.ms} ms`);
    } finally {
      await context.close();
    }
  });

  it('gives the page of every article in the English contents too, English titles wrapping over lines', async () => {
    const { context, page, errors } = await openPrintView(`en/${PRINT_VIEW_PATH}`);
    try {
      const pdf = await printPdf(page, 'issue-549-en', 'A4');
      const english = readTranslations(DEFAULT_SEEDS).articles;
      const titles = articles.map((a) => english.get(a.title) ?? a.title);
      expect(titles.filter((title, i) => title !== articles[i]!.title).length).toBe(articles.length);
      const starts = startPages(pdf, titles);
      expect(starts.every((n) => n > 0), `article start pages ${starts.join(', ')}`).toBe(true);
      expect([...starts].sort((x, y) => x - y)).toEqual(starts);
      expect(contentsNumbers(pdf.pageTexts[0]!, titles)).toEqual(starts.map((n) => n + 1));
      expectPageNumbers(pdf);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('can fail: a contents entry that names the wrong page is caught', () => {
    const text = ['目录', '1. 第一篇文章的标题 供稿单位    2', '2. 第二篇文章的标题很长很长', '   还在继续 供稿单位    5'].join('\n');
    expect(contentsNumbers(text, ['第一篇文章的标题', '第二篇文章的标题很长很长还在继续'])).toEqual([2, 5]);
    expect(contentsNumbers(text, ['第一篇文章的标题', '第二篇文章的标题很长很长还在继续'])).not.toEqual([2, 4]);
  });
});
