import { readFile, stat } from 'node:fs/promises';
import { isTranslationSeed, parseSeed, type SeedResult } from '../parse/parse-issue.ts';

export interface ParseJob {
  path: string;
  /** The file as diagnostics name it. */
  name: string;
}

const READ_AT_ONCE = 32;

/** Results of earlier parses by path, reused while a file's size and modification time stay the same. */
export type ParseCache = Map<string, { stamp: string; result: SeedResult }>;

/**
 * Parses seed files one after another, English translations first (so that
 * an issue's translation is known when the issue is), and calls `onParsed`
 * with each file's index and result. With a cache,
 * only files that changed since the last call are parsed.
 *
 * One thread on purpose: the build's other core belongs to the search
 * indexer, which indexes each issue as soon as it is parsed.
 */
export async function parseFiles(jobs: readonly ParseJob[], cache: ParseCache | undefined, onParsed: (index: number, result: SeedResult) => void): Promise<void> {
  const seeds: ReadSeed[] = [];
  // A few files at a time: every seed is read before any is parsed, but not all opened at once.
  for (let from = 0; from < jobs.length; from += READ_AT_ONCE) seeds.push(...(await Promise.all(jobs.slice(from, from + READ_AT_ONCE).map((job) => readJob(job, cache)))));
  const translationsFirst = [...seeds.keys()].sort((a, b) => Number(!seeds[a]?.translation) - Number(!seeds[b]?.translation));
  for (const index of translationsFirst) {
    const seed = seeds[index];
    const job = jobs[index];
    if (!seed || !job) continue;
    const result = seed.cached ?? (seed.bytes ? parseSeed(seed.bytes, job.name) : unreadable(job, seed.error));
    if (cache && !seed.cached) cache.set(job.path, { stamp: seed.stamp, result });
    onParsed(index, result);
  }
}

type ReadSeed = { stamp: string; translation: boolean } & (
  | { cached: SeedResult; bytes?: undefined; error?: undefined }
  | { cached?: undefined; bytes: Uint8Array; error?: undefined }
  | { cached?: undefined; bytes?: undefined; error: unknown }
);

async function readJob(job: ParseJob, cache: ParseCache | undefined): Promise<ReadSeed> {
  let stamp = '';
  try {
    if (cache) {
      const info = await stat(job.path);
      stamp = `${info.mtimeMs}:${info.size}:${job.name}`;
      const cached = cache.get(job.path);
      if (cached?.stamp === stamp) return { stamp, cached: cached.result, translation: cached.result.kind === 'translation' };
    }
    const bytes = await readFile(job.path);
    return { stamp, bytes, translation: isTranslationSeed(bytes, job.name) };
  } catch (error) {
    // Listed a moment ago, yet gone, a folder, or not readable: a diagnostic, not a crash.
    return { stamp, error, translation: false };
  }
}

function unreadable(job: ParseJob, error: unknown): SeedResult {
  const code = (error as { code?: string }).code ?? String(error);
  const ruleId = code === 'ENOENT' ? 'seed-missing' : 'seed-unreadable';
  return { kind: 'invalid', diagnostics: [{ file: job.name, line: 1, column: 1, severity: 'error', message: `Unexpected seed \`${job.name}\` that cannot be read (${code}), expected a readable issue file`, ruleId }] };
}
