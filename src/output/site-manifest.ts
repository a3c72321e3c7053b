/**
 * Where builds are kept and what each one wrote. `--out` is a symbolic link
 * to one build folder in `<parent>/.bulletin-builds/<name>/`; beside each
 * build, `<build>.files` lists every file it wrote, so that a later build can
 * tell its own output from files somebody added.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';

export const BUILDS_FOLDER = '.bulletin-builds';

/** The folder that keeps the builds of the site at `out`. */
export function buildsOf(out: string): string {
  return join(dirname(out), BUILDS_FOLDER, basename(out));
}

/** The list of files a build wrote, kept beside it. */
export function manifestOf(build: string): string {
  return `${build}.files`;
}

/** Every file under `dir`, as sorted relative paths with `/` separators. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Records what `build` holds now as what the build wrote. */
export async function writeManifest(build: string): Promise<void> {
  const manifest = manifestOf(build);
  await writeFile(`${manifest}.partial`, `${filesUnder(build).join('\n')}\n`);
  await rename(`${manifest}.partial`, manifest);
}

/** Files in `build` that its manifest does not list: somebody else put them there. */
export function foreignFiles(build: string): string[] {
  let listed: Set<string>;
  try {
    listed = new Set(readFileSync(manifestOf(build), 'utf8').split('\n'));
  } catch {
    listed = new Set();
  }
  return filesUnder(build).filter((path) => !listed.has(path));
}
