/**
 * A RIS record (`TY  - JOUR` … `ER  - `), one tag per line as `XX  - value`,
 * CRLF line endings as the RIS specification requires. Values are folded onto
 * one line. Dates use RIS's `YYYY/MM/DD` form.
 */
import { authorOf, oneLine, parseIsoDate, type CitableArticle } from './citation.ts';

function risDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
}

export function formatRis(a: CitableArticle): string {
  const titleEn = a.titleEn === null ? '' : oneLine(a.titleEn);
  const lines: Array<[string, string]> = [
    ['TY', 'JOUR'],
    // No comma: an organisation, read as a single-field name.
    ['AU', authorOf(a)],
    ['TI', oneLine(a.title)],
    ...(titleEn !== '' ? [['TT', titleEn] as [string, string]] : []),
    ['T2', oneLine(a.publicationTitle)],
    ['PY', String(a.year)],
    ['DA', risDate(a.date)],
    ['IS', String(a.number)],
    ['N1', `总第${a.cumulative}期`],
    ['UR', oneLine(a.url)],
    ['Y2', risDate(a.accessed)],
    ['PB', oneLine(a.publisher)],
    ['CY', oneLine(a.publisherPlace)],
    ['LA', 'zh'],
    ['ER', ''],
  ];
  return lines.map(([tag, value]) => `${tag}  - ${value}\r\n`).join('');
}
