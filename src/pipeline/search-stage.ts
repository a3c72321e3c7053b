/**
 * Search records → the site's search index, in parts: the issues numbered
 * 1–64 are one part, 65–128 the next, and so on. A part's key is a hash of
 * its records and of the indexer's fingerprint, and names its folder; a part
 * the previous build wrote with the same key is kept (see reuse.ts), the
 * others are written by Pagefind, two at a time (one per core), each by a
 * service of its own.
 */
import { hash } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { issueSearchRecords } from '../archive/search-records.ts';
import { DEFAULT_LANG } from '../i18n/index.ts';
import type { Issue, Translation } from '../model/records.ts';
import { writeIndexPart } from '../search/index-part.ts';
import type { SearchRecord } from '../search/search-record.ts';
import type { FileStamp } from '../output/build-record.ts';
import type { PreviousBuild } from './reuse.ts';

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
  /** Every file of every part, with its part's key. */
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

/** The key of every file the previous build holds under each part's folder: what keeping a part means. */
export function partKeys(parts: readonly SearchPart[], previous: PreviousBuild | null): Map<string, string> {
  const keys = new Map<string, string>();
  if (!previous) return keys;
  const byPath = new Map(parts.map((part) => [part.path, part.key]));
  for (const path of Object.keys(previous.record.files)) {
    const key = byPath.get(path.slice(0, path.indexOf('/', 'pagefind/'.length)));
    if (key !== undefined) keys.set(path, key);
  }
  return keys;
}

/** Writes every part that is not kept whole from the previous build. */
export async function searchStage(parts: readonly SearchPart[], dir: string, kept: ReadonlyMap<string, FileStamp>, previous: PreviousBuild | null, signal?: AbortSignal): Promise<SearchOutcome> {
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
      if (!keptWhole(part, kept, previous)) {
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

/** Whether every file the previous build held under the part's folder is kept: the part as it wrote it. */
function keptWhole(part: SearchPart, kept: ReadonlyMap<string, FileStamp>, previous: PreviousBuild | null): boolean {
  if (!previous) return false;
  const prefix = `${part.path}/`;
  const files = Object.keys(previous.record.files).filter((path) => path.startsWith(prefix));
  return files.length > 0 && files.every((path) => kept.get(path)?.[0] === part.key);
}

async function filesOf(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => !entry.isDirectory()).map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'));
}
