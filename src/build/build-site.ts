import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteData } from '../archive/site-model.ts';
import type { Diagnostic } from '../model/records.ts';
import { provideSiteData } from '../site/site-provider.ts';
import { prepareSite, type PreparedSite } from './prepare-site.ts';
import { basePathOf, normalizeBaseUrl } from '../archive/urls.ts';
import type { BackgroundIndex } from '../search/background-index.ts';
import { indexIssue, startSiteIndex } from './index-site.ts';
import { siteAssets } from './site-assets.ts';

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
 * Each issue goes to the search indexer as soon as it is parsed, so that
 * Pagefind works on the other core from the start.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const basePath = basePathOf(normalizeBaseUrl(options.baseUrl));
  const search = startSiteIndex();
  try {
    const prepared = await prepareSite({ ...options, onIssue: (issue, translation) => indexIssue(search, issue, translation, basePath) });
    if (!prepared.ok) {
      await search.close();
      return prepared;
    }
    return await writeSite(prepared, options.out, { started, search });
  } catch (error) {
    await search.close();
    throw error;
  }
}

/**
 * Writes a prepared site: staged beside `out`, swapped in when complete.
 * `search` is an index already fed with the site's issues; it is written
 * into the staging folder, or closed when anything fails.
 */
export async function writeSite(prepared: PreparedSite & { ok: true }, outDir: string, { started, search: index }: { started: number; search: BackgroundIndex }): Promise<BuildResult> {
  const out = resolve(outDir);
  const staging = join(dirname(out), `.${basename(out)}.staging-${process.pid}`);
  try {
    await removeAbandonedStaging(out);
    await rm(staging, { recursive: true, force: true });
  } catch (error) {
    await index.close();
    throw error;
  }
  const renderStarted = performance.now();
  const [rendered, indexed] = await Promise.allSettled([
    renderPages(prepared.site, staging)
      // Scripts and stylesheets are written by every whole build: a change under public/ always makes one.
      .then(() => Promise.all([...prepared.files, ...siteAssets()].map((file) => writeOutput(staging, file.path, file.content))))
      .then(() => performance.now() - renderStarted),
    index.write(staging),
  ]);
  try {
    if (rendered.status === 'rejected') throw rendered.reason;
    if (indexed.status === 'rejected') throw indexed.reason;
    const articles = prepared.site.pages.article.length / 2;
    if (indexed.value.pages !== articles) throw new Error(`Pagefind indexed ${indexed.value.pages} articles, expected ${articles}`);
    await swapInto(staging, out);
    const pages = Object.values(prepared.site.pages).reduce((sum, list) => sum + list.length, 0);
    return {
      ok: true,
      diagnostics: prepared.diagnostics,
      timings: { parseMs: prepared.parseMs, eleventyMs: rendered.value, pagefindMs: indexed.value.ms, totalMs: performance.now() - started, pages, articles, issues: prepared.issues.length },
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

export async function writeOutput(root: string, path: string, content: string | Uint8Array): Promise<void> {
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
