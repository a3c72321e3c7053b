import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteData } from '../archive/site-model.ts';
import type { Diagnostic } from '../model/records.ts';
import { provideSiteData } from '../site/site-provider.ts';
import { prepareSite, type PreparedSite } from './prepare-site.ts';
import { indexSite } from './index-site.ts';

export interface BuildOptions {
  seeds: readonly string[];
  out: string;
  baseUrl: string;
  buildDate?: string;
}

export interface BuildTimings {
  parseMs: number;
  eleventyMs: number;
  pagefindMs: number;
  totalMs: number;
  pages: number;
  articles: number;
  issues: number;
}

export type BuildResult = { ok: true; diagnostics: Diagnostic[]; timings: BuildTimings } | { ok: false; diagnostics: Diagnostic[] };

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The whole site into a staging folder beside `out`, then swapped in:
 * a build that fails or is killed leaves the previous output untouched.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const prepared = await prepareSite(options);
  if (!prepared.ok) return prepared;
  return writeSite(prepared, options.out, started);
}

/** Writes a prepared site: staged beside `out`, swapped in when complete. */
export async function writeSite(prepared: PreparedSite & { ok: true }, outDir: string, started = performance.now()): Promise<BuildResult> {
  const out = resolve(outDir);
  const staging = join(dirname(out), `.${basename(out)}.staging-${process.pid}`);
  await removeAbandonedStaging(out);
  await rm(staging, { recursive: true, force: true });
  try {
    // Pagefind indexes the records in its own process while Eleventy renders: the two use both cores.
    const timed = async <T>(work: Promise<T>) => {
      const started = performance.now();
      const value = await work;
      return { value, ms: performance.now() - started };
    };
    const [rendered, searchIndex] = await Promise.all([
      timed(renderPages(prepared.site, staging).then(() => Promise.all(prepared.files.map((file) => writeOutput(staging, file.path, file.content))))),
      timed(indexSite(prepared.site, staging)),
    ]);
    const eleventyMs = rendered.ms;
    const pagefindMs = searchIndex.ms;
    if (searchIndex.value.pages !== prepared.site.pages.article.length / 2) {
      throw new Error(`Pagefind indexed ${searchIndex.value.pages} articles, expected ${prepared.site.pages.article.length / 2}`);
    }
    await swapInto(staging, out);
    const pages = Object.values(prepared.site.pages).reduce((sum, list) => sum + list.length, 0);
    return {
      ok: true,
      diagnostics: prepared.diagnostics,
      timings: {
        parseMs: prepared.parseMs,
        eleventyMs,
        pagefindMs,
        totalMs: performance.now() - started,
        pages,
        articles: prepared.site.pages.article.length / 2,
        issues: prepared.issues.length,
      },
    };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

export async function renderPages(site: SiteData, output: string): Promise<void> {
  provideSiteData(site);
  const { default: Eleventy } = await import('@11ty/eleventy');
  const previous = process.cwd();
  process.chdir(PROJECT_ROOT);
  try {
    const eleventy = new Eleventy('templates', output, { configPath: '.eleventy.ts', quietMode: true });
    await eleventy.write();
  } catch (error) {
    throw new Error(`Eleventy failed: ${(error as Error).message}`, { cause: error });
  } finally {
    process.chdir(previous);
  }
}

export async function writeOutput(root: string, path: string, content: string): Promise<void> {
  const target = join(root, path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, content);
}

/** Staging folders left by builds that were killed: their process is gone. */
async function removeAbandonedStaging(out: string): Promise<void> {
  const prefix = `.${basename(out)}.staging-`;
  const names = await readdir(dirname(out)).catch(() => []);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number.parseInt(name.slice(prefix.length), 10);
    if (Number.isInteger(pid) && pid !== process.pid && isRunning(pid)) continue;
    await rm(join(dirname(out), name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Moves `staging` to `out`, retiring what was there only once the new folder is in place. */
export async function swapInto(staging: string, out: string): Promise<void> {
  const retired = `${staging}.previous`;
  await rm(retired, { recursive: true, force: true });
  await rename(out, retired).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(staging, out);
  await rm(retired, { recursive: true, force: true });
}
