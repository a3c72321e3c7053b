import { readFileSync } from 'node:fs';

/**
 * A fingerprint of how far a process has got: the CPU time it used (its own
 * threads and its waited-for children, from /proc/<pid>/stat) and what it
 * read and wrote (/proc/<pid>/io, where readable). Two different fingerprints
 * mean it did something in between; the same one, that it did nothing a
 * kernel counts. Null where there is no /proc (not Linux) or the process is gone.
 */
export function progressOf(pid: number): string | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Field 2, the command, is in parentheses and may hold spaces and parentheses: fields are counted after the last `)`.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // From field 3 (state) on: utime, stime, cutime, cstime are fields 14–17.
  const cpu = fields.slice(11, 15).join(' ');
  let io = '';
  try {
    io = readFileSync(`/proc/${pid}/io`, 'utf8');
  } catch {
    // Some kernels and sandboxes hide it: CPU time alone then.
  }
  return `${cpu}|${io}`;
}
