/**
 * The input every citation formatter in `src/cite/` works from: one bulletin
 * article with the issue and site facts a reference needs, already resolved.
 * The formatters are pure: same input, same string, no I/O, no clock.
 */
export interface CitableArticle {
  /** Stable ASCII id, `<cumulative>-<slug>`. */
  id: string;
  title: string;
  titleEn: string | null;
  /** 供稿单位 (an organisation), or null when the article has no attribution. */
  source: string | null;
  /** The source's English name, for the English reference; null when it has none. */
  sourceEn: string | null;
  publicationTitle: string;
  publicationTitleEn: string;
  publisher: string;
  publisherEn: string;
  /** 北京 */
  publisherPlace: string;
  year: number;
  /** Issue number within the year (期). */
  issue: number;
  /** Cumulative issue number (总第…期). */
  cumulative: number;
  /** Issue date, `YYYY-MM-DD`. */
  date: string;
  /** Absolute URL of the article page. */
  url: string;
  /** Access (citation) date, `YYYY-MM-DD`. */
  accessed: string;
}

export { parseIsoDate, type DateParts } from '../text/iso-date.ts';

/** Collapses runs of whitespace (including line breaks) to one space and trims. */
export function oneLine(value: string): string {
  return value.replace(/\s+/gu, ' ').trim();
}

/** The author of the article: the 供稿单位, or the publisher when there is none (组织作者). */
export function authorOf(a: CitableArticle): string {
  const source = a.source === null ? '' : oneLine(a.source);
  return source !== '' ? source : oneLine(a.publisher);
}

/**
 * Same, for the English interface: the source's English name with the
 * Chinese beside it, as the serial is named (Torch Dynamics (火炬动态));
 * the Chinese alone where it has no English name; the English publisher
 * name when there is no source.
 */
export function authorOfEn(a: CitableArticle): string {
  const source = a.source === null ? '' : oneLine(a.source);
  const sourceEn = a.sourceEn === null ? '' : oneLine(a.sourceEn);
  if (source === '') return oneLine(a.publisherEn);
  return sourceEn === '' ? source : `${sourceEn} (${source})`;
}
