/**
 * The search index's parts (search-parts.ts) → the build: a part the
 * previous build wrote with the same key is kept (see reuse.ts), the others
 * are written by Pagefind, two at a time (one per core), each by a service
 * of its own.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_LANG } from '../i18n/index.ts';
import type { IndexPart } from '../search/index-part.ts';
import { openThreadedPart } from '../search/index-thread.ts';
import { filesUnder, type FileStamp } from '../output/build-record.ts';
import type { EarlyIndex } from './early-index.ts';
import type { SearchPart } from './search-parts.ts';
import type { PreviousBuild } from './reuse.ts';

/** Parts written at once: one Pagefind service per core, the second once the pages are rendered (Eleventy has the other core until then). */
const PARTS_AT_ONCE = 2;

export interface SearchOutcome {
  /** Every file of every part, with its part's key. */
  keys: Map<string, string>;
  pages: number;
  written: number;
  reused: number;
  ms: number;
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

/** Writes every part that is not kept whole from the previous build, with the services `early` fed already where it did. */
export async function searchStage(parts: readonly SearchPart[], dir: string, kept: ReadonlyMap<string, FileStamp>, previous: PreviousBuild | null, options: { signal?: AbortSignal; early?: EarlyIndex; rendered?: Promise<unknown> } = {}): Promise<SearchOutcome> {
  const { signal, early, rendered = Promise.resolve() } = options;
  const started = performance.now();
  // Not recursive: a build folder removed meanwhile (an interrupted build) must stay removed.
  await mkdir(join(dir, 'pagefind')).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  const keys = new Map<string, string>();
  let written = 0;
  let next = 0;
  // One part failing stops the others: the build fails at once, not after every other part is written.
  const stopped = new AbortController();
  const stopAll = () => stopped.abort(signal?.reason);
  signal?.addEventListener('abort', stopAll, { once: true });
  const worker = async () => {
    for (let part = parts[next++]; part !== undefined; part = parts[next++]) {
      stopped.signal.throwIfAborted();
      const whole = keptWhole(part, kept, previous);
      if (!whole) await rm(join(dir, part.path), { recursive: true, force: true });
      // Nothing awaited between taking a fed part and writePart watching the signal for it.
      const made = (await early?.take(part)) ?? null;
      if (whole) {
        if (made?.kind === 'fed') made.part.stopNow();
        else await made?.discard();
      } else {
        if (made?.kind === 'written') await made.moveTo(join(dir, part.path));
        else await writePart(made?.part ?? fedWith(part), join(dir, part.path), stopped.signal);
        written++;
      }
      for (const file of filesUnder(join(dir, part.path))) keys.set(`${part.path}/${file}`, part.key);
    }
  };
  const failing = (error: unknown) => {
    stopped.abort(error);
    throw error;
  };
  const workers = await Promise.allSettled(Array.from({ length: Math.min(PARTS_AT_ONCE, parts.length) }, (_, index) => (index === 0 ? worker() : rendered.then(worker, worker)).catch(failing)));
  signal?.removeEventListener('abort', stopAll);
  const failed = workers.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  const pages = parts.reduce((sum, part) => sum + part.records.length, 0);
  return { keys, pages, written, reused: parts.length - written, ms: performance.now() - started };
}

/** A part's service, fed with its records. */
function fedWith(part: SearchPart): IndexPart {
  const indexing = openThreadedPart(DEFAULT_LANG);
  indexing.add(part.records);
  return indexing;
}

/** Writes a part's bundle; aborting stops its Pagefind service at once, and nothing more is written. */
async function writePart(part: IndexPart, bundleDir: string, signal?: AbortSignal): Promise<void> {
  const stop = () => part.stopNow();
  if (signal?.aborted) return stop();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    await part.write(bundleDir);
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

/** Whether every file the previous build held under the part's folder is kept: the part as it wrote it. */
function keptWhole(part: SearchPart, kept: ReadonlyMap<string, FileStamp>, previous: PreviousBuild | null): boolean {
  if (!previous) return false;
  const prefix = `${part.path}/`;
  const files = Object.keys(previous.record.files).filter((path) => path.startsWith(prefix));
  return files.length > 0 && files.every((path) => kept.get(path)?.[0] === part.key);
}
