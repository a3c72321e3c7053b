/**
 * Search records → the site's search index, in parts: the issues numbered
 * 1–64 are one part, 65–128 the next, and so on. A part's key is a hash of
 * its records and of the indexer's fingerprint; a part the previous build
 * wrote with the same key is linked from it, the others are written by
 * Pagefind, two at a time (one per core), each by a service of its own.
 */
import { hash } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { issueSearchRecords } from '../archive/search-records.ts';
import { DEFAULT_LANG } from '../i18n/index.ts';
import type { Issue, Translation } from '../model/records.ts';
import { writeIndexPart } from '../search/index-part.ts';
import type { SearchRecord } from '../search/search-record.ts';
import { reuseFiles, type PreviousBuild } from './reuse.ts';

/**
 * Issues per part. Publishing a new issue rewrites at most one part of this
 * many issues; a first search fetches a little from every part.
 */
export const ISSUES_PER_PART = 64;
/** Parts written at once: one Pagefind service per core. */
const PARTS_AT_ONCE = 2;

export interface SearchPart {
  /** Issues 64·block+1 to 64·(block+1). */
  block: number;
  /** Its folder in the site: `pagefind/<block>-<key>`. */
  path: string;
  key: string;
  records: SearchRecord[];
}

export interface SearchOutcome {
  keys: Map<string, string>;
  pages: number;
  written: number;
  reused: number;
  ms: number;
}

/** The parts of the index, oldest first. Each record carries its part as a filter, by which the search page orders results across parts. */
export function planSearchParts(issues: readonly Issue[], translations: ReadonlyMap<number, Translation>, basePath: string, fingerprint: string): SearchPart[] {
  const blocks = new Map<number, SearchRecord[]>();
  for (const issue of [...issues].sort((a, b) => a.cumulative - b.cumulative)) {
    const block = Math.floor((issue.cumulative - 1) / ISSUES_PER_PART);
    const records = issueSearchRecords(issue, translations.get(issue.cumulative), basePath).map((record) => ({ ...record, filters: { ...record.filters, part: [String(block)] } }));
    const list = blocks.get(block);
    if (list) list.push(...records);
    else blocks.set(block, records);
  }
  return [...blocks].map(([block, records]) => {
    const key = hash('sha256', `${fingerprint}\n${JSON.stringify(records)}`, 'base64url');
    return { block, key, records, path: `pagefind/${String(block).padStart(4, '0')}-${key.slice(0, 12)}` };
  });
}

/** Writes or reuses every part in `dir`. */
export async function searchStage(parts: readonly SearchPart[], dir: string, previous: PreviousBuild | null, signal?: AbortSignal): Promise<SearchOutcome> {
  const started = performance.now();
  // Not recursive: a build folder removed meanwhile (an interrupted build) must stay removed.
  await mkdir(join(dir, 'pagefind')).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  const keys = new Map<string, string>();
  let written = 0;
  let next = 0;
  const worker = async () => {
    for (let part = parts[next++]; part !== undefined; part = parts[next++]) {
      signal?.throwIfAborted();
      if (!(await reusePart(part, dir, previous))) {
        await rm(join(dir, part.path), { recursive: true, force: true });
        await writeIndexPart(part.records, DEFAULT_LANG, join(dir, part.path), signal);
        written++;
      }
      for (const file of await filesOf(join(dir, part.path))) keys.set(`${part.path}/${file}`, part.key);
    }
  };
  const workers = await Promise.allSettled(Array.from({ length: Math.min(PARTS_AT_ONCE, parts.length) }, worker));
  const failed = workers.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  const pages = parts.reduce((sum, part) => sum + part.records.length, 0);
  return { keys, pages, written, reused: parts.length - written, ms: performance.now() - started };
}

/** Links a part from the previous build when that build wrote it from the same records and every file is as it was. */
async function reusePart(part: SearchPart, dir: string, previous: PreviousBuild | null): Promise<boolean> {
  if (!previous) return false;
  const prefix = `${part.path}/`;
  const files = Object.entries(previous.record.files).filter(([path]) => path.startsWith(prefix));
  if (files.length === 0 || files.some(([, stamp]) => stamp[0] !== part.key)) return false;
  const failed = await reuseFiles(previous, dir, files.map(([path]) => path));
  return failed.length === 0;
}

async function filesOf(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => !entry.isDirectory()).map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'));
}
