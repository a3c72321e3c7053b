/**
 * What the browser tests of the search page share: the archive as its open
 * data gives it, an oracle for what a query must find that does not use the
 * search's own code, and the plumbing of a page opened in headless Chromium
 * with its searches, URL writes and CSP violations logged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { BrowserContext, Page } from 'playwright-core';
import en from '../../src/i18n/en.json' with { type: 'json' };
import { formatMessage } from '../../src/i18n/messages.ts';
import zhCN from '../../src/i18n/zh-CN.json' with { type: 'json' };

export interface FixtureArticle {
  url: string;
  title: string;
  source: string | null;
  /** The source's English name, from the open data, or null. */
  sourceEn: string | null;
  headings: string[];
  text: string;
  parks: string[];
  /** Section (column) title, Chinese. */
  column: string;
  year: number;
  number: number;
  cumulative: number;
  date: string;
}

interface ExportedIssue {
  year: number;
  number: number;
  cumulative: number;
  date: string;
  sections: { title: string; articles: { url: string; title: string; source: string | null; sourceEn: string | null; headings: string[]; text: string; parks: string[] }[] }[];
}

/** Every article of a built site, from its open data export (data/issues/*.json). */
export function readArticles(root: string): FixtureArticle[] {
  const dir = path.join(root, 'data', 'issues');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => {
      const issue = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as ExportedIssue;
      return issue.sections.flatMap((section) =>
        section.articles.map((a) => ({ ...a, column: section.title, year: issue.year, number: issue.number, cumulative: issue.cumulative, date: issue.date })),
      );
    });
}

/** English titles of articles and sections, from the translation seeds of a folder (keys are the Chinese titles). */
export function readTranslations(seeds: string): { articles: Map<string, string>; sections: Map<string, string> } {
  const articles = new Map<string, string>();
  const sections = new Map<string, string>();
  for (const name of readdirSync(seeds).filter((n) => n.endsWith('.en.md'))) {
    const data = matter(readFileSync(path.join(seeds, name), 'utf8')).data as { sections?: Record<string, { title?: string }>; articles?: Record<string, { title?: string }> };
    for (const [zh, value] of Object.entries(data.articles ?? {})) if (value.title) articles.set(zh, value.title);
    for (const [zh, value] of Object.entries(data.sections ?? {})) if (value.title) sections.set(zh, value.title);
  }
  return { articles, sections };
}

const fold = (s: string): string => s.normalize('NFKC').toLowerCase();
const LATIN_OR_DIGIT = /^(?!\p{Script=Han})[\p{L}\p{N}]$/u;

const LAST_WORD = /(?:(?!\p{Script=Han})[\p{L}\p{N}])+$/u;

/**
 * Whether `phrase` occurs in `hay` (both folded). A phrase that starts with a
 * Latin letter or a digit must start a word, and one that ends with a word
 * shorter than four letters, or a number, must end it: `ai` finds neither
 * email nor AIGC nor aims, `2035` finds 2035年 but not 12035亩; `incub` finds
 * incubator.
 */
export function occurs(hay: string, phrase: string): boolean {
  const wordStart = LATIN_OR_DIGIT.test(phrase[0] ?? '');
  const lastWord = LAST_WORD.exec(phrase)?.[0] ?? '';
  const wordEnd = lastWord !== '' && !([...lastWord].length >= 4 && /\p{L}/u.test(lastWord));
  for (let i = hay.indexOf(phrase); i >= 0; i = hay.indexOf(phrase, i + 1)) {
    if (wordStart && i > 0 && LATIN_OR_DIGIT.test(hay[i - 1] ?? '')) continue;
    if (wordEnd && LATIN_OR_DIGIT.test(hay[i + phrase.length] ?? '')) continue;
    return true;
  }
  return false;
}

/**
 * URLs (sorted) of the articles whose title, a heading, the text or the
 * source contains every phrase of the query, and, when the test says the
 * query names a zone, those whose open-data `parks` include it.
 */
export function oracle(articles: readonly FixtureArticle[], query: string, zone?: string): string[] {
  const phrases = fold(query)
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((p) => p !== '');
  if (phrases.length === 0) return [];
  return articles
    .filter((a) => {
      const fields = [a.title, ...a.headings, a.text, a.source ?? ''].map(fold);
      return phrases.every((p) => fields.some((f) => occurs(f, p))) || (zone !== undefined && a.parks.includes(zone));
    })
    .map((a) => a.url)
    .sort();
}

export type Ui = 'zh' | 'en';
export const UI = {
  zh: { path: '/search/', dict: zhCN as Record<string, string>, lang: 'zh-CN' },
  en: { path: '/en/search/', dict: en as Record<string, string>, lang: 'en' },
} as const;

export const toEnglish = (url: string): string => `/en${url}`;

/** A string of the page's dictionary, filled in as the page fills it. */
export function say(ui: Ui, key: string, values: Record<string, string | number> = {}): string {
  return formatMessage(UI[ui].dict, key, values);
}

/** The status line the page should show: `search.results`, `search.resultsAll` (no query) or `search.none`. */
export function expectedStatus(ui: Ui, query: string, count: number): string {
  if (count === 0) return say(ui, 'search.none', { query });
  return say(ui, query === '' ? 'search.resultsAll' : 'search.results', { count, query });
}

interface SearchDone {
  query: string;
  count: number;
}

declare global {
  interface Window {
    __searchLog: SearchDone[];
    __urlWrites: Array<[kind: string, url: string]>;
    __cspViolations: string[];
  }
}

/**
 * Runs before any page script: logs finished searches (the page fires
 * `search:done` on the form), URL writes through the History API, and
 * Content-Security-Policy violations (also as console errors).
 */
export function instrument(): void {
  window.__searchLog = [];
  window.__urlWrites = [];
  window.__cspViolations = [];
  document.addEventListener('search:done', (e) => window.__searchLog.push((e as CustomEvent<SearchDone>).detail), true);
  document.addEventListener('securitypolicyviolation', (e) => {
    const what = `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`;
    window.__cspViolations.push(what);
    console.error(what);
  });
  for (const kind of ['pushState', 'replaceState'] as const) {
    const original = history[kind];
    history[kind] = function (this: History, ...args: Parameters<History['pushState']>) {
      window.__urlWrites.push([kind, String(args[2])]);
      return original.apply(this, args);
    };
  }
}

/** Opens pages of a site in `context`, collecting every console error, page error, failed request and HTTP error in `problems`. */
export function pageOpener(context: () => BrowserContext, siteUrl: () => string, problems: string[]) {
  return async (urlPath: string, ctx: BrowserContext = context()): Promise<Page> => {
    const page = await ctx.newPage();
    const where = () => new URL(page.url()).pathname + new URL(page.url()).search;
    page.on('pageerror', (err) => problems.push(`pageerror on ${where()}: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error on ${where()}: ${msg.text()}`);
    });
    page.on('requestfailed', (req) => {
      const error = req.failure()?.errorText ?? '';
      // Leaving a page cancels what it still loads (its favicon, say): not a failure.
      if (error !== 'net::ERR_ABORTED') problems.push(`request failed on ${where()}: ${req.url()} ${error}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()} on ${where()}: ${res.url()}`);
    });
    await page.goto(new URL(urlPath.replace(/^\//u, ''), siteUrl()).href);
    return page;
  };
}

/** Waits for a finished search of `query` reported after the first `after` searches of the page. */
export async function waitForSearch(page: Page, query: string, after = 0): Promise<void> {
  await page.waitForFunction(
    ([q, n]) => window.__searchLog.slice(n).some((d) => d.query === q) && document.getElementById('search-form')?.dataset.searchState === 'done',
    [query, after] as const,
    { timeout: 20_000 },
  );
}

/** Types a query into the search box as a reader does (clear, then key by key) and waits for its results. */
export async function typeQuery(page: Page, query: string, delay = 10): Promise<void> {
  const after = await page.evaluate(() => window.__searchLog.length);
  const box = page.locator('#search-q');
  await box.fill('');
  await box.pressSequentially(query, { delay });
  await waitForSearch(page, query.trim(), after);
}

/** Every result, pressing "more" until all are shown. */
export async function allResults(page: Page): Promise<Array<{ href: string; title: string; titleLang: string | null }>> {
  for (;;) {
    const more = page.locator('button.search-more');
    if ((await more.count()) === 0) break;
    const before = await page.locator('#search-results > li').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n, before);
  }
  return page.$$eval('#search-results > li .search-result-title a', (links) =>
    links.map((a) => ({ href: a.getAttribute('href') ?? '', title: a.textContent ?? '', titleLang: a.getAttribute('lang') })),
  );
}
