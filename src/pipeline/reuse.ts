/**
 * The render cache is the previous build itself. As soon as a build is
 * staged, every file of the previous build is hard-linked into the new one,
 * while the seeds are read and the pages made (the links are the file
 * system's work, on the thread pool, beside this thread's); once every
 * file's key is known, the files whose key changed, or that the new build
 * does not have, are unlinked again, and only those are made anew. A
 * published build is never changed in place, so both builds may share a file.
 *
 * The previous build's record is not taken on trust: a file is linked only
 * when it is still there, a regular file with the size and modification time
 * the record gave it (a file edited or truncated in place is made again).
 */
import { link, lstat, mkdir, rmdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BuildRecord, FileStamp } from '../output/build-record.ts';

export interface PreviousBuild {
  dir: string;
  record: BuildRecord;
}

/** File system calls in flight at once: the thread pool runs four, the rest wait in its queue. */
const AT_ONCE = 32;

/** Runs `work` on each item, `AT_ONCE` at a time. */
async function eachAtOnce<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let item = items[next++]; item !== undefined; item = items[next++]) await work(item);
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, items.length) }, worker));
}

/** Links every file of the previous build that is as its record says into `dir`; returns them with their stamps. */
export async function linkPrevious(previous: PreviousBuild | null, dir: string): Promise<Map<string, FileStamp>> {
  const linked = new Map<string, FileStamp>();
  if (!previous) return linked;
  const files = Object.entries(previous.record.files);
  await makeFolders(dir, files.map(([path]) => path));
  await eachAtOnce(files, async ([path, stamp]) => {
    const source = join(previous.dir, path);
    try {
      const info = await lstat(source);
      if (!info.isFile() || info.size !== stamp[1] || info.mtimeMs !== stamp[2]) return;
      await link(source, join(dir, path));
      linked.set(path, stamp);
    } catch {
      // Gone, or its folder could not be made: made anew.
    }
  });
  return linked;
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

/** Every folder the paths need, parents before children, a level at a time. */
async function makeFolders(dir: string, paths: readonly string[]): Promise<void> {
  const byDepth = new Map<number, Set<string>>();
  for (const path of paths) {
    for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) {
      const depth = folder.split('/').length;
      const level = byDepth.get(depth) ?? new Set<string>();
      if (level.has(folder)) break;
      level.add(folder);
      byDepth.set(depth, level);
    }
  }
  for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
    await eachAtOnce([...(byDepth.get(depth) ?? [])], (folder) =>
      mkdir(join(dir, folder)).then(
        () => undefined,
        (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error;
        },
      ),
    );
  }
}
