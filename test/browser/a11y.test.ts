/**
 * Accessibility in headless Chromium, against the default build served over
 * HTTP: axe-core (WCAG 2.0/2.1 A and AA, best practices) on one page of every
 * kind in both languages, in the light theme and, for the pages people read
 * most, in the dark one; and the language of parts on every English page.
 *
 * The pages send a Content-Security-Policy that forbids inline scripts, so the
 * contexts bypass CSP to let axe be injected.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, launchBrowser, runAxe } from '../support/browser.ts';
import { builtSite } from '../support/html.ts';
import { serveSite, type SiteServer } from '../../src/serve/site-server.ts';
import { english, loadPages, pageKinds } from '../site/helpers.ts';

const KINDS = ['home', 'issues', 'issue', 'article', 'print', 'columns', 'column', 'parks', 'park', 'search', 'about', 'not-found'] as const;
const DARK_KINDS = ['home', 'issue', 'article', 'search'] as const;
const LANGS = ['zh-CN', 'en'] as const;

let browser: Browser;
let server: SiteServer;
let kinds: Record<string, string>;
let root: string;

beforeAll(async () => {
  root = builtSite('default');
  kinds = pageKinds(root);
  [browser, server] = await Promise.all([launchBrowser(), serveSite(root)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const at = (path: string) => new URL(path.replace(/^\//u, ''), server.url).href;
const localized = (lang: (typeof LANGS)[number], kind: string) => (lang === 'en' ? english(kinds[kind]!) : kinds[kind]!);

async function expectNoViolations(context: BrowserContext, kind: string, path: string): Promise<void> {
  const page = await context.newPage();
  try {
    // The search page loads its script and index on arrival: let it settle first.
    await page.goto(at(path), { waitUntil: kind === 'search' ? 'networkidle' : 'load' });
    // The whole-issue print view lays itself out in pages: check the pages.
    if (kind === 'print') await page.waitForFunction(() => document.documentElement.dataset.paged === 'done', null, { timeout: 60_000 });
    const results = await runAxe(page);
    expect(results.violations, `${path}\n${formatViolations(results.violations)}`).toEqual([]);
  } finally {
    await page.close();
  }
}

describe.each(LANGS)('axe-core, %s pages, light theme', (lang) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ bypassCSP: true, colorScheme: 'light' });
  });
  afterAll(() => context?.close());

  it.each(KINDS)('%s page: no violations', async (kind) => {
    await expectNoViolations(context, kind, localized(lang, kind));
  });
});

describe.each(LANGS)('axe-core, %s pages, dark theme', (lang) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ bypassCSP: true, colorScheme: 'dark' });
  });
  afterAll(() => context?.close());

  it.each(DARK_KINDS)('%s page: no violations', async (kind) => {
    await expectNoViolations(context, kind, localized(lang, kind));
  });
});

describe('language of parts', () => {
  it('marks every piece of Chinese text on English pages as lang="zh-CN"', async () => {
    const englishPages = (await loadPages(root)).filter((page) => page.path.startsWith('/en/'));
    expect(englishPages.length).toBeGreaterThan(10);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const problems: string[] = [];
    try {
      for (const { path } of englishPages) {
        await page.goto(at(path));
        const found = await page.evaluate(() => {
          const han = /\p{Script=Han}|[\u3000-\u303f\uff01-\uff60]/u;
          // Allowed: an English-style reference quoting the Chinese original title,
          // and filter options that pair an English name with the Chinese one.
          const exempt = '.cite__text--en, option, title, script, style';
          const out: string[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? '';
            const parent = node.parentElement;
            if (!parent || !han.test(text) || parent.closest(exempt) || !parent.checkVisibility()) continue;
            const lang = parent.closest('[lang]')?.getAttribute('lang') ?? '';
            if (!lang.startsWith('zh')) out.push(`<${parent.localName} class="${parent.className}"> ${text.trim().slice(0, 40)}`);
          }
          return out;
        });
        problems.push(...found.map((line) => `${path}: ${line}`));
      }
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});
