/**
 * Files made in memory (open data, citation downloads, scripts and
 * stylesheets) → the build. Each is keyed by its content: one the previous
 * build holds with the same content is linked from it, the others written.
 */
import { hash } from 'node:crypto';
import type { SiteFile } from '../output/write-files.ts';
import { writeFiles } from '../output/write-files.ts';
import { madeFrom, reuseFiles, type PreviousBuild } from './reuse.ts';

/** Writes or links `files` into `dir`; returns each file's key by path. */
export async function fileStage(files: readonly SiteFile[], dir: string, previous: PreviousBuild | null): Promise<Map<string, string>> {
  const keyed = files.map((file) => ({ file, path: file.path.replace(/^\//u, ''), key: hash('sha1', file.content, 'base64url') }));
  const reusable = keyed.filter(({ path, key }) => madeFrom(previous, path, key));
  const failed = new Set(previous && reusable.length > 0 ? await reuseFiles(previous, dir, reusable.map(({ path }) => path)) : []);
  const reused = new Set(reusable.map(({ path }) => path).filter((path) => !failed.has(path)));
  await writeFiles(dir, keyed.filter(({ path }) => !reused.has(path)).map(({ file }) => file));
  return new Map(keyed.map(({ path, key }) => [path, key]));
}
