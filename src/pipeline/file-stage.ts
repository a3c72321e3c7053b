/**
 * Files made in memory (open data, citation downloads, scripts and
 * stylesheets) → the build. Each is keyed by its content: one the previous
 * build made with the same content is kept (see reuse.ts), the others written.
 */
import { hash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileStamp } from '../output/build-record.ts';
import { writeFiles, type SiteFile } from '../output/write-files.ts';

/** Each file's path in the build and its key. */
export function fileKeys(files: readonly SiteFile[]): Map<string, string> {
  return new Map(files.map((file) => [pathOf(file), hash('sha1', file.content, 'base64url')]));
}

/**
 * Writes into `dir` the files not kept from the previous build. A file
 * still linked there from it with another content (one whose key could only
 * be known now, `linked`) is unlinked first: a link is never written through.
 */
export async function fileStage(files: readonly SiteFile[], dir: string, keys: ReadonlyMap<string, string>, kept: ReadonlyMap<string, FileStamp>, linked: ReadonlyMap<string, FileStamp> = new Map()): Promise<void> {
  const fresh = files.filter((file) => kept.get(pathOf(file))?.[0] !== keys.get(pathOf(file)));
  await Promise.all(fresh.filter((file) => linked.has(pathOf(file))).map((file) => rm(join(dir, pathOf(file)), { force: true })));
  await writeFiles(dir, fresh);
}

function pathOf(file: SiteFile): string {
  return file.path.replace(/^\//u, '');
}
