/**
 * The render cache is the previous build itself. As soon as a build is
 * staged, every file of the previous build is hard-linked into the new one,
 * while the seeds are read and the pages made; once every file's key is
 * known, the files whose key changed, or that the new build does not have,
 * are unlinked again, and only those are made anew. A published build is
 * never changed in place, so both builds may share a file.
 *
 * The previous build's record is not taken on trust: a file is linked only
 * when it is still there, a regular file with the size and modification time
 * the record gave it (a file edited or truncated in place is made again).
 *
 * The file system work runs on a thread of its own (reuse-worker.mjs): made
 * from this thread, each of its tens of thousands of calls would wait for
 * this thread to finish what it is doing, which is making the pages.
 */
import { unlink, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BuildRecord, FileStamp } from '../output/build-record.ts';
import { PROJECT_ROOT } from '../project-root.ts';

export interface PreviousBuild {
  dir: string;
  record: BuildRecord;
}

export interface Reuse {
  /** The files linked into the new build, with their stamps. */
  linked: Promise<Map<string, FileStamp>>;
  /** Settles when the old builds given to remove are gone too. */
  done: Promise<void>;
  /** Stops the work (a stopped or failed build); settles once nothing more is linked. */
  stop(): Promise<void>;
}

const WORKER = join(PROJECT_ROOT, 'src', 'pipeline', 'reuse-worker.mjs');
/** File system calls in flight at once from this thread. */
const AT_ONCE = 32;

/** Starts linking the previous build into `dir`, and removing `trash` (builds pruned earlier) after. */
export function startReuse(previous: PreviousBuild | null, dir: string, trash: readonly string[]): Reuse {
  if (!previous && trash.length === 0) return { linked: Promise.resolve(new Map()), done: Promise.resolve(), stop: () => Promise.resolve() };
  const files = previous ? Object.entries(previous.record.files).map(([path, stamp]) => [path, stamp[1], stamp[2]]) : [];
  const worker = new Worker(WORKER, { workerData: { previous: previous?.dir ?? dir, dir, files: previous ? files : [], trash } });
  const message = <K extends string, T>(key: K) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (value: Record<string, unknown>) => {
        if (!(key in value)) return;
        worker.off('message', onMessage);
        resolve(value[key] as T);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`The reuse thread stopped (exit code ${code}) before it said ${key}`)));
    });
  const linked = message<'linked', string[]>('linked').then((paths) => new Map(paths.map((path) => [path, previous?.record.files[path] as FileStamp])));
  const done = message<'removed', boolean>('removed').then(() => undefined);
  // A stopped build never waits for either: their failure is not an error of its own.
  for (const promise of [linked, done]) promise.catch(() => undefined);
  return { linked, done, stop: () => worker.terminate().then(() => undefined) };
}

async function eachAtOnce<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let item = items[next++]; item !== undefined; item = items[next++]) await work(item);
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, items.length) }, worker));
}

/**
 * Keeps in `dir` the linked files made from the same key as this build's
 * (`keys`), and unlinks the others, and the folders that leaves empty;
 * paths `later` decides are kept for their stage to decide. Returns the
 * files kept, with their stamps.
 */
export async function keepUnchanged(dir: string, linked: ReadonlyMap<string, FileStamp>, keys: ReadonlyMap<string, string>, later: (path: string) => boolean): Promise<Map<string, FileStamp>> {
  const kept = new Map<string, FileStamp>();
  const stale: string[] = [];
  for (const [path, stamp] of linked) {
    if (keys.get(path) === stamp[0]) kept.set(path, stamp);
    else if (!later(path)) stale.push(path);
  }
  await eachAtOnce(stale, (path) => unlink(join(dir, path)));
  await removeEmptyFolders(dir, stale);
  return kept;
}

/** Removes the folders of `paths` that are empty now, deepest first. */
async function removeEmptyFolders(dir: string, paths: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const path of paths) for (let folder = dirname(path); folder !== '.' && !folders.has(folder); folder = dirname(folder)) folders.add(folder);
  const deepestFirst = [...folders].sort((a, b) => b.split('/').length - a.split('/').length);
  for (const folder of deepestFirst) await rmdir(join(dir, folder)).catch(() => undefined);
}

