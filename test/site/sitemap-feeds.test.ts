/**
 * The sitemap and the Atom feeds as crawlers and feed readers take them:
 * well-formed XML (saxes, a conforming XML 1.0 parser), the feeds read by a
 * real feed parser (feedsmith) and held to RFC 4287's rules, the sitemap
 * listing every page once in both languages with alternates both ways.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAtomFeed } from 'feedsmith';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_BASE_URL } from '../support/global-setup.ts';
import { builtSite } from '../support/html.ts';
import { alternatesOf, articlesOf, english, loadPages, readIssues, type BuiltPage } from './helpers.ts';
import { atomProblems, xmlErrors } from './atom.ts';

let root: string;
let pages: BuiltPage[];

beforeAll(async () => {
  root = builtSite('default');
  pages = await loadPages(root);
});

const urlOf = (urlPath: string): string => new URL(urlPath.slice(1), LOCAL_BASE_URL).href;
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

interface SitemapEntry {
  loc: string;
  lastmod: string;
  alternates: Map<string, string>;
}

function sitemapEntries(xml: string): SitemapEntry[] {
  const entries: SitemapEntry[] = [];
  const parser = new SaxesParser({ xmlns: true });
  let text = '';
  parser.on('opentag', (tag) => {
    text = '';
    if (tag.local === 'url') entries.push({ loc: '', lastmod: '', alternates: new Map() });
    if (tag.local === 'link' && tag.uri === 'http://www.w3.org/1999/xhtml') {
      entries.at(-1)!.alternates.set(tag.attributes.hreflang!.value, tag.attributes.href!.value);
    }
  });
  parser.on('text', (chunk) => (text += chunk));
  parser.on('closetag', (tag) => {
    if (tag.local === 'loc') entries.at(-1)!.loc = text.trim();
    if (tag.local === 'lastmod') entries.at(-1)!.lastmod = text.trim();
  });
  parser.write(xml).close();
  return entries;
}

describe('sitemap.xml', () => {
  let entries: SitemapEntry[];
  beforeAll(() => {
    const xml = read('sitemap.xml');
    expect(xmlErrors(xml)).toEqual([]);
    entries = sitemapEntries(xml);
  });

  it('lists every HTML page but the 404 pages once, in both languages', () => {
    const locs = entries.map((entry) => entry.loc);
    expect(new Set(locs).size).toBe(locs.length);
    const expected = pages.filter((page) => !page.path.endsWith('404.html')).map((page) => urlOf(page.path));
    expect([...locs].sort()).toEqual([...expected].sort());
    expect(locs.filter((loc) => loc.startsWith(urlOf('/en/'))).length).toBe(expected.length / 2);
  });

  it('gives each page its alternates, pointing both ways, as the page itself does', () => {
    const byLoc = new Map(entries.map((entry) => [entry.loc, entry]));
    for (const entry of entries) {
      expect([...entry.alternates.keys()].sort(), entry.loc).toEqual(['en', 'x-default', 'zh-CN']);
      for (const [lang, href] of entry.alternates) {
        if (lang === 'x-default') continue;
        const other = byLoc.get(href);
        expect(other, `${entry.loc} → ${href}`).toBeDefined();
        expect(other!.alternates, href).toEqual(entry.alternates);
      }
      const page = pages.find((candidate) => urlOf(candidate.path) === entry.loc)!;
      expect(Object.fromEntries(alternatesOf(page.html)), entry.loc).toEqual(Object.fromEntries(entry.alternates));
    }
  });

  it('dates each page by the newest issue it shows', () => {
    const issues = readIssues(root);
    const newest = issues.map((issue) => issue.date).sort().at(-1)!;
    const byLoc = new Map(entries.map((entry) => [entry.loc, entry.lastmod]));
    for (const entry of entries) {
      expect(entry.lastmod, entry.loc).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
      expect(entry.lastmod <= newest, entry.loc).toBe(true);
    }
    for (const issue of issues) {
      for (const urlPath of [issue.url, `${issue.url}print/`, ...articlesOf([issue]).map((article) => article.url)]) {
        expect(byLoc.get(urlOf(urlPath)), urlPath).toBe(issue.date);
        expect(byLoc.get(urlOf(english(urlPath))), urlPath).toBe(issue.date);
      }
    }
    expect(byLoc.get(urlOf('/'))).toBe(newest);
  });
});

describe('the Atom feeds', () => {
  const FEEDS = [
    ['feed.xml', 'zh-CN', ''],
    ['en/feed.xml', 'en', '/en'],
  ] as const;

  it('are well-formed and meet RFC 4287', () => {
    for (const [file] of FEEDS) {
      expect(xmlErrors(read(file)), file).toEqual([]);
      expect(atomProblems(read(file)), file).toEqual([]);
    }
  });

  it('give every entry an id of its own page, unique across both feeds', () => {
    const ids = FEEDS.flatMap(([file, , prefix]) =>
      (parseAtomFeed(read(file)).entries ?? []).map((entry) => {
        expect(entry.id, file).toBe(entry.links?.find((link) => (link.rel ?? 'alternate') === 'alternate')?.href);
        expect(entry.id!.startsWith(urlOf(`${prefix}/issues/`)), entry.id).toBe(true);
        return entry.id!;
      }),
    );
    expect(ids.length).toBe(2 * articlesOf(readIssues(root)).length);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('end each summary at a word or sentence, with an ellipsis when the article goes on', () => {
    const texts = new Map(articlesOf(readIssues(root)).map((article) => [urlOf(article.url), (article as { text?: string }).text ?? '']));
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    for (const [file, , prefix] of FEEDS) {
      for (const entry of parseAtomFeed(read(file)).entries ?? []) {
        const summary = entry.summary!;
        expect(summary.xml?.lang, entry.id).toBe('zh-CN');
        const full = texts.get(prefix === '' ? entry.id! : entry.id!.replace(urlOf('/en/'), urlOf('/')))!.replace(/\s+/gu, ' ').trim();
        const value = summary.value!;
        expect([...value].length, entry.id).toBeLessThanOrEqual(200);
        if ([...full].length <= 200) {
          expect(value, entry.id).toBe(full);
          continue;
        }
        expect(value.endsWith('…'), entry.id).toBe(true);
        const kept = value.slice(0, -1);
        expect(full.startsWith(kept), entry.id).toBe(true);
        const boundaries = new Set([...segmenter.segment(full)].map((segment) => segment.index));
        expect(boundaries.has(kept.length), `${entry.id}: cut inside a word at ${kept.slice(-10)}`).toBe(true);
      }
    }
  });

  it('can fail: a raw ampersand and a repeated id are caught', () => {
    const xml = read('feed.xml');
    expect(xmlErrors(xml.replace('<title>', '<title>A & B'))).not.toEqual([]);
    const first = parseAtomFeed(xml).entries![0]!.id!;
    const second = parseAtomFeed(xml).entries![1]!.id!;
    expect(atomProblems(xml.replace(`<id>${second}</id>`, `<id>${first}</id>`))).toContain(`entry ${first}: duplicate id`);
  });
});
