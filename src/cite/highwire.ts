/**
 * Highwire Press `citation_*` meta tags, which Zotero's and other reference
 * managers' page readers and Google Scholar look for: with them, saving the
 * page saves a journal article, not a web page.
 *
 * The values are the Chinese record on both language versions of a page, so
 * that a reference saved from either is the same. There is no
 * `citation_volume` (the bulletin has none) and the cumulative number has no
 * tag. The author is the 供稿单位 as one name with no comma or semicolon, which
 * readers would split into given and family names.
 */
import { authorOf, oneLine, parseIsoDate, type CitableArticle } from './citation.ts';

export interface MetaTag {
  name: string;
  content: string;
}

/** `YYYY/MM/DD`, the form Google Scholar asks for. */
function slashDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
}

export function highwireTags(a: CitableArticle, keywords: readonly string[]): MetaTag[] {
  const url = a.url.trim();
  const tags: Array<[string, string]> = [
    ['citation_title', oneLine(a.title)],
    ['citation_author', authorOf(a).replace(/[;,]/gu, ' ')],
    ['citation_publication_date', slashDate(a.date)],
    ['citation_journal_title', oneLine(a.publicationTitle)],
    ['citation_issue', String(a.issue)],
    ['citation_publisher', oneLine(a.publisher)],
    ['citation_language', 'zh-CN'],
    ['citation_public_url', url],
    ['citation_fulltext_html_url', url],
    ...(keywords.length > 0 ? [['citation_keywords', keywords.map(oneLine).join('; ')] as [string, string]] : []),
  ];
  return tags.map(([name, content]) => ({ name, content }));
}
