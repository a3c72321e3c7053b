/**
 * The JSON-LD of every page kind in both languages, as a crawler reads it:
 * valid JSON; every type and property in schema.org's vocabulary (the JSON of
 * each built page is type-checked against schema-dts, the vocabulary as
 * TypeScript types, with the TypeScript compiler); on English pages English
 * URLs and language; the same facts as the open data.
 */
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_BASE_URL, REPO_ROOT } from '../support/global-setup.ts';
import { builtSite } from '../support/html.ts';
import { articlesOf, english, jsonLdOf, loadPages, pageKinds, readIssues, type BuiltPage } from './helpers.ts';

type Node = Record<string, any>;

const PAGE_TYPES: Record<string, string | null> = {
  home: 'WebPage',
  issues: 'CollectionPage',
  issue: 'ItemPage',
  article: 'ItemPage',
  print: 'ItemPage',
  columns: 'CollectionPage',
  column: 'CollectionPage',
  parks: 'CollectionPage',
  park: 'CollectionPage',
  search: 'SearchResultsPage',
  about: 'AboutPage',
  'not-found': null,
};

let root: string;
let pages: BuiltPage[];
let byPath: Map<string, BuiltPage>;

beforeAll(async () => {
  root = builtSite('default');
  pages = await loadPages(root);
  byPath = new Map(pages.map((page) => [page.path, page]));
});

const urlOf = (urlPath: string): string => new URL(urlPath.slice(1), LOCAL_BASE_URL).href;
const graphOf = (urlPath: string): Node[] => {
  const page = byPath.get(urlPath);
  if (!page) throw new Error(`no page ${urlPath}`);
  const [ld] = jsonLdOf(page.html) as Node[];
  return (ld?.['@graph'] ?? []) as Node[];
};

/** Every string value under `key` anywhere in `value`, except inside the subtrees named in `skip`. */
function valuesOf(value: unknown, keys: readonly string[], skip: readonly string[]): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesOf(item, keys, skip));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    if (skip.includes(key)) return [];
    if (keys.includes(key) && typeof inner === 'string') return [inner];
    return valuesOf(inner, keys, skip);
  });
}

describe('JSON-LD on every page', () => {
  it('is one graph per page (none on the 404 page), with the page as its first node', () => {
    for (const page of pages) {
      const lds = jsonLdOf(page.html) as Node[];
      const kind = Object.entries(pageKinds(root)).find(([, p]) => p === page.path || english(p) === page.path)?.[0];
      if (page.path.endsWith('404.html')) {
        expect(lds, page.path).toEqual([]);
        continue;
      }
      expect(lds, page.path).toHaveLength(1);
      expect(lds[0]!['@context'], page.path).toBe('https://schema.org');
      const [node] = lds[0]!['@graph'] as Node[];
      const lang = page.path.startsWith('/en/') ? 'en' : 'zh-CN';
      expect(node, page.path).toMatchObject({ '@id': urlOf(page.path), url: urlOf(page.path), inLanguage: lang, isPartOf: { '@id': `${urlOf(lang === 'en' ? '/en/' : '/')}#website` } });
      if (kind) expect(node!['@type'], page.path).toBe(PAGE_TYPES[kind]);
    }
  });

  it('on English pages names only English URLs and English as the language (the Chinese original only as translationOfWork)', () => {
    for (const page of pages.filter((p) => p.path.startsWith('/en/') && !p.path.endsWith('404.html'))) {
      const graph = graphOf(page.path);
      const urls = valuesOf(graph, ['@id', 'url', 'item', 'mainEntityOfPage', 'urlTemplate'], ['translationOfWork']);
      expect(urls.length, page.path).toBeGreaterThan(0);
      for (const url of urls) expect(url.startsWith(urlOf('/en/')), `${page.path}: ${url}`).toBe(true);
      // The bulletin itself is printed in Chinese; everything else on the page is the English page's.
      const languages = valuesOf(graph.filter((node) => node['@type'] !== 'Periodical'), ['inLanguage'], ['isPartOf']);
      expect(new Set(languages), page.path).toEqual(new Set(['en']));
    }
    for (const page of pages.filter((p) => !p.path.startsWith('/en/') && !p.path.endsWith('404.html'))) {
      for (const url of valuesOf(graphOf(page.path), ['@id', 'url', 'item', 'urlTemplate'], ['workTranslation'])) {
        expect(url.startsWith(urlOf('/en/')), `${page.path}: ${url}`).toBe(false);
      }
    }
  });

  it('describes each article as NewsArticle → PublicationIssue (期, with 总期号 beside it) → Periodical, with the open data values', () => {
    for (const issue of readIssues(root)) {
      for (const prefix of ['', '/en']) {
        const [issuePage] = graphOf(`${prefix}${issue.url}`);
        const articleIds = articlesOf([issue]).map((article) => `${urlOf(`${prefix}${article.url}`)}#article`);
        expect(issuePage!.mainEntity, issue.url).toMatchObject({
          '@type': 'PublicationIssue',
          '@id': `${urlOf(`${prefix}${issue.url}`)}#issue`,
          issueNumber: String(issue.number),
          identifier: { '@type': 'PropertyValue', value: String(issue.cumulative) },
          datePublished: issue.date,
          isPartOf: { '@type': 'Periodical', '@id': `${urlOf(`${prefix}/`)}#periodical`, name: prefix === '' ? '火炬动态' : 'Torch Dynamics' },
          hasPart: articleIds.map((id) => ({ '@id': id })),
        });
        for (const article of articlesOf([issue])) {
          const url = urlOf(`${prefix}${article.url}`);
          const [page] = graphOf(`${prefix}${article.url}`);
          const other = prefix === '' ? urlOf(english(article.url)) : urlOf(article.url);
          expect(page!.mainEntity, url).toMatchObject({
            '@type': 'NewsArticle',
            '@id': `${url}#article`,
            url,
            mainEntityOfPage: { '@id': url },
            datePublished: issue.date,
            inLanguage: prefix === '' ? 'zh-CN' : 'en',
            // On English pages a source with an English name is named in English, the Chinese beside it.
            author: !article.source
              ? { '@id': `${urlOf(`${prefix}/`)}#publisher` }
              : prefix === '/en' && article.sourceEn
                ? { '@type': 'Organization', name: article.sourceEn, alternateName: article.source }
                : { '@type': 'Organization', name: article.source },
            isPartOf: { '@type': 'PublicationIssue', issueNumber: String(issue.number), datePublished: issue.date },
            [prefix === '' ? 'workTranslation' : 'translationOfWork']: { '@id': `${other}#article` },
          });
          if (prefix === '') expect(page!.mainEntity.headline, url).toBe(article.title);
          else expect([page!.mainEntity.headline, page!.mainEntity.alternativeHeadline], url).toContain(article.title);
          expect(page!.mainEntity.about.length, url).toBe(article.parks.length);
        }
      }
    }
  });

  it('offers a site search on the home page and describes each park as a Place', () => {
    for (const prefix of ['', '/en']) {
      const graph = graphOf(`${prefix}/`);
      const website = graph.find((node) => node['@type'] === 'WebSite');
      expect(website, prefix).toMatchObject({
        '@id': `${urlOf(`${prefix}/`)}#website`,
        potentialAction: { '@type': 'SearchAction', target: { urlTemplate: `${urlOf(`${prefix}/search/`)}?q={search_term_string}` }, 'query-input': 'required name=search_term_string' },
      });
      expect(graph.map((node) => node['@type']), prefix).toEqual(['WebPage', 'WebSite', 'Periodical', 'Organization']);
      expect(graph[2], prefix).toMatchObject({ '@id': `${urlOf(`${prefix}/`)}#periodical`, inLanguage: 'zh-CN', url: urlOf(`${prefix}/`), publisher: { '@id': `${urlOf(`${prefix}/`)}#publisher` } });
      const park = pageKinds(root).park!;
      expect(graphOf(`${prefix}${park}`)[0]!.about, park).toMatchObject({ '@type': 'Place', address: { addressCountry: 'CN' } });
    }
  });
});

describe('type-checked against schema.org (schema-dts)', () => {
  /**
   * A page's JSON-LD as a TypeScript declaration of a schema-dts `Graph`. A
   * SearchAction's `query-input` is typed only by `WithActionConstraints`, so
   * each action is declared on its own and referred to by name.
   */
  function declaration(value: unknown, index: number): string {
    const actions: string[] = [];
    const text = JSON.stringify(value, (key, inner: unknown) => {
      if (key !== 'potentialAction' || (inner as Node)['@type'] !== 'SearchAction') return inner;
      actions.push(JSON.stringify(inner));
      return `@@action${index}_${actions.length - 1}@@`;
    });
    const named = text.replace(/"@@(action\d+_\d+)@@"/gu, '$1');
    return [...actions.map((action, n) => `const action${index}_${n}: WithActionConstraints<SearchAction> = ${action};`), `export const page${index}: Graph = ${named};`].join(' ');
  }

  /** TypeScript errors for a module that declares each JSON-LD value as a schema-dts `Graph`, by value name. */
  function typeErrors(values: ReadonlyMap<string, unknown>): Map<string, string[]> {
    const file = path.join(REPO_ROOT, 'test', 'site', '__json-ld__.ts');
    const names = [...values.keys()];
    const source = ["import type { Graph, SearchAction, WithActionConstraints } from 'schema-dts';", ...names.map((name, index) => declaration(values.get(name), index))].join('\n');
    const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [] };
    const host = ts.createCompilerHost(options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, language, ...rest) => (name === file ? ts.createSourceFile(name, source, language) : read(name, language, ...rest));
    const exists = host.fileExists.bind(host);
    host.fileExists = (name) => name === file || exists(name);
    const program = ts.createProgram([file], options, host);
    const errors = new Map<string, string[]>();
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line : 0;
      const name = names[line - 1] ?? '(module)';
      errors.set(name, [...(errors.get(name) ?? []), ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ').slice(0, 300)]);
    }
    return errors;
  }

  it('every page in both languages, and a misspelt property or type is caught', () => {
    const values = new Map<string, unknown>();
    for (const page of pages) for (const ld of jsonLdOf(page.html)) values.set(page.path, ld);
    expect(values.size).toBe(pages.length - 2); // all but the two 404 pages
    const article = structuredClone(values.get(pageKinds(root).article!)) as Node;
    article['@graph'][0].mainEntity.headlin = 'typo';
    values.set('(control: misspelt property)', article);
    const issue = structuredClone(values.get(pageKinds(root).issue!)) as Node;
    issue['@graph'][0].mainEntity['@type'] = 'PublicationIssu';
    values.set('(control: unknown type)', issue);
    const errors = typeErrors(values);
    expect([...errors.keys()].sort(), JSON.stringify(Object.fromEntries(errors), null, 1)).toEqual(['(control: misspelt property)', '(control: unknown type)']);
  }, 120_000);
});
