/**
 * The built archive as a crawler, a validator and a feed reader see it.
 * Builds come from the global setup: `default` (base http://localhost/) and
 * `subpath` (base https://example.org/archive/). Expected facts (articles,
 * issues) come from the open data export, not from the pages under test.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { LOCAL_BASE_URL, SUBPATH_BASE_URL, SUBPATH_PREFIX } from '../support/global-setup.ts';
import { builtSite, formatReport, HTML_VALIDATE_CONFIG, validateHtml } from '../support/html.ts';
import {
  alternatesOf,
  anchorsOf,
  articlesOf,
  canonicalOf,
  english,
  fileForPath,
  headingsOf,
  htmlLang,
  loadPages,
  metaProperty,
  readIssues,
  tags,
  urlPathOf,
  urlsOf,
  type BuiltPage,
} from './helpers.ts';

/** Article page budget: its HTML plus the screen stylesheet, uncompressed. */
const ARTICLE_BUDGET_BYTES = 40 * 1024;
const MAX_CLICKS = 3;

let root: string;
let pages: BuiltPage[];
let byPath: Map<string, BuiltPage>;

beforeAll(async () => {
  root = builtSite('default');
  pages = await loadPages(root);
  byPath = new Map(pages.map((page) => [page.path, page]));
});

const isEnglish = (urlPath: string) => urlPath.startsWith('/en/');

/** Internal URL → site path of the file it resolves to (null when broken or external). */
function resolveInternal(href: string, from: string, siteRoot = root): { url: URL; file: string | null } | null {
  const url = new URL(href, new URL(from.replace(/^\//u, ''), LOCAL_BASE_URL));
  const origin = new URL(LOCAL_BASE_URL);
  if (!/^https?:$/u.test(url.protocol) || url.origin !== origin.origin) return null;
  const prefix = origin.pathname;
  if (!url.pathname.startsWith(prefix)) return { url, file: null };
  return { url, file: fileForPath(siteRoot, `/${url.pathname.slice(prefix.length)}`) };
}

describe('the default build', () => {
  it('has both languages on every page kind', () => {
    expect(pages.length).toBeGreaterThan(20);
    for (const required of ['/', '/en/', '/issues/', '/search/', '/parks/', '/columns/', '/about/', '/404.html', '/en/404.html']) {
      expect(byPath.has(required), required).toBe(true);
    }
  });

  it('reaches every article from the home page in at most 3 clicks', () => {
    const articles = articlesOf(readIssues(root));
    expect(articles.length).toBeGreaterThan(0);
    for (const [home, localize] of [['/', (p: string) => p], ['/en/', english]] as const) {
      const depth = new Map<string, number>([[home, 0]]);
      let frontier: string[] = [home];
      for (let clicks = 1; clicks <= MAX_CLICKS; clicks++) {
        const next: string[] = [];
        for (const from of frontier) {
          for (const link of urlsOf(byPath.get(from)?.html ?? '')) {
            if (link.tag !== 'a') continue;
            const target = resolveInternal(link.href, from);
            if (!target?.file?.endsWith('.html')) continue;
            const targetPath = urlPathOf(root, target.file);
            if (depth.has(targetPath)) continue;
            depth.set(targetPath, clicks);
            next.push(targetPath);
          }
        }
        frontier = next;
      }
      const unreachable = articles.map((article) => localize(article.url)).filter((url) => !depth.has(url));
      expect(unreachable, `articles further than ${MAX_CLICKS} clicks from ${home}`).toEqual([]);
    }
  });

  it('has no broken internal link, asset or anchor', () => {
    const broken: string[] = [];
    const anchorCache = new Map<string, Set<string>>();
    for (const page of pages) {
      for (const link of urlsOf(page.html)) {
        const target = resolveInternal(link.href, page.path);
        if (!target) continue;
        if (!target.file) {
          broken.push(`${page.path}: <${link.tag}> ${link.href} → no such file`);
          continue;
        }
        const fragment = target.url.hash.slice(1);
        if (!fragment || !target.file.endsWith('.html')) continue;
        let anchors = anchorCache.get(target.file);
        if (!anchors) anchorCache.set(target.file, (anchors = anchorsOf(readFileSync(target.file, 'utf8'))));
        if (!anchors.has(decodeURIComponent(fragment))) broken.push(`${page.path}: <${link.tag}> ${link.href} → no #${fragment} there`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('pairs every Chinese page with its English twin through hreflang alternates', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const twinPath = isEnglish(page.path) ? page.path.slice('/en'.length) : english(page.path);
      const twin = byPath.get(twinPath);
      if (!twin) {
        problems.push(`${page.path}: no twin at ${twinPath}`);
        continue;
      }
      const zhPath = isEnglish(page.path) ? twinPath : page.path;
      const expected = new Map([
        ['zh-CN', new URL(zhPath.slice(1), LOCAL_BASE_URL).href],
        ['en', new URL(english(zhPath).slice(1), LOCAL_BASE_URL).href],
        ['x-default', new URL(zhPath.slice(1), LOCAL_BASE_URL).href],
      ]);
      const alternates = alternatesOf(page.html);
      if (JSON.stringify([...alternates].sort()) !== JSON.stringify([...expected].sort())) {
        problems.push(`${page.path}: alternates ${JSON.stringify([...alternates])}`);
      }
      const own = alternates.get(isEnglish(page.path) ? 'en' : 'zh-CN');
      if (canonicalOf(page.html)[0] !== own) problems.push(`${page.path}: canonical is not its own alternate`);
    }
    expect(problems).toEqual([]);
  });

  it('sets <html lang> by language: zh-CN at the root, en under /en/', () => {
    for (const page of pages) expect(htmlLang(page.html), page.path).toBe(isEnglish(page.path) ? 'en' : 'zh-CN');
  });

  it('passes html-validate (recommended) on every page', async () => {
    // `long-title` (70 characters) is off: a page title is the article's own
    // headline, and English headlines of this bulletin run to 100 characters.
    const report = await validateHtml(
      pages.map((page) => page.file),
      { ...HTML_VALIDATE_CONFIG, rules: { ...HTML_VALIDATE_CONFIG.rules, 'long-title': 'off' } },
    );
    expect(report.errorCount, formatReport(report)).toBe(0);
  });

  it('gives every page landmarks, one h1 and headings without skipped levels', () => {
    const problems: string[] = [];
    for (const page of pages) {
      for (const landmark of ['<header class="site-header"', '<nav class="site-nav"', '<main id="main"', '<footer class="site-footer"']) {
        if (page.html.split(landmark).length !== 2) problems.push(`${page.path}: expected one ${landmark}>`);
      }
      const headings = headingsOf(page.html);
      if (headings.filter(([level]) => level === 1).length !== 1 || headings[0]?.[0] !== 1) problems.push(`${page.path}: expected one h1, first`);
      headings.forEach(([level, text], index) => {
        const previous = headings[index - 1]?.[0] ?? 0;
        if (level > previous + 1) problems.push(`${page.path}: h${previous} → h${level} "${text}"`);
      });
      for (const attrs of tags(page.html, 'a')) {
        const current = attrs.get('aria-current');
        if (current === undefined) continue;
        const target = resolveInternal(attrs.get('href') ?? '', page.path);
        if (current !== 'page' || target?.file !== page.file) problems.push(`${page.path}: aria-current="${current}" on a link to ${attrs.get('href')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it(`keeps every article page under ${ARTICLE_BUDGET_BYTES / 1024} KB of HTML and CSS`, () => {
    const css = statSync(path.join(root, 'assets', 'site.css')).size;
    const articles = pages.filter((page) => page.html.includes('class="page-article"'));
    expect(articles.length).toBe(articlesOf(readIssues(root)).length * 2);
    const sizes = articles.map((page) => ({ path: page.path, bytes: Buffer.byteLength(page.html) + css }));
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.info(`article pages: largest ${largest.path} = ${largest.bytes - css} B HTML + ${css} B CSS = ${largest.bytes} B`);
    for (const { path: page, bytes } of sizes) expect(bytes, page).toBeLessThanOrEqual(ARTICLE_BUDGET_BYTES);
  });

  it('declares canonical and OpenGraph metadata on every page', () => {
    for (const page of pages) {
      const canonical = canonicalOf(page.html);
      expect(canonical, page.path).toEqual([new URL(page.path.slice(1), LOCAL_BASE_URL).href]);
      expect(metaProperty(page.html, 'og:url'), page.path).toBe(canonical[0]);
      expect(metaProperty(page.html, 'og:title')?.trim(), page.path).toBeTruthy();
      expect(metaProperty(page.html, 'og:description')?.trim(), page.path).toBeTruthy();
      expect(metaProperty(page.html, 'og:site_name')?.trim(), page.path).toBeTruthy();
      expect(metaProperty(page.html, 'og:locale'), page.path).toBe(isEnglish(page.path) ? 'en_US' : 'zh_CN');
      const article = page.html.includes('class="page-article"');
      expect(metaProperty(page.html, 'og:type'), page.path).toBe(article ? 'article' : 'website');
    }
  });

  it('writes robots.txt (the sitemap is checked in sitemap-feeds.test.ts)', () => {
    const robots = readFileSync(path.join(root, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/mu);
    expect(robots).toContain(`Sitemap: ${new URL('sitemap.xml', LOCAL_BASE_URL).href}`);
  });

  describe('XML', () => {
    let browser: Browser;
    let page: Page;
    beforeAll(async () => {
      browser = await launchBrowser();
      page = await browser.newPage();
    });
    afterAll(() => browser?.close());

    /** Chromium's XML parser: a parse error comes back as a <parsererror> document. */
    const parseXml = (xml: string) =>
      page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, 'application/xml');
        const error = doc.getElementsByTagName('parsererror')[0];
        if (error) return { error: error.textContent ?? 'parse error' };
        const atom = 'http://www.w3.org/2005/Atom';
        const root = doc.documentElement;
        return {
          error: null,
          root: root.localName,
          namespace: root.namespaceURI,
          lang: root.getAttribute('xml:lang'),
          self: [...root.children].find((n) => n.localName === 'link' && n.getAttribute('rel') === 'self')?.getAttribute('href') ?? null,
          entries: [...doc.getElementsByTagNameNS(atom, 'entry')].map((entry) => ({
            id: entry.getElementsByTagNameNS(atom, 'id')[0]?.textContent ?? null,
            title: entry.getElementsByTagNameNS(atom, 'title')[0]?.textContent ?? null,
            updated: entry.getElementsByTagNameNS(atom, 'updated')[0]?.textContent ?? null,
            href: entry.getElementsByTagNameNS(atom, 'link')[0]?.getAttribute('href') ?? null,
          })),
        };
      }, xml);

    it('publishes a well-formed Atom feed per language whose entries link to built pages', async () => {
      for (const [file, lang] of [['feed.xml', 'zh-CN'], ['en/feed.xml', 'en']] as const) {
        const feed = await parseXml(readFileSync(path.join(root, file), 'utf8'));
        expect(feed.error, file).toBeNull();
        expect(feed).toMatchObject({ root: 'feed', namespace: 'http://www.w3.org/2005/Atom', lang, self: new URL(file, LOCAL_BASE_URL).href });
        expect(feed.entries?.length, file).toBeGreaterThan(0);
        for (const entry of feed.entries ?? []) {
          expect(entry.id && entry.title && entry.updated, JSON.stringify(entry)).toBeTruthy();
          expect(Number.isNaN(Date.parse(entry.updated!)), entry.updated!).toBe(false);
          const target = resolveInternal(entry.href ?? '', '/');
          expect(target?.file, entry.href!).toMatch(/index\.html$/u);
          expect(isEnglish(target!.url.pathname), entry.href!).toBe(lang === 'en');
        }
      }
    });

    it('writes a well-formed sitemap', async () => {
      const sitemap = await parseXml(readFileSync(path.join(root, 'sitemap.xml'), 'utf8'));
      expect(sitemap.error).toBeNull();
      expect(sitemap).toMatchObject({ root: 'urlset', namespace: 'http://www.sitemaps.org/schemas/sitemap/0.9' });
    });

    it('rejects a malformed document (the check can fail)', async () => {
      expect((await parseXml('<feed><entry></feed>')).error).toBeTruthy();
    });
  });
});

describe('the build under a sub-path (https://example.org/archive/)', () => {
  let subRoot: string;
  let subPages: BuiltPage[];
  beforeAll(async () => {
    subRoot = builtSite('subpath');
    subPages = await loadPages(subRoot);
  });

  /** Problems with one URL found in `from` (a URL path relative to the output root). */
  const check = (href: string, from: string, rootRelativeOnly = false): string | null => {
    const site = new URL(SUBPATH_BASE_URL);
    const url = new URL(href, new URL(from.replace(/^\//u, ''), SUBPATH_BASE_URL));
    if (!/^https?:$/u.test(url.protocol) || url.host !== site.host) return null;
    if (href.startsWith('/') && !href.startsWith(SUBPATH_PREFIX)) return `${href} does not start with ${SUBPATH_PREFIX}`;
    if (rootRelativeOnly && !href.startsWith(SUBPATH_PREFIX) && !href.startsWith(SUBPATH_BASE_URL)) return `${href} is not under ${SUBPATH_PREFIX}`;
    if (!url.pathname.startsWith(SUBPATH_PREFIX)) return `${href} leaves ${SUBPATH_PREFIX}`;
    return fileForPath(subRoot, `/${url.pathname.slice(SUBPATH_PREFIX.length)}`) ? null : `${href} → no such file`;
  };

  it('keeps every link, asset and form under /archive/ and resolves it', () => {
    const problems: string[] = [];
    for (const page of subPages) {
      const links = urlsOf(page.html);
      expect(links.length, page.path).toBeGreaterThan(5);
      for (const link of links) {
        const problem = check(link.href, page.path);
        if (problem) problems.push(`${page.path}: <${link.tag}> ${problem}`);
      }
      for (const attrs of tags(page.html, 'form')) {
        const bundle = attrs.get('data-bundle');
        if (bundle !== undefined && !bundle.startsWith(SUBPATH_PREFIX)) problems.push(`${page.path}: data-bundle ${bundle}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps feed, sitemap, robots and open-data URLs under /archive/', () => {
    const problems: string[] = [];
    for (const file of ['feed.xml', 'en/feed.xml', 'sitemap.xml', 'robots.txt']) {
      const text = readFileSync(path.join(subRoot, file), 'utf8');
      const urls = [...text.matchAll(/(?:href="|<id>|<loc>|Sitemap: )(https?:\/\/[^"<\s]+)/gu)].map((m) => m[1]!);
      expect(urls.length, file).toBeGreaterThan(0);
      for (const url of urls) {
        if (!url.startsWith(SUBPATH_BASE_URL)) problems.push(`${file}: ${url}`);
        else if (!fileForPath(subRoot, `/${new URL(url).pathname.slice(SUBPATH_PREFIX.length)}`)) problems.push(`${file}: ${url} → no such file`);
      }
    }
    const archive = JSON.parse(readFileSync(path.join(subRoot, 'data', 'archive.json'), 'utf8')) as unknown;
    const paths = JSON.stringify(archive).match(/"\/[^"]*"/gu) ?? [];
    for (const quoted of paths) {
      const problem = check(JSON.parse(quoted) as string, '/', true);
      if (problem) problems.push(`data/archive.json: ${problem}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the fixture build (several issues)', () => {
  let fixtureRoot: string;
  let fixturePages: Map<string, BuiltPage>;
  beforeAll(async () => {
    fixtureRoot = builtSite('fixtures');
    fixturePages = new Map((await loadPages(fixtureRoot)).map((page) => [page.path, page]));
  });

  const relLink = (html: string, rel: string) => tags(html, 'a').find((attrs) => attrs.get('rel') === rel)?.get('href') ?? null;

  it('chains the issues with previous/next links, oldest to newest, in both languages', () => {
    const issues = readIssues(fixtureRoot).sort((a, b) => a.cumulative - b.cumulative);
    expect(issues.length).toBeGreaterThan(1);
    for (const localize of [(p: string) => p, english]) {
      issues.forEach((issue, index) => {
        const page = fixturePages.get(localize(issue.url));
        expect(page, issue.url).toBeDefined();
        expect(relLink(page!.html, 'prev'), `${issue.url} prev`).toBe(index > 0 ? localize(issues[index - 1]!.url) : null);
        expect(relLink(page!.html, 'next'), `${issue.url} next`).toBe(index < issues.length - 1 ? localize(issues[index + 1]!.url) : null);
      });
    }
  });

  it('puts the newest issue first on the home page and lists every issue in the archive', () => {
    const issues = readIssues(fixtureRoot).sort((a, b) => b.cumulative - a.cumulative);
    const home = fixturePages.get('/')!.html;
    const latest = home.match(/<p class="latest__issue"><a href="([^"]+)"/u)?.[1];
    expect(latest).toBe(issues[0]!.url);
    const archive = home.slice(home.indexOf('class="archive"'));
    const listed = tags(archive, 'a').map((attrs) => attrs.get('href'));
    expect(listed.filter((href) => issues.some((issue) => issue.url === href))).toEqual(issues.map((issue) => issue.url));
  });

  it('has no broken internal link', () => {
    const broken: string[] = [];
    for (const page of fixturePages.values()) {
      for (const link of urlsOf(page.html)) {
        const target = resolveInternal(link.href, page.path, fixtureRoot);
        if (target && !target.file) broken.push(`${page.path}: <${link.tag}> ${link.href}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
