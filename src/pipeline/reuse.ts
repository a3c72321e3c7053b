/**
 * The render cache is the previous build itself: a file whose key (what it
 * was made from) is unchanged is hard-linked from the previous build into
 * the new one instead of being made again. A published build is never
 * changed in place, so both builds may share the file.
 *
 * The previous build's record is not taken on trust: a file is reused only
 * when it is still there with the size and modification time the record
 * gave it (a file truncated or edited since is made again), and only into a
 * place that is free (a link is never written through).
 */
import { link, lstat, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BuildRecord } from '../output/build-record.ts';

export interface PreviousBuild {
  dir: string;
  record: BuildRecord;
}

/** Syscalls in flight at once: the thread pool runs four, the rest wait in its queue. */
const AT_ONCE = 32;

/** Whether the previous build made `path` from `key`. */
export function madeFrom(previous: PreviousBuild | null, path: string, key: string): boolean {
  return previous !== null && Object.hasOwn(previous.record.files, path) && previous.record.files[path]?.[0] === key;
}

/**
 * Links each of `paths` from the previous build into `dir` (making folders
 * as needed) and returns the paths that could not be reused: gone, changed
 * since the record was written, or not a regular file.
 */
export async function reuseFiles(previous: PreviousBuild, dir: string, paths: readonly string[]): Promise<string[]> {
  await makeFolders(dir, paths);
  const failed: string[] = [];
  let next = 0;
  const worker = async () => {
    for (let path = paths[next++]; path !== undefined; path = paths[next++]) {
      if (!(await reuseOne(previous, dir, path))) failed.push(path);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, paths.length) }, worker));
  return failed;
}

async function reuseOne(previous: PreviousBuild, dir: string, path: string): Promise<boolean> {
  const stamp = previous.record.files[path];
  const source = join(previous.dir, path);
  try {
    const info = await lstat(source);
    if (!stamp || !info.isFile() || info.size !== stamp[1] || info.mtimeMs !== stamp[2]) return false;
    await link(source, join(dir, path));
    return true;
  } catch {
    return false;
  }
}

/** Every folder the paths need, parents before children, a level at a time. */
async function makeFolders(dir: string, paths: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const path of paths) {
    for (let folder = dirname(path); folder !== '.' && folder !== '/' && !folders.has(folder); folder = dirname(folder)) folders.add(folder);
  }
  const byDepth = new Map<number, string[]>();
  for (const folder of folders) {
    const depth = folder.split('/').length;
    const level = byDepth.get(depth);
    if (level) level.push(folder);
    else byDepth.set(depth, [folder]);
  }
  for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
    const level = byDepth.get(depth) ?? [];
    let next = 0;
    const worker = async () => {
      for (let folder = level[next++]; folder !== undefined; folder = level[next++]) {
        await mkdir(join(dir, folder)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error;
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(AT_ONCE, level.length) }, worker));
  }
}
