import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** A file written beside the pages: a citation download, open data, a script or stylesheet. */
export interface SiteFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * Files written at most this many at a time: enough to keep the disk busy,
 * few enough that an interrupted build has little left in flight after it
 * removed its folder (see staged-site.ts).
 */
const AT_ONCE = 16;

/** Writes `files` under `root`, making their folders. */
export async function writeFiles(root: string, files: readonly SiteFile[]): Promise<void> {
  let next = 0;
  const writer = async () => {
    for (let file = files[next++]; file !== undefined; file = files[next++]) {
      const target = join(root, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, files.length) }, writer));
}
