/**
 * A search index in parts (issues 1–128 in one, 129–256 in the next): the
 * search page merges them, and a reader sees one search. On the synthetic
 * archive build (issues 1, 2, 3, 30, 31 and 129: two parts), in headless
 * Chromium over HTTP: every query finds exactly the articles the open data
 * says contain it, from both parts, newest first, and a first search loads
 * something of each part.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type SiteServer } from '../../src/serve/site-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { builtSite } from '../support/html.ts';
import { allResults, instrument, oracle, pageOpener, readArticles, typeQuery } from './search-support.ts';

const root = builtSite('archive');
const articles = readArticles(root);
const byUrl = new Map(articles.map((article) => [article.url, article]));

let browser: Browser;
let context: BrowserContext;
let server: SiteServer;
const problems: string[] = [];
const open = pageOpener(() => context, () => server.url, problems);

beforeAll(async () => {
  server = await serveSite(root);
  browser = await launchBrowser();
  context = await browser.newContext();
  await context.addInitScript(instrument);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a search over two parts of the index', () => {
  it('names both parts on the search page', () => {
    const html = readFileSync(join(root, 'search', 'index.html'), 'utf8');
    const parts = /data-parts="([^"]*)"/u.exec(html)?.[1]?.split(' ') ?? [];
    expect(parts.map((part) => /\/pagefind\/(\d{4})-[\w-]+\/$/u.exec(part)?.[1])).toEqual(['0000', '0001']);
  });

  it.each(['高新区', '创新', '孵化器', '火炬', '大湾区'])('%s: exactly the articles containing it, from both parts, newest first', async (query) => {
    const page = await open('/search/');
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await typeQuery(page, query);
    const found = (await allResults(page)).map((result) => result.href);
    const expected = oracle(articles, query);
    expect(expected.length).toBeGreaterThan(0);
    expect([...found].sort()).toEqual(expected);
    const dates = found.map((url) => byUrl.get(url)?.cumulative ?? NaN);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    // The page loads each part's index, whichever holds the matches.
    for (const block of ['0000', '0001']) expect(fetched.some((path) => path.includes(`/pagefind/${block}-`)), block).toBe(true);
    await page.close();
    expect(problems).toEqual([]);
  });
});
