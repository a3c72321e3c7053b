import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { builtSite, listHtmlFiles, parseAttributes, readHtml } from '../support/html.ts';
import { serveSite, type SiteServer } from '../../src/serve/site-server.ts';

/** The only script elements a page may carry: our own modules and inert JSON data blocks. */
const ALLOWED_SCRIPT = /^<script (?:type="module" src="\/assets\/js\/[a-z-]+\.js"|type="application\/ld\+json"|type="application\/json" id="(?:search-strings|cite-record)")>$/u;
const TAG = /<([a-z][a-z0-9-]*)(\s[^<>]*)?>/giu;

describe('hostile seeds cannot inject anything', () => {
  let site: string;
  let files: string[];
  beforeAll(async () => {
    site = builtSite('hostile');
    files = await listHtmlFiles(site);
  });

  it('puts no script, event handler or unsafe URL into any page', async () => {
    for (const file of files) {
      const html = await readHtml(file);
      const where = relative(site, file);
      for (const match of html.matchAll(/<script[^>]*>/gu)) expect(match[0], where).toMatch(ALLOWED_SCRIPT);
      for (const match of html.matchAll(TAG)) {
        const attributes = parseAttributes(match[2] ?? '');
        for (const [name, value] of attributes) {
          expect(name, `${where}: ${match[0]}`).not.toMatch(/^on/u);
          if (['href', 'src', 'action'].includes(name)) expect(value, `${where}: ${match[0]}`).not.toMatch(/^\s*(?:javascript|data|vbscript):/iu);
        }
        const tag = match[1]?.toLowerCase() ?? '';
        expect(['iframe', 'object', 'embed', 'style', 'b', 'form'].includes(tag) && !(tag === 'form' && attributes.get('role') === 'search'), `${where}: ${match[0]}`).toBe(false);
        if (tag === 'img') expect(attributes.get('src'), `${where}: ${match[0]}`).toMatch(/^\/assets\//u);
      }
    }
  });

  it('keeps hostile titles intact as data in JSON-LD, feeds and the export', async () => {
    const issue = JSON.parse(await readFile(join(site, 'data/issues/551.json'), 'utf8')) as { sections: { articles: { title: string; url: string; source: string }[] }[] };
    const [first, second] = issue.sections[0]?.articles ?? [];
    expect(first?.title).toBe('示例</script><script>window.__xss=1</script>标题');
    expect(second?.source).toBe('江门高新区" onmouseover="window.__xss=10');
    const page = await readHtml(join(site, first?.url.replace(/^\//u, '') ?? '', 'index.html'));
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/su.exec(page)?.[1] ?? '';
    expect(ld).not.toMatch(/<\/script/iu);
    const graph = (JSON.parse(ld) as { '@graph': { mainEntity?: { headline?: string; author?: { name?: string } } }[] })['@graph'];
    expect(graph[0]?.mainEntity?.headline).toBe(first?.title);
    // The citation record the page's script reads: inert, and the same title back.
    const record = /<script type="application\/json" id="cite-record">(.*?)<\/script>/su.exec(page)?.[1] ?? '';
    expect(record).not.toMatch(/<\/script/iu);
    expect((JSON.parse(record) as { title: string; source: string | null }).title).toBe(first?.title);
    const feed = await readFile(join(site, 'feed.xml'), 'utf8');
    expect(feed).not.toContain('<script');
    expect(feed).toContain('示例&lt;/script&gt;&lt;script&gt;window.__xss=1&lt;/script&gt;标题');
  });

  describe('in Chromium', () => {
    let browser: Browser;
    let server: SiteServer;
    beforeAll(async () => {
      browser = await launchBrowser();
      server = await serveSite(site);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('runs none of the payloads on any page, even when the reader hovers and clicks', async () => {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      const violations: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('console', (message) => {
        if (/Content Security Policy/iu.test(message.text())) violations.push(message.text());
      });
      for (const file of files) {
        const path = relative(site, file).replace(/index\.html$/u, '');
        await page.goto(server.url + path);
        // The whole-issue print view lays itself out in pages (Paged.js): hover over the pages, not what they are made from.
        await page.waitForFunction(() => !document.querySelector('script[src$="print-issue.js"]') || document.documentElement.dataset.paged !== undefined, null, { timeout: 30_000 });
        for (const element of await page.locator('main h1, main h2, main p, main li').all()) await element.hover({ timeout: 1000 }).catch(() => undefined);
        expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), path).toBeUndefined();
        expect(await page.evaluate(() => getComputedStyle(document.body).display), path).not.toBe('none');
      }
      expect(dialogs).toEqual([]);
      expect(violations).toEqual([]);
      await page.close();
      // Every page of the hostile seeds (issue 553, file-system names, added a third of them), each element hovered, the print views laid out in pages first: a walk, not a timing.
    }, 180_000);
  });
});
