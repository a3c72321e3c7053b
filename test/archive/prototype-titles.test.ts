import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { issueSearchRecords } from '../../src/archive/search-records.ts';
import { buildSiteData } from '../../src/pages/site-pages.ts';
import { loadGazetteer } from '../../src/parks/gazetteer.ts';
import { parseText } from '../parse/helpers.ts';

const SEEDS = fileURLToPath(new URL('../fixtures/bad-input/prototype-titles/input/', import.meta.url));

describe('titles named like members of Object.prototype', async () => {
  const archive = await loadArchive([SEEDS]);
  const { site } = buildSiteData(archive.issues, archive.translations, { baseUrl: 'http://localhost/', buildDate: '2026-01-01', parks: loadGazetteer(), searchParts: ['/pagefind/0000-x/'] });
  const english = site.pages.article.filter((page) => page.lang === 'en');

  it('are titles like any other, in the records', () => {
    expect(archive.issues[0]?.sections.map((section) => [section.title, section.articles.map((article) => article.title)])).toEqual([
      ['constructor', ['__proto__', 'toString']],
      ['hasOwnProperty', ['valueOf', 'constructor的文章']],
    ]);
  });

  it('take an English title only from a translation key that is really there', () => {
    expect(english.map((page) => [page.article.title, page.article.column.label])).toEqual([
      ['The proto article', 'constructor'],
      ['toString', 'constructor'],
      ['The valueOf article', 'The hasOwnProperty column'],
      ['constructor的文章', 'The hasOwnProperty column'],
    ]);
    const print = site.pages.printIssue.find((page) => page.lang === 'en');
    expect(print?.sections.map((section) => [section.title, section.subtitle])).toEqual([
      ['constructor', null],
      ['The hasOwnProperty column', 'about own properties'],
    ]);
  });

  it('give search records an English title only where there is one', () => {
    const [issue] = archive.issues;
    if (!issue) throw new Error('no issue');
    const records = issueSearchRecords(issue, archive.translations.get(550), '/');
    expect(records.map((record) => [record.title, record.meta.title_en ?? null])).toEqual([
      ['__proto__', 'The proto article'],
      ['toString', null],
      ['valueOf', 'The valueOf article'],
      ['constructor的文章', null],
    ]);
  });

  it('are kept as translation keys, `__proto__` included, and placed when they match nothing', () => {
    const result = parseText('---\ntranslation_of: 550\nlang: en\narticles:\n  __proto__: { title: P }\n  constructor: { title: C }\n---\n', 'en.md');
    expect(result.kind === 'translation' && Object.keys(result.translation.articles)).toEqual(['__proto__', 'constructor']);
    expect(result.kind === 'translation' && Object.getPrototypeOf(result.translation.articles)).toBe(Object.prototype);
    expect(archive.diagnostics.filter((d) => d.ruleId === 'translation-unmatched').map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '6:3 Unexpected translation key `toString`, expected a column or article title of 总第550期',
      '10:3 Unexpected translation key `constructor`, expected a column or article title of 总第550期',
    ]);
  });
});
