import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseSeed, type SeedResult } from '../parse/parse-issue.ts';
import type { ParseJob } from './parse-worker.ts';

/**
 * Below this many files, starting workers costs more than it saves. Measured
 * on the 2-vCPU machines: 100 issues parse in 2.3 s alone and 3.7 s with two
 * workers (each starts in 0.9 s); 549 issues in 10.4 s alone, 9.7 s with two.
 */
const POOL_THRESHOLD = 200;

/** Results of earlier parses by path, reused while a file's size and modification time stay the same. */
export type ParseCache = Map<string, { stamp: string; result: SeedResult }>;

/**
 * Parses seed files, in worker threads when there are many (each worker
 * parses every n-th file), and returns the results in the files' order.
 * With a cache, only files that changed since the last call are parsed.
 */
export async function parseFiles(jobs: readonly ParseJob[], cache?: ParseCache): Promise<SeedResult[]> {
  if (!cache) return parseAll(jobs);
  const stamped = await Promise.all(
    jobs.map(async (job) => {
      const info = await stat(job.path);
      return { job, stamp: `${info.mtimeMs}:${info.size}:${job.name}` };
    }),
  );
  const stale = stamped.filter(({ job, stamp }) => cache.get(job.path)?.stamp !== stamp);
  const fresh = await parseAll(stale.map(({ job }) => job));
  stale.forEach(({ job, stamp }, index) => {
    const result = fresh[index];
    if (result) cache.set(job.path, { stamp, result });
  });
  return jobs.map((job) => {
    const cached = cache.get(job.path);
    if (!cached) throw new Error(`No parse result for ${job.name}`);
    return cached.result;
  });
}

async function parseAll(jobs: readonly ParseJob[]): Promise<SeedResult[]> {
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
