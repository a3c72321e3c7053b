/**
 * A CSL-JSON array holding one item.
 *
 * Type `article-journal`, not `article-magazine`: the bulletin is a serial
 * numbered by year and issue, and every other format here classes it the same
 * way (GB/T 7714 [J], RIS JOUR, BibTeX @article); CSL styles for GB/T 7714 map
 * `article-journal` to [J]. The issue within the year (期) is `issue`; the
 * cumulative number (总第…期) is text in `note`: CSL's `number` means an
 * article or report number, and citation-js exports it as RIS C7 and biblatex
 * `eid`, while GB/T 7714-2025 styles print it as a page-like locator.
 *
 * The JSON text escapes `<`, `>`, `&`, U+2028 and U+2029 as `\uXXXX`: the value
 * JSON.parse returns is unchanged, but the text can sit inside an HTML
 * `<script>` element or attribute without ending it.
 */
import { scriptJson } from '../text/script-json.ts';
import { authorOf, oneLine, parseIsoDate, type CitableArticle } from './citation.ts';

export interface CslDate {
  'date-parts': [[number, number, number]];
}

export interface CslItem {
  id: string;
  type: 'article-journal';
  author: [{ literal: string }];
  title: string;
  'container-title': string;
  issued: CslDate;
  accessed: CslDate;
  issue: string;
  note: string;
  URL: string;
  publisher: string;
  'publisher-place': string;
  language: 'zh-CN';
}

function cslDate(iso: string): CslDate {
  const { year, month, day } = parseIsoDate(iso);
  return { 'date-parts': [[year, month, day]] };
}

export function toCslItem(a: CitableArticle): CslItem {
  return {
    id: a.id,
    type: 'article-journal',
    author: [{ literal: authorOf(a) }],
    title: oneLine(a.title),
    'container-title': oneLine(a.publicationTitle),
    issued: cslDate(a.date),
    accessed: cslDate(a.accessed),
    issue: String(a.issue),
    note: `总第${a.cumulative}期`,
    URL: a.url.trim(),
    publisher: oneLine(a.publisher),
    'publisher-place': oneLine(a.publisherPlace),
    language: 'zh-CN',
  };
}

export function formatCslJson(a: CitableArticle): string {
  return scriptJson([toCslItem(a)], 2);
}
