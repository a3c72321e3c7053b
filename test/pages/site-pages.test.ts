import { describe, expect, it } from 'vitest';
import { syntheticIssue } from '../../bench/synthetic.ts';
import { buildSiteData } from '../../src/pages/site-pages.ts';
import type { Issue } from '../../src/model/records.ts';
import { parseSeed } from '../../src/parse/parse-issue.ts';
import { loadGazetteer } from '../../src/parks/gazetteer.ts';

/** Five issues, one a year from 2000 to 2004. */
const issues: Issue[] = [120, 96, 72, 48, 24].map((cumulative) => {
  const result = parseSeed(syntheticIssue(cumulative), `${cumulative}.md`);
  if (result.kind !== 'issue') throw new Error(JSON.stringify(result.diagnostics.filter((d) => d.severity === 'error')));
  return result.issue;
});
const { site } = buildSiteData(issues, new Map(), { baseUrl: 'https://example.org/archive/', buildDate: '2026-11-26', parks: loadGazetteer(), searchParts: ['/pagefind/0000-x/'] });

describe('the home page of a long archive', () => {
  it('lists the three most recent years and links to the whole archive', () => {
    const home = site.pages.home.find((page) => page.lang === 'zh-CN');
    expect(home?.years.map((year) => year.year)).toEqual(['2004年', '2003年', '2002年']);
    expect(home?.allIssues).toEqual({ href: '/archive/issues/', label: '查看全部往期' });
    expect(home?.latest?.label).toBe('2004年第24期 · 总第120期');
  });

  it('keeps every year on the archive page', () => {
    const archive = site.pages.issues.find((page) => page.lang === 'en');
    expect(archive?.years.map((year) => year.year)).toEqual(['2004', '2003', '2002', '2001', '2000']);
  });

  it('chains issues oldest to newest with previous and next', () => {
    const issue72 = site.pages.issue.find((page) => page.lang === 'zh-CN' && page.permalink === '/issues/72/');
    expect(issue72?.issue.previous?.href).toBe('/archive/issues/48/');
    expect(issue72?.issue.next?.href).toBe('/archive/issues/96/');
  });
});
