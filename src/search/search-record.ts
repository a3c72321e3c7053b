/** What the search index holds for an article, and the checks a record passes before Pagefind sees it. */
import { ENGLISH_PART, SEPARATOR, toIndexText } from './index-content.ts';

export interface SearchRecord {
  /** Site-absolute URL, base path included (`/base/issues/549/x/`). */
  url: string;
  title: string;
  /** Plain text of the article body. */
  text: string;
  /** The 供稿 attribution, searchable as the title and text are; empty when there is none. */
  source: string;
  /**
   * What the English pages print about the article, searchable from both
   * search pages: its English title, its column's English title and
   * subtitle, the English names of its zones and of its source.
   */
  english?: readonly string[];
  /**
   * Shown with each result (`issue`, `column`, `source`, `date`, and
   * optionally `title_en`, `issue_en` and `source_en` for the English page);
   * `title` is always set from `title`. `date` (ISO, `2022-11-30`) orders
   * the results, newest first.
   */
  meta: Record<string, string>;
  /** Filter values: park[], column[], year[]. */
  filters: Record<string, string[]>;
}

const joinParts = (parts: readonly string[], separator: string): string =>
  parts
    .map(toIndexText)
    .filter((part) => part !== '')
    .join(` ${separator} `);

/**
 * What the index holds for a record: its title, text and source, a
 * {@link SEPARATOR} position between each, then each English text after an
 * {@link ENGLISH_PART} position, so that no phrase runs from one into the next.
 */
export function recordContent(record: Pick<SearchRecord, 'title' | 'text'> & Partial<Pick<SearchRecord, 'source' | 'english'>>): string {
  const chinese = joinParts([record.title, record.text, record.source ?? ''], SEPARATOR);
  const english = joinParts(record.english ?? [], ENGLISH_PART);
  return english === '' ? chinese : `${chinese} ${ENGLISH_PART} ${english}`;
}

/**
 * The index language for a page language: canonical BCP 47, lower-cased
 * (`zh-CN` → `zh-cn`). Pagefind keeps `zh`, `zh-cn` and `zh-CN` as three
 * indexes, while its browser script looks the index up by `<html lang>`
 * lower-cased.
 */
export function indexLanguage(language: string): string {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(language)[0];
  } catch {
    canonical = undefined;
  }
  if (canonical === undefined) throw new Error(`Not a language code: ${JSON.stringify(language)}`);
  return canonical.toLowerCase();
}

/** Throws for a record the index cannot hold faithfully; `urls` holds the URLs seen so far in this index. */
export function validateRecords(records: readonly SearchRecord[], urls: Set<string>): void {
  for (const record of records) {
    if (typeof record.url !== 'string' || !record.url.startsWith('/')) {
      throw new Error(`Search record URL must be site-absolute: ${JSON.stringify(record.url)}`);
    }
    if (urls.has(record.url)) throw new Error(`Duplicate search record URL: ${record.url}`);
    urls.add(record.url);
    if (typeof record.title !== 'string' || typeof record.text !== 'string' || typeof record.source !== 'string') {
      throw new Error(`Search record ${record.url}: title, text and source must be strings`);
    }
    if (record.english !== undefined && (!Array.isArray(record.english) || record.english.some((text) => typeof text !== 'string'))) {
      throw new Error(`Search record ${record.url}: english must be an array of strings`);
    }
    for (const [key, value] of Object.entries(record.meta)) {
      if (typeof value !== 'string') throw new Error(`Search record ${record.url}: meta ${key} must be a string`);
    }
    for (const [key, values] of Object.entries(record.filters)) {
      if (!Array.isArray(values) || values.some((value) => typeof value !== 'string')) {
        throw new Error(`Search record ${record.url}: filter ${key} must be an array of strings`);
      }
    }
  }
}
