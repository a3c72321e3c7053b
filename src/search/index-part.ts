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

/**
 * Writes the bundle of `records` in `language` into `bundleDir`; aborting
 * stops Pagefind at once and writes nothing more. (The language comes from
 * the caller: this module's imports are what its cache key depends on.)
 */
export async function writeIndexPart(records: readonly SearchRecord[], language: string, bundleDir: string, signal?: AbortSignal): Promise<{ pages: number; ms: number }> {
  signal?.throwIfAborted();
  const session = openIndexSession(language);
  const stop = () => session.stopNow();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    session.add(records);
    const written = await session.write(bundleDir);
    await Promise.all(UNUSED_FILES.map((file) => rm(join(bundleDir, file), { force: true })));
    return written;
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
