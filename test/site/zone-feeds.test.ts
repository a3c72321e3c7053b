/**
 * Following a zone: every park page, in both languages, offers an Atom feed
 * of the articles that name the zone. The feeds are read as a feed reader
 * reads them (saxes, feedsmith, RFC 4287's rules) on the fixture site (two
 * issues, some zones in both); what they must hold comes from the open data
 * and from the park pages' own lists, not from the feed code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAtomFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json' with { type: 'json' };
import { FIXTURE_SEEDS, LOCAL_BASE_URL } from '../support/global-setup.ts';
import { builtSite } from '../support/html.ts';
import { readTranslations } from '../browser/search-support.ts';
import { atomProblems, xmlErrors } from './atom.ts';
import { readIssues, tags, type OpenDataIssue } from './helpers.ts';

interface Zone {
  name: string;
  page: string | null;
}
type Issue = OpenDataIssue & { sections: { articles: { sourceEn?: string | null }[] }[] };

let root: string;
let issues: Issue[];
let zones: Zone[];

beforeAll(() => {
  root = builtSite('fixtures');
  issues = (readIssues(root) as Issue[]).sort((a, b) => b.cumulative - a.cumulative);
  zones = (JSON.parse(readFileSync(path.join(root, 'data', 'zones.json'), 'utf8')) as { zones: Zone[] }).zones.filter((zone) => zone.page !== null);
});

const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');
const urlOf = (urlPath: string): string => new URL(urlPath.slice(1), LOCAL_BASE_URL).href;
const prefixes = ['', '/en'] as const;

/** The articles naming a zone, newest issue first and in reading order, as the open data lists them. */
function articlesNaming(zone: string) {
  return issues.flatMap((issue) => issue.sections.flatMap((section) => section.articles.filter((article) => article.parks.includes(zone))));
}

/** The hrefs a park page lists under one of its headings (`park-about`, `park-mentions`). */
function listed(html: string, id: string): string[] {
  const section = new RegExp(`<section aria-labelledby="${id}">([\\s\\S]*?)</section>`, 'u').exec(html)?.[1] ?? '';
  return tags(section, 'a').map((attrs) => attrs.get('href') ?? '').filter((href) => href.includes('/issues/') && !/\/issues\/\d+\/$/u.test(href));
}

describe('a zone’s Atom feed', () => {
  it('exists for every zone page in both languages, offered in the page head and as a visible link', () => {
    expect(zones.length).toBeGreaterThan(5);
    for (const zone of zones) {
      for (const prefix of prefixes) {
        const page = `${prefix}/parks/${zone.page}/`;
        const html = read(`${page}index.html`);
        const feeds = tags(html, 'link').filter((attrs) => attrs.get('rel') === 'alternate' && attrs.get('type') === 'application/atom+xml');
        expect(feeds[0]?.get('href'), page).toBe(`${page}feed.xml`);
        expect(feeds[0]?.get('title'), page).toContain(prefix === '' ? zone.name : 'High-tech Zone');
        expect(feeds.map((attrs) => attrs.get('href')), page).toContain(`${prefix}/feed.xml`);
        expect(tags(html, 'a').some((attrs) => attrs.get('href') === `${page}feed.xml` && attrs.get('type') === 'application/atom+xml'), page).toBe(true);
      }
    }
  });

  it('is well-formed and meets RFC 4287', () => {
    for (const zone of zones) {
      for (const prefix of prefixes) {
        const file = `${prefix}/parks/${zone.page}/feed.xml`;
        expect(xmlErrors(read(file)), file).toEqual([]);
        expect(atomProblems(read(file)), file).toEqual([]);
        const feed = parseAtomFeed(read(file));
        expect(feed.id, file).toBe(urlOf(file));
        expect(feed.links?.find((link) => link.rel === 'alternate')?.href, file).toBe(urlOf(`${prefix}/parks/${zone.page}/`));
      }
    }
  });

  it('holds every article naming the zone, newest first, each once under its own page in the feed’s language', () => {
    for (const zone of zones) {
      const expected = articlesNaming(zone.name);
      expect(expected.length, zone.name).toBeGreaterThan(0);
      for (const prefix of prefixes) {
        const entries = parseAtomFeed(read(`${prefix}/parks/${zone.page}/feed.xml`)).entries ?? [];
        expect(entries.map((entry) => entry.id), zone.name).toEqual(expected.map((article) => urlOf(`${prefix}${article.url}`)));
        for (const entry of entries) expect(entry.links?.find((link) => (link.rel ?? 'alternate') === 'alternate')?.href).toBe(entry.id);
      }
    }
  });

  it('marks each entry as about the zone or only mentioning it, as the zone’s page lists it', () => {
    let about = 0;
    for (const zone of zones) {
      for (const prefix of prefixes) {
        const html = read(`${prefix}/parks/${zone.page}/index.html`);
        const aboutLinks = new Set(listed(html, 'park-about').map((href) => urlOf(href)));
        const mentionLinks = new Set(listed(html, 'park-mentions').map((href) => urlOf(href)));
        for (const entry of parseAtomFeed(read(`${prefix}/parks/${zone.page}/feed.xml`)).entries ?? []) {
          const term = entry.categories?.[0]?.term;
          expect(term === 'about' ? aboutLinks.has(entry.id!) : mentionLinks.has(entry.id!), `${zone.name} ${entry.id} ${term}`).toBe(true);
          if (term === 'about') about += 1;
        }
      }
    }
    expect(about).toBeGreaterThan(0);
  });

  it('titles and credits entries in the feed’s language: English titles and source names in English where there are any', () => {
    const { articles: englishTitles } = readTranslations(FIXTURE_SEEDS);
    let englishSources = 0;
    for (const zone of zones) {
      const entries = new Map((parseAtomFeed(read(`/en/parks/${zone.page}/feed.xml`)).entries ?? []).map((entry) => [entry.id, entry]));
      for (const article of articlesNaming(zone.name)) {
        const entry = entries.get(urlOf(`/en${article.url}`))!;
        expect(entry.title?.value, article.title).toBe(englishTitles.get(article.title) ?? article.title);
        const sourceEn = (article as { sourceEn?: string | null }).sourceEn ?? null;
        expect(entry.authors?.[0]?.name, article.title).toBe(sourceEn ?? article.source ?? en['site.publisher']);
        if (sourceEn) englishSources += 1;
      }
    }
    expect(englishSources).toBeGreaterThan(0);
  });
});
