/**
 * GB/T 7714-2015 reference for an article in a serial (连续出版物中的析出文献,
 * §4.4 / §8.8.2) with online access:
 *
 *   析出文献主要责任者. 析出文献题名[文献类型标识/文献载体标识]. 连续出版物题名,
 *   年, 卷(期): 页码[引用日期]. 获取和访问路径.
 *
 * Choices, element by element:
 * - 主要责任者: the 供稿单位 as an organisation author (§8.1.2 机关团体), else the
 *   publisher.
 * - 题名: transcribed as the source prints it (§8.2.1 "按著录信息源所载的内容著录"),
 *   so a full-width "：" inside the title is kept, not rewritten as ": ".
 * - [J/OL]: the bulletin is a serial issued by year and number, so J (期刊), read
 *   online, so OL (§4.4, 附录 B).
 * - 年(期): the bulletin has no volume, so the issue goes in parentheses right
 *   after the year, as in the standard's own `1957(1)` / `2001(9/10)` examples.
 * - 页码: the web page has none, so the ": 页码" segment is left out and the
 *   citation date follows the issue directly (as §4.4's examples attach
 *   `[引用日期]` to the last locator).
 * - 总第549期: GB/T 7714 has no element for a cumulative (whole) number; the slot
 *   after ":" is 页码 only (§8.5), so putting it there would pass it off as a
 *   page locator. It is omitted here, as CNKI's GB/T exports also drop 总期号;
 *   year + issue identify the issue unambiguously and the URL still carries it.
 *   BibTeX (note), RIS (N1) and CSL-JSON (note) keep it.
 * - Separators are the standard's ASCII forms (". ", ", ", ": ") and the entry
 *   ends with "." even after the URL, as in the standard's examples.
 */
import { englishMonth } from '../text/iso-date.ts';
import { authorOf, authorOfEn, oneLine, parseIsoDate, type CitableArticle } from './citation.ts';

export function formatGbt7714(a: CitableArticle): string {
  parseIsoDate(a.accessed);
  const author = authorOf(a);
  const title = oneLine(a.title);
  const serial = oneLine(a.publicationTitle);
  return `${author}. ${title}[J/OL]. ${serial}, ${a.year}(${a.issue})[${a.accessed}]. ${a.url.trim()}.`;
}

function englishDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${englishMonth(month)} ${day}, ${year}`;
}

/**
 * An English-language (APA-like) reference for the English interface. A
 * non-English title is given as printed, with the English title in square
 * brackets (APA 7 §9.38); "whole no." is the usual English term for 总第…期.
 *
 *   佛山高新区. (2022, November 30). 佛山高新区：打造“智造”高地 [Foshan …].
 *   Torch Dynamics (火炬动态), 2022(20), whole no. 549. Retrieved November 26,
 *   2026, from https://…
 */
export function formatReferenceEn(a: CitableArticle): string {
  const { year, month, day } = parseIsoDate(a.date);
  const issued = `${year}, ${englishMonth(month)} ${day}`;
  const accessed = englishDate(a.accessed);
  const author = authorOfEn(a);
  const titleEn = a.titleEn === null ? '' : oneLine(a.titleEn);
  const title = titleEn !== '' ? `${oneLine(a.title)} [${titleEn}]` : oneLine(a.title);
  const serial = `${oneLine(a.publicationTitleEn)} (${oneLine(a.publicationTitle)})`;
  const authorPart = /[.!?。！？]$/u.test(author) ? author : `${author}.`;
  const titlePart = /[.!?。！？]$/u.test(title) ? title : `${title}.`;
  return `${authorPart} (${issued}). ${titlePart} ${serial}, ${a.year}(${a.issue}), whole no. ${a.cumulative}. Retrieved ${accessed}, from ${a.url.trim()}`;
}
