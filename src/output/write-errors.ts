/** File system errors while writing the site, reworded to name the real cause. */
const CAUSES = new Map([
  ['EACCES', 'permission denied'],
  ['EPERM', 'operation not permitted'],
  ['EROFS', 'the file system is read-only'],
  ['ENOSPC', 'no space left on the device'],
  ['EDQUOT', 'the disk quota is used up'],
  ['ENOTDIR', 'a part of the path is a file, not a folder'],
]);

/**
 * An error saying what could not be done and why, when the error or one of
 * its causes (Eleventy wraps what it meets, as `originalError`) is one of the file system's;
 * any other error as it is.
 */
export function describeWriteError(error: unknown, action: string): Error {
  for (let current: unknown = error, depth = 0; current && depth < 8; current = causeOf(current), depth++) {
    const code = (current as NodeJS.ErrnoException).code ?? '';
    const cause = CAUSES.get(code);
    if (cause !== undefined) return new Error(`Cannot ${action}: ${cause} (${code})`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

function causeOf(error: unknown): unknown {
  const { cause, originalError } = error as { cause?: unknown; originalError?: unknown };
  return cause ?? originalError;
}
