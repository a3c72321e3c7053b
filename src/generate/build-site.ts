import { basePathOf, normalizeBaseUrl } from '../archive/urls.ts';
import type { Diagnostic } from '../model/records.ts';
import type { OutputRules } from '../output/output-target.ts';
import { stageSite, type StagedSite } from '../output/staged-site.ts';
import { describeWriteError } from '../output/write-errors.ts';
import { writeFiles } from '../output/write-files.ts';
import type { SearchIndexer } from '../search/indexer.ts';
import { indexIssue, startSiteIndex } from './index-site.ts';
import { prepareSite, type PreparedSite } from './prepare-site.ts';
import { renderPages } from '../render/render-pages.ts';
import { siteAssets } from '../render/site-assets.ts';
import { PROJECT_ROOT } from '../project-root.ts';

export interface BuildOptions {
  seeds: readonly string[];
  out: string;
  baseUrl: string;
  buildDate?: string;
  /** Aborting removes the unfinished build at once (synchronously): for a signal handler. */
  signal?: AbortSignal;
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


/** What `--out` may never be: the seeds, this project, the working directory, or what holds them. */
export function outputRules(seeds: readonly string[]): OutputRules {
  return { seeds, protectedRoots: [PROJECT_ROOT, process.cwd()] };
}

/**
 * The whole site, written into a build folder of its own and published at
 * `out` in one step: a build that fails or is killed leaves the previous
 * site in place. Each issue goes to the search indexer as soon as it is
 * parsed, so that Pagefind works on the other core from the start.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const staged = await stageSite(options.out, outputRules(options.seeds));
  const search = startSiteIndex();
  const discardNow = () => {
    search.stopNow();
    staged.discardNow();
  };
  options.signal?.addEventListener('abort', discardNow, { once: true });
  const basePath = basePathOf(normalizeBaseUrl(options.baseUrl));
  try {
    const prepared = await prepareSite({ ...options, onIssue: (issue, translation) => indexIssue(search, issue, translation, basePath) });
    if (!prepared.ok) {
      await Promise.all([search.close(), staged.discard()]);
      return prepared;
    }
    return await writeSite(prepared, staged, { started, search });
  } catch (error) {
    await Promise.all([search.close(), staged.discard()]);
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', discardNow);
  }
}

/**
 * Writes a prepared site into its build folder and publishes it. `search` is
 * an index already fed with the site's issues; it is written beside the
 * pages, or closed at once when rendering fails (a full disk fails both, and
 * nothing waits for Pagefind to find out).
 */
export async function writeSite(prepared: PreparedSite & { ok: true }, staged: StagedSite, { started, search }: { started: number; search: SearchIndexer }): Promise<BuildResult> {
  const renderStarted = performance.now();
  const rendering = renderPages(prepared.site, staged.dir)
    // Scripts and stylesheets are written by every whole build: a change under public/ always makes one.
    .then(() => writeFiles(staged.dir, [...prepared.files, ...siteAssets()]))
    .then(() => performance.now() - renderStarted);
  rendering.catch(() => search.close());
  const [rendered, indexed] = await Promise.allSettled([rendering, search.write(staged.dir)]);
  const articles = prepared.site.pages.article.length / 2;
  try {
    if (rendered.status === 'rejected') throw describeWriteError(rendered.reason, `write the site into ${staged.dir}`);
    if (indexed.status === 'rejected') throw describeWriteError(indexed.reason, `write the search index into ${staged.dir}`);
    if (indexed.value.pages !== articles) throw new Error(`Pagefind indexed ${indexed.value.pages} articles, expected ${articles}`);
    await staged.publish();
  } catch (error) {
    await staged.discard();
    throw error;
  }
  const pages = Object.values(prepared.site.pages).reduce((sum, list) => sum + list.length, 0);
  return {
    ok: true,
    diagnostics: prepared.diagnostics,
    timings: { parseMs: prepared.parseMs, eleventyMs: rendered.value, pagefindMs: indexed.value.ms, totalMs: performance.now() - started, pages, articles, issues: prepared.issues.length },
  };
}
