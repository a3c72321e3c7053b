import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { articleZonesCsv, spreadsheetText } from '../../src/archive/article-zones-csv.ts';
import { loadGazetteer } from '../../src/parks/gazetteer.ts';
import { parseIssueOrThrow, seed549 } from '../parse/helpers.ts';

describe('the article × zone CSV', () => {
  it('keeps a cell a spreadsheet would run as a formula as text, a quote before it', () => {
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(spreadsheetText(formula)).toBe(`'${formula}`);
    for (const text of ['佛山高新区', 'a=b', '2022 年', '']) expect(spreadsheetText(text)).toBe(text);
  });

  it('round-trips quotes, commas and line breaks through a CSV parser, and defuses a title written as a formula', () => {
    const { issue } = parseIssueOrThrow(seed549);
    const article = issue.sections[0]!.articles.find((entry) => entry.parks.length > 0)!;
    article.title = '=HYPERLINK("http://example.org/?a,b","点我")';
    article.source = '科技部火炬中心，"本刊"\n记者';
    const rows = parse(articleZonesCsv([issue], new Map(), loadGazetteer(), 'https://example.org/archive/'), { bom: true, columns: true }) as Record<string, string>[];
    const row = rows.find((entry) => entry.article_id === article.id)!;
    expect(row.title).toBe(`'${article.title}`);
    expect(row.source).toBe(article.source);
    expect(row.url).toBe(`https://example.org/archive/issues/549/${article.slug}/`);
    expect(row.url_en).toBe(`https://example.org/archive/en/issues/549/${article.slug}/`);
    expect(rows).toHaveLength(issue.sections.flatMap((section) => section.articles).reduce((sum, entry) => sum + entry.parks.length, 0));
  });
});
