/**
 * Every name the build writes is one that common file systems hold: a
 * Windows user can check the site out or copy it, and no title makes
 * Eleventy fail with ENAMETOOLONG. The hostile seeds' issue 553 has a column
 * and two articles titled with 300-letter words (alike but for the last
 * letter) and articles titled CON, NUL, COM1, LPT9 in a column called aux.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuiltSiteKey } from '../support/global-setup.ts';
import { builtSite } from '../support/html.ts';

/** Names Windows keeps for devices, also with an extension; written out here, apart from the code under test. */
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/iu;

/** What is wrong with a name as a file or folder name on common file systems, or null. */
function problemOf(name: string): string | null {
  if (Buffer.byteLength(name) > 255) return `${Buffer.byteLength(name)} bytes`;
  if (DEVICE.test(name)) return 'a Windows device name';
  if (/[. ]$/u.test(name)) return 'ends in a dot or a space';
  return null;
}

/** Every path under `dir`, relative, folders included. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? [path, ...walk(dir, path)] : [path];
  });
}

describe('names of the files the build writes', () => {
  it.each<BuiltSiteKey>(['hostile', 'default', 'fixtures', 'zones', 'archive'])('every path segment of the %s site is under 255 bytes, no device name, no trailing dot or space', (key) => {
    const paths = walk(builtSite(key));
    expect(paths.length).toBeGreaterThan(20);
    const bad = paths.flatMap((path) => path.split('/').map((segment) => [path, problemOf(segment)] as const)).filter(([, problem]) => problem !== null);
    expect(bad).toEqual([]);
  });

  it('gives each of the titles of issue 553 a page of its own, at a stable, unique address', () => {
    const site = builtSite('hostile');
    const issue = JSON.parse(readFileSync(join(site, 'data/issues/553.json'), 'utf8')) as { sections: { title: string; articles: { title: string; url: string }[] }[] };
    const articles = issue.sections.flatMap((section) => section.articles);
    expect(articles.map((article) => article.title).slice(2)).toEqual(['CON', 'NUL', 'COM1', 'LPT9']);
    expect(articles.map((article) => article.title.length).slice(0, 2)).toEqual([300, 300]);
    expect(new Set(articles.map((article) => article.url)).size).toBe(articles.length);
    for (const { title, url } of articles) {
      const page = readFileSync(join(site, url, 'index.html'), 'utf8');
      expect(page, url).toContain(`<h1`);
      expect(page, url).toContain(title);
    }
    const columns = readdirSync(join(site, 'columns'));
    expect(columns.filter((name) => name.startsWith('pneumono'))).toHaveLength(1);
    expect(columns).toContain('aux-1');
  });
});
