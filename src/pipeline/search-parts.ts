/**
 * The search index in parts: the issues numbered 1–128 are one part,
 * 129–256 the next, and so on. A part's key is a hash of its records and of the
 * indexer's fingerprint, and names its folder, so a part whose records did
 * not change is the same folder from build to build.
 */
import { createHash, type Hash } from 'node:crypto';
import { issueSearchRecords } from '../archive/search-records.ts';
import type { Issue, Translation } from '../model/records.ts';
import type { SearchRecord } from '../search/search-record.ts';

/**
 * Issues per part. Publishing a new issue rewrites at most one part of this
 * many issues (editing an old one rewrites a whole part); a first search
 * fetches a little from every part. Measured at 549 issues: 64 per part,
 * 253 KB for a first search and 17 s to publish a title edit; 128, 238 KB
 * and 18–19 s; 256, 228 KB and 21 s.
 */
export const ISSUES_PER_PART = 128;

export interface SearchPart {
  /** Issues 128·block+1 to 128·(block+1). */
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
    const key = partKey(fingerprint);
    key.add(records);
    return { block, key: key.digest(), records, path: partPath(block, key.digest()) };
  });
}

/** A part's folder in the site. */
const partPath = (block: number, key: string): string => `pagefind/${String(block).padStart(4, '0')}-${key.slice(0, 12)}`;

/** A part's key, made as its records come: a hash of the indexer's fingerprint and of the records' JSON. */
export function partKey(fingerprint: string): { add(records: readonly SearchRecord[]): void; digest(): string } {
  const hash: Hash = createHash('sha256').update(fingerprint);
  let count = 0;
  let key: string | undefined;
  return {
    add(records) {
      // As JSON.stringify(records) would write the array, element by element; hashed as UTF-16, which needs no transcoding.
      for (const record of records) hash.update(`${count++ === 0 ? '[' : ','}${JSON.stringify(record)}`, 'utf16le');
    },
    digest: () => (key ??= hash.update(count === 0 ? '[]' : ']', 'utf16le').digest('base64url')),
  };
}
