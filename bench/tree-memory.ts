/**
 * Peak memory of a process and every process it starts (the build and its
 * Pagefind service), sampled from /proc: the sum of their resident sets at
 * each sample, and the largest sum seen.
 */
import { readdirSync, readFileSync } from 'node:fs';

const INTERVAL_MS = 100;

function residentKb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/mu);
    return line ? Number(line[1]) : 0;
  } catch {
    return 0;
  }
}

/** The process and its descendants, through /proc/<pid>/task/<tid>/children (a process that ended between reads is skipped). */
function tree(pid: number): number[] {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    const parent = pids[i] as number;
    let children: string[] = [];
    try {
      // A worker thread's children are listed under its own task: read every task's list.
      children = readdirSync(`/proc/${parent}/task`).flatMap((tid) => readFileSync(`/proc/${parent}/task/${tid}/children`, 'utf8').trim().split(/\s+/u));
    } catch {
      children = [];
    }
    for (const child of children) if (child !== '') pids.push(Number(child));
  }
  return pids;
}

/** Starts sampling `pid`'s process tree; `stop()` returns the peak, in MB, and the peak of the largest single process. */
export function sampleTreeMemory(pid: number): { stop(): { treeMb: number; largestMb: number } } {
  let treeKb = 0;
  let largestKb = 0;
  const sample = () => {
    const sizes = tree(pid).map(residentKb);
    treeKb = Math.max(treeKb, sizes.reduce((sum, kb) => sum + kb, 0));
    largestKb = Math.max(largestKb, ...sizes);
  };
  const timer = setInterval(sample, INTERVAL_MS);
  sample();
  return {
    stop() {
      clearInterval(timer);
      return { treeMb: treeKb / 1024, largestMb: largestKb / 1024 };
    },
  };
}
