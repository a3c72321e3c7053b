import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseSeed, type SeedResult } from '../parse/parse-issue.ts';
import type { ParseJob } from './parse-worker.ts';

/** Below this many files, starting workers costs more than it saves. */
const POOL_THRESHOLD = 24;

/**
 * Parses seed files, in worker threads when there are many (each worker
 * parses every n-th file), and returns the results in the files' order.
 */
export async function parseFiles(jobs: readonly ParseJob[]): Promise<SeedResult[]> {
  const workers = Math.min(availableParallelism(), 4);
  if (jobs.length < POOL_THRESHOLD || workers < 2 || process.env.BULLETIN_PARSE_WORKERS === '0') {
    const results: SeedResult[] = [];
    for (const job of jobs) results.push(parseSeed(await readFile(job.path), job.name));
    return results;
  }
  const shares = Array.from({ length: workers }, (_, worker) => jobs.filter((_, index) => index % workers === worker));
  const parsed = await Promise.all(shares.map(runWorker));
  return jobs.map((_, index) => {
    const result = parsed[index % workers]?.[Math.floor(index / workers)];
    if (!result) throw new Error(`Parse worker lost the result of ${jobs[index]?.name}`);
    return result;
  });
}

function runWorker(jobs: ParseJob[]): Promise<SeedResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parse-worker.mjs', import.meta.url));
    worker.once('message', (results: SeedResult[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0 && code !== 1) reject(new Error(`Parse worker exited with code ${code}`));
    });
    worker.postMessage(jobs);
  });
}
