/**
 * A RIS record (`TY  - JOUR` … `ER  - `), one tag per line as `XX  - value`,
 * CRLF line endings as the RIS specification requires. Values are folded onto
 * one line.
 *
 * The tags are the original RIS set (A1, T1, JF, Y1 `YYYY/MM/DD/`), which
 * every reader still accepts: with the 2011 set (AU, TI, T2, DA), citation-js
 * has no publisher (PB) or place (CY) for a JOUR record and drops both, and it
 * reads a translated title (TT) as the title. So there is no TT (the English
 * title is on the English page and in its JSON-LD) and no LA (a 2011 tag that
 * switches citation-js to the 2011 set). Zotero and EndNote read these tags as
 * title, publication, date, issue, notes, URL, access date, publisher, place.
 */
import { authorOf, oneLine, parseIsoDate, type CitableArticle } from './citation.ts';

function risDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
}

/** The original spec's date: `YYYY/MM/DD/` with an empty "other" part. */
function risPrimaryDate(iso: string): string {
  return `${risDate(iso)}/`;
}

export function formatRis(a: CitableArticle): string {
  const lines: Array<[string, string]> = [
    ['TY', 'JOUR'],
    // No comma: an organisation, read as a single-field name.
    ['A1', authorOf(a)],
    ['T1', oneLine(a.title)],
    ['JF', oneLine(a.publicationTitle)],
    ['Y1', risPrimaryDate(a.date)],
    ['IS', String(a.issue)],
    ['N1', `总第${a.cumulative}期`],
    ['UR', oneLine(a.url)],
    ['Y2', risDate(a.accessed)],
    ['PB', oneLine(a.publisher)],
    ['CY', oneLine(a.publisherPlace)],
    ['ER', ''],
  ];
  return lines.map(([tag, value]) => `${tag}  - ${value}\r\n`).join('');
}
