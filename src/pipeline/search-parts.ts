/**
 * The search index in parts: the issues numbered 1–64 are one part, 65–128
 * the next, and so on. A part's key is a hash of its records and of the
 * indexer's fingerprint, and names its folder, so a part whose records did
 * not change is the same folder from build to build.
 */
import { createHash } from 'node:crypto';
import { issueSearchRecords } from '../archive/search-records.ts';
import type { Issue, Translation } from '../model/records.ts';
import type { SearchRecord } from '../search/search-record.ts';

/**
 * Issues per part. Publishing a new issue rewrites at most one part of this
 * many issues; a first search fetches a little from every part.
 */
export const ISSUES_PER_PART = 64;

export interface SearchPart {
  /** Issues 64·block+1 to 64·(block+1). */
  block: number;
  /** Its folder in the site: `pagefind/<block>-<key>`. */
  path: string;
  key: string;
  records: SearchRecord[];
}

/** An issue's part, and its search records as that part holds them: each carries its part as a filter, by which the search page orders results across parts. */
export function issuePartRecords(issue: Issue, translation: Translation | undefined, basePath: string): { block: number; records: SearchRecord[] } {
  const block = Math.floor((issue.cumulative - 1) / ISSUES_PER_PART);
  const records = issueSearchRecords(issue, translation, basePath).map((record) => ({ ...record, filters: { ...record.filters, part: [String(block)] } }));
  return { block, records };
}

/** The parts of the index, oldest first, each with its issues' records in the order of their numbers. */
export function planSearchParts(issues: readonly Issue[], translations: ReadonlyMap<number, Translation>, basePath: string, fingerprint: string): SearchPart[] {
  const blocks = new Map<number, SearchRecord[]>();
  for (const issue of [...issues].sort((a, b) => a.cumulative - b.cumulative)) {
    const { block, records } = issuePartRecords(issue, translations.get(issue.cumulative), basePath);
    const list = blocks.get(block);
    if (list) list.push(...records);
    else blocks.set(block, records);
  }
  return [...blocks].map(([block, records]) => {
    const key = createHash('sha256').update(fingerprint).update(JSON.stringify(records), 'utf16le').digest('base64url');
    return { block, key, records, path: `pagefind/${String(block).padStart(4, '0')}-${key.slice(0, 12)}` };
  });
}
