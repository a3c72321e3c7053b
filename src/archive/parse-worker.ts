import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { parseSeed, type SeedResult } from '../parse/parse-issue.ts';

export interface ParseJob {
  path: string;
  name: string;
}

/** A worker of the parse pool: parses the files it is sent and posts the results back. */
parentPort?.on('message', (jobs: ParseJob[]) => {
  const results: SeedResult[] = jobs.map((job) => parseSeed(readFileSync(job.path), job.name));
  parentPort?.postMessage(results);
});
