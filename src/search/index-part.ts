/**
 * One part of the site's search index: a Pagefind bundle of some issues'
 * articles, in Chinese (every article once, under its Chinese URL; the
 * English search page searches the same parts). The search page merges the
 * parts in the browser (Pagefind's `mergeIndex`), so a build rewrites only
 * the parts whose records changed, and Pagefind holds one part in memory at
 * a time, not the archive.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openIndexSession } from './index-session.ts';
import type { SearchRecord } from './search-record.ts';

/** Files Pagefind writes for its own user interfaces, which the search page does not load. */
const UNUSED_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'pagefind-worker.js',
];

/** One part being indexed: its records go to Pagefind as they come, then its bundle is written. */
export interface IndexPart {
  /** The Pagefind service's process, while it runs. */
  readonly pid: number | undefined;
  add(records: readonly SearchRecord[]): void;
  /** Writes the bundle into `bundleDir` (made here), with only the files the search page loads, then stops the service. */
  write(bundleDir: string): Promise<{ pages: number; ms: number }>;
  /** Stops the service at once; nothing is written after it returns. */
  stopNow(): void;
}

/** A part with a Pagefind service of its own, in `language` (given by the caller: this module's imports are what its cache key depends on). */
export function openIndexPart(language: string): IndexPart {
  const session = openIndexSession(language);
  return {
    pid: session.pid,
    add: (records) => session.add(records),
    async write(bundleDir) {
      const written = await session.write(bundleDir);
      await Promise.all(UNUSED_FILES.map((file) => rm(join(bundleDir, file), { force: true })));
      return written;
    },
    stopNow: () => session.stopNow(),
  };
}
