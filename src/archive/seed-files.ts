import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { Diagnostic } from '../model/records.ts';

export interface SeedFiles {
  /** The seed files to parse, in a stable order. */
  files: string[];
  /** What was named or listed but is not a seed file to read. */
  diagnostics: Diagnostic[];
}

/**
 * Every `.md` file under the given paths (files or folders), in a stable
 * order. A folder's entry is read only when it is a regular file inside that
 * folder: a directory or a device named `x.md` is skipped, and a link that
 * leads out of the folder is refused before anything behind it is opened.
 */
export async function seedFiles(paths: readonly string[], cwd = process.cwd()): Promise<SeedFiles> {
  const found: SeedFiles = { files: [], diagnostics: [] };
  const problem = (path: string, severity: Diagnostic['severity'], message: string, ruleId: string) => {
    found.diagnostics.push({ file: relative(cwd, path) || path, line: 1, column: 1, severity, message, ruleId });
  };
  for (const path of paths) {
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      problem(path, 'error', `Missing seed \`${path}\` (${codeOf(error)}), expected an issue file or a folder of them`, 'seed-missing');
      continue;
    }
    if (info.isDirectory()) await listFolder(path, found, problem);
    else if (info.isFile()) found.files.push(path);
    else problem(path, 'warning', `Unexpected \`${path}\` that is not a regular file, expected an issue file; it is skipped`, 'seed-not-a-file');
  }
  return found;
}

type Problem = (path: string, severity: Diagnostic['severity'], message: string, ruleId: string) => void;

async function listFolder(folder: string, found: SeedFiles, problem: Problem): Promise<void> {
  let entries: Dirent[];
  let home: string;
  try {
    entries = await readdir(folder, { withFileTypes: true });
    home = await realpath(folder);
  } catch (error) {
    problem(folder, 'error', `Unexpected seed folder \`${folder}\` that cannot be read (${codeOf(error)}), expected a readable folder`, 'seed-unreadable');
    return;
  }
  const names = entries.filter((entry) => entry.name.endsWith('.md')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of names) {
    const path = join(folder, entry.name);
    if (entry.isFile()) {
      found.files.push(path);
      continue;
    }
    if (!entry.isSymbolicLink()) {
      problem(path, 'warning', `Unexpected ${entry.isDirectory() ? 'folder' : 'special file'} \`${entry.name}\` among the seeds, expected an issue file; it is skipped`, 'seed-not-a-file');
      continue;
    }
    await followLink(path, home, found, problem);
  }
}

/** A link among the seeds is read only when it leads to a regular file inside the folder it is listed in. */
async function followLink(path: string, home: string, found: SeedFiles, problem: Problem): Promise<void> {
  let target: string;
  try {
    target = await realpath(path);
  } catch (error) {
    problem(path, 'error', `Missing target of the link \`${path}\` (${codeOf(error)}), expected it to lead to an issue file`, 'seed-missing');
    return;
  }
  const inside = relative(home, target);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    problem(path, 'error', `Unexpected link \`${path}\` to \`${target}\`, outside the seeds folder \`${home}\`, expected a file in the folder; it is not read`, 'seed-outside-folder');
    return;
  }
  const info = await stat(target).catch(() => null);
  if (info?.isFile()) found.files.push(path);
  else problem(path, 'warning', `Unexpected link \`${path}\` to something that is not a regular file, expected an issue file; it is skipped`, 'seed-not-a-file');
}

function codeOf(error: unknown): string {
  return (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));
}
