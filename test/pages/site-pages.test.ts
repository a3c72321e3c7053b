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
const { site } = buildSiteData(issues, new Map(), { baseUrl: 'https://example.org/archive/', buildDate: '2026-11-26', parks: loadGazetteer() });

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

describe('pages kept between builds (bulletin serve)', () => {
  const options = { baseUrl: 'https://example.org/archive/', buildDate: '2026-11-26', parks: loadGazetteer() };
  const pageOf = (built: ReturnType<typeof buildSiteData>, permalink: string) => built.site.pages.issue.find((page) => page.permalink === permalink);

  it('gives an unchanged issue the same page objects, and the same pages as without the memo', () => {
    const memo = new WeakMap();
    const first = buildSiteData(issues, new Map(), { ...options, memo });
    const second = buildSiteData(issues, new Map(), { ...options, memo });
    expect(pageOf(second, '/issues/72/')).toBe(pageOf(first, '/issues/72/'));
    expect(second.site.pages.article[0]).toBe(first.site.pages.article[0]);
    expect(JSON.stringify(second)).toBe(JSON.stringify(buildSiteData(issues, new Map(), options)));
  });

  it('remakes the pages of an issue whose neighbour or translation changed', () => {
    const memo = new WeakMap();
    const first = buildSiteData(issues, new Map(), { ...options, memo });
    const [, second, third, ...rest] = issues as [Issue, Issue, Issue, ...Issue[]];
    // Issue 96 is gone: 72's next link now leads to 120.
    const withoutNinetySix = buildSiteData([issues[0] as Issue, third, ...rest], new Map(), { ...options, memo });
    expect(pageOf(withoutNinetySix, '/issues/72/')).not.toBe(pageOf(first, '/issues/72/'));
    expect(pageOf(withoutNinetySix, '/issues/72/')?.issue.next?.href).toBe('/archive/issues/120/');
    expect(pageOf(withoutNinetySix, '/issues/24/')).toBe(pageOf(first, '/issues/24/'));
    const title = second.sections[0]?.articles[0]?.title ?? '';
    const translated = buildSiteData(issues, new Map([[96, { cumulative: 96, lang: 'en' as const, sections: {}, articles: { [title]: { title: 'Translated' } } }]]), { ...options, memo });
    const english = translated.site.pages.article.find((page) => page.lang === 'en' && page.article.originalTitle === title);
    expect(english?.article.title).toBe('Translated');
  });
});
