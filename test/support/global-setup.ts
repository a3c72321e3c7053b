/**
 * Global setup of the "site" test project (tests under test/site/ and
 * test/browser/): build the site ONCE per run and hand the output directories
 * to tests through vitest's provide/inject.
 *
 * vitest only runs a project's globalSetup when at least one of that
 * project's test files is selected, so `npx vitest run test/unit`,
 * `npx vitest run test/support` or `npx vitest run --project unit` never build.
 * Set BULLETIN_SKIP_BUILD=1 to skip the build anyway (site tests then fail
 * with a clear message when they ask for a built site).
 * Set BULLETIN_KEEP_SITE=1 to keep the temp output directories after the run.
 *
 * Builds (each into a fresh temp dir, `<tmp>/_site`):
 * - `default`:  seeds/                     base URL http://localhost/
 * - `fixtures`: test/fixtures/site-seeds/  base URL http://localhost/   (only if that directory exists)
 * - `subpath`:  seeds/                     base URL https://example.org/archive/
 * - `hostile`:  test/fixtures/hostile-seeds/  base URL http://localhost/
 * - `zones`:    test/fixtures/zone-seeds/   base URL http://localhost/
 * - `archive`:  synthetic issues ARCHIVE_ISSUES (2000, 2001, 2005: 2002 to 2004 have none; two parts of the search index)
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { syntheticIssue } from '../../bench/synthetic.ts';

export type BuiltSiteKey = 'default' | 'fixtures' | 'subpath' | 'hostile' | 'zones' | 'archive';
export type BuiltSites = Partial<Record<BuiltSiteKey, string>>;

export const LOCAL_BASE_URL = 'http://localhost/';
export const SUBPATH_BASE_URL = 'https://example.org/archive/';
/** URL path prefix of the `subpath` build, for `serveSite(dir, { pathPrefix })`. */
export const SUBPATH_PREFIX = '/archive/';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Output directories of the builds made by the global setup, by key. */
    siteDirs: BuiltSites;
    /** Why no build was made (BULLETIN_SKIP_BUILD), or null. */
    siteBuildSkipped: string | null;
  }
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUILD_CLI = path.join(REPO_ROOT, 'bin', 'bulletin.js');
export const DEFAULT_SEEDS = path.join(REPO_ROOT, 'seeds');
export const FIXTURE_SEEDS = path.join(REPO_ROOT, 'test', 'fixtures', 'site-seeds');
/** Seeds full of script injection attempts, for the security tests. */
export const HOSTILE_SEEDS = path.join(REPO_ROOT, 'test', 'fixtures', 'hostile-seeds');
/** An issue naming zones every way a bulletin does (nicknames, former names, provinces first), with decoys: for the zone search. */
export const ZONE_SEEDS = path.join(REPO_ROOT, 'test', 'fixtures', 'zone-seeds');

/**
 * A small archive over several years, one year left without issues, several
 * issues in the others: for the charts. Synthetic issues (bench/synthetic.ts),
 * written into a temporary folder.
 */
export const ARCHIVE_ISSUES = [1, 2, 3, 30, 31, 129] as const;

const BUILD_TIMEOUT_MS = Number(process.env.BULLETIN_BUILD_TIMEOUT_MS ?? 10 * 60_000);
const BUILD_CONCURRENCY = Math.max(1, Number(process.env.BULLETIN_BUILD_CONCURRENCY ?? 2) || 2);

interface BuildJob {
  key: BuiltSiteKey;
  seeds: string;
  baseUrl: string;
}

function log(message: string): void {
  process.stderr.write(`[global-setup] ${message}\n`);
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function tail(text: string, max = 4000): string {
  return text.length > max ? `…${text.slice(-max)}` : text;
}

function runBuild(job: BuildJob, out: string): Promise<void> {
  const args = [BUILD_CLI, 'build', '--seeds', job.seeds, '--out', out, '--base-url', job.baseUrl];
  const display = (a: string): string => {
    if (!path.isAbsolute(a)) return a;
    const rel = path.relative(REPO_ROOT, a);
    return rel.startsWith('..') ? a : rel || '.';
  };
  const commandLine = `node ${args.map(display).join(' ')}`;
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Site build "${job.key}" timed out after ${BUILD_TIMEOUT_MS} ms: ${commandLine}\n${tail(output)}`));
    }, BUILD_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`Site build "${job.key}" could not start: ${commandLine}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`Site build "${job.key}" failed (${signal ?? `exit code ${code}`}): ${commandLine}\n${tail(output)}`));
    });
  });
}

async function runLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const errors: unknown[] = [];
  const worker = async (): Promise<void> => {
    // Stop taking new items after the first failure (fail fast).
    for (let item = queue.shift(); item !== undefined && errors.length === 0; item = queue.shift()) {
      try {
        await fn(item);
      } catch (err) {
        errors.push(err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, errors.map((e) => (e instanceof Error ? e.message : String(e))).join('\n\n'));
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { provide } = project;
  if (process.env.BULLETIN_SKIP_BUILD === '1') {
    const reason = 'site build skipped because BULLETIN_SKIP_BUILD=1 (unset it to build the site for site/browser tests)';
    log(reason);
    provide('siteDirs', {});
    provide('siteBuildSkipped', reason);
    return async () => {};
  }

  if (!existsSync(BUILD_CLI)) {
    throw new Error(
      `Cannot build the site for tests under test/site/ and test/browser/: the build CLI ${BUILD_CLI} does not exist. ` +
        `These tests need 'node bin/bulletin.js build --seeds <dir> --out <dir> --base-url <url>'. ` +
        `Run only the unit tests with 'npx vitest run --project unit', or set BULLETIN_SKIP_BUILD=1.`,
    );
  }
  if (!isDirectory(DEFAULT_SEEDS)) throw new Error(`Cannot build the site: seeds directory ${DEFAULT_SEEDS} is missing.`);

  const jobs: BuildJob[] = [{ key: 'default', seeds: DEFAULT_SEEDS, baseUrl: LOCAL_BASE_URL }];
  if (isDirectory(FIXTURE_SEEDS)) jobs.push({ key: 'fixtures', seeds: FIXTURE_SEEDS, baseUrl: LOCAL_BASE_URL });
  jobs.push({ key: 'subpath', seeds: DEFAULT_SEEDS, baseUrl: SUBPATH_BASE_URL });
  if (isDirectory(HOSTILE_SEEDS)) jobs.push({ key: 'hostile', seeds: HOSTILE_SEEDS, baseUrl: LOCAL_BASE_URL });
  jobs.push({ key: 'zones', seeds: ZONE_SEEDS, baseUrl: LOCAL_BASE_URL });

  const tempDirs: string[] = [];
  const archiveSeeds = await mkdtemp(path.join(os.tmpdir(), 'bulletin-seeds-archive-'));
  tempDirs.push(archiveSeeds);
  for (const cumulative of ARCHIVE_ISSUES) await writeFile(path.join(archiveSeeds, `huoju-dongtai-${cumulative}.md`), syntheticIssue(cumulative));
  jobs.push({ key: 'archive', seeds: archiveSeeds, baseUrl: LOCAL_BASE_URL });
  const sites: BuiltSites = {};
  const cleanup = async (): Promise<void> => {
    if (process.env.BULLETIN_KEEP_SITE === '1') {
      log(`keeping built sites: ${tempDirs.join(', ')}`);
      return;
    }
    await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  };

  const started = Date.now();
  try {
    await runLimited(jobs, BUILD_CONCURRENCY, async (job) => {
      const tmp = await mkdtemp(path.join(os.tmpdir(), `bulletin-site-${job.key}-`));
      tempDirs.push(tmp);
      const out = path.join(tmp, '_site');
      const t0 = Date.now();
      await runBuild(job, out);
      if (!isDirectory(out)) {
        throw new Error(`Site build "${job.key}" exited successfully but produced no output directory ${out}`);
      }
      sites[job.key] = out;
      log(`built "${job.key}" (${path.relative(REPO_ROOT, job.seeds)}, ${job.baseUrl}) in ${((Date.now() - t0) / 1000).toFixed(1)}s → ${out}`);
    });
  } catch (err) {
    await cleanup();
    throw err;
  }
  log(`site builds done in ${((Date.now() - started) / 1000).toFixed(1)}s`);

  provide('siteDirs', sites);
  provide('siteBuildSkipped', null);
  return cleanup;
}
