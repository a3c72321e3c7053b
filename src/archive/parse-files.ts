import { readFile } from 'node:fs/promises';
import { isTranslationSeed, parseSeed, type SeedResult } from '../parse/parse-issue.ts';
import type { SeedCache } from '../pipeline/seed-cache.ts';

export interface ParseJob {
  path: string;
  /** The file as diagnostics name it. */
  name: string;
}

const READ_AT_ONCE = 32;
/** Parsing runs at most this long before other work waiting on this thread gets a turn. */
const YIELD_MS = 50;

/**
 * Parses seed files one after another, English translations first (so that
 * an issue's translation is known when the issue is), and calls `onParsed`
 * with each file's index and result. With a cache, a file whose bytes and
 * name were parsed before is not parsed again.
 *
 * One thread on purpose: the build's other core belongs to the search
 * indexer, which indexes each issue as soon as it is parsed.
 */
export async function parseFiles(jobs: readonly ParseJob[], cache: SeedCache | undefined, onParsed: (index: number, result: SeedResult) => void): Promise<void> {
  const seeds: ReadSeed[] = [];
  // A few files at a time: every seed is read before any is parsed, but not all opened at once.
  for (let from = 0; from < jobs.length; from += READ_AT_ONCE) seeds.push(...(await Promise.all(jobs.slice(from, from + READ_AT_ONCE).map((job) => readJob(job, cache)))));
  // Then in the order of the numbers in their names (issue-9 before issue-10): the order of the issues, mostly, in which the search index is fed.
  const numbered = jobs.map((job) => job.name.replace(/\d+/gu, (digits) => digits.padStart(16, '0')));
  const translationsFirst = [...seeds.keys()].sort((a, b) => Number(!seeds[a]?.translation) - Number(!seeds[b]?.translation) || compareText(numbered[a] ?? '', numbered[b] ?? '') || a - b);
  let yielded = performance.now();
  for (const index of translationsFirst) {
    // Now and then the event loop turns: what `onParsed` started (writing a part of the search index) goes on meanwhile.
    if (performance.now() - yielded > YIELD_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      yielded = performance.now();
    }
    const seed = seeds[index];
    const job = jobs[index];
    if (!seed || !job) continue;
    const result = seed.cached ?? (seed.bytes ? parseSeed(seed.bytes, job.name) : unreadable(job, seed.error));
    if (cache && !seed.cached && seed.key) cache.set(seed.key, result);
    onParsed(index, result);
  }
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type ReadSeed = { key?: string; translation: boolean } & (
  | { cached: SeedResult; bytes?: undefined; error?: undefined }
  | { cached?: undefined; bytes: Uint8Array; error?: undefined }
  | { cached?: undefined; bytes?: undefined; error: unknown }
);

async function readJob(job: ParseJob, cache: SeedCache | undefined): Promise<ReadSeed> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(job.path);
  } catch (error) {
    // Listed a moment ago, yet gone, a folder, or not readable: a diagnostic, not a crash.
    return { error, translation: false };
  }
  const key = cache?.keyOf(job.name, bytes);
  const cached = key === undefined ? undefined : await cache?.get(key);
  if (cached) return { key, cached, translation: cached.kind === 'translation' };
  return { key, bytes, translation: isTranslationSeed(bytes, job.name) };
}

function unreadable(job: ParseJob, error: unknown): SeedResult {
  const code = (error as { code?: string }).code ?? String(error);
  const ruleId = code === 'ENOENT' ? 'seed-missing' : 'seed-unreadable';
  return { kind: 'invalid', diagnostics: [{ file: job.name, line: 1, column: 1, severity: 'error', message: `Unexpected seed \`${job.name}\` that cannot be read (${code}), expected a readable issue file`, ruleId }] };
}
