import { realpathSync } from 'node:fs';
import { sep } from 'node:path';

/**
 * Whether `file`, a path under `root`, is still inside `root` once every
 * symbolic link is followed: a link in the site to /etc/passwd, or to a folder
 * outside, is not. The root is resolved too, since the published `--out` is
 * itself a link to its build; before and after the file, so that a build
 * published between the two is not taken for a way out.
 */
export function resolvesInside(root: string, file: string): boolean {
  const rootBefore = realOrNull(root);
  const real = realOrNull(file);
  const rootAfter = realOrNull(root);
  if (real === null) return false;
  const within = (folder: string | null) => folder !== null && (real === folder || real.startsWith(folder.endsWith(sep) ? folder : folder + sep));
  return within(rootBefore) || within(rootAfter);
}

function realOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}
