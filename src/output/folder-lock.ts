/**
 * A lock held by one process at a time, as a folder (mkdir is atomic) holding
 * the owner's pid. A lock whose owner is gone (killed) is taken over.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const WAIT_MS = 25;
const GIVE_UP_MS = 120_000;

/** Runs `work` while holding the lock of `folder`, waiting for another process to release it. */
export async function withFolderLock<T>(folder: string, work: () => Promise<T>): Promise<T> {
  const lock = join(folder, '.lock');
  const started = Date.now();
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => ''));
      // No pid yet: the owner is between mkdir and writeFile, or was killed there; wait a little before taking it over.
      const abandoned = owner > 0 ? !isRunning(owner) : Date.now() - started > 2_000;
      if (abandoned) await rm(lock, { recursive: true, force: true });
      else if (Date.now() - started > GIVE_UP_MS) throw new Error(`Another build (pid ${owner}) has held ${lock} for over ${GIVE_UP_MS / 1000} s`);
      else await sleep(WAIT_MS);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** Whether a process with this pid exists (it may belong to another user). */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
