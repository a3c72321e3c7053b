/**
 * The one build pipeline, for `bulletin build` and for every rebuild of
 * `bulletin serve`:
 *
 *   seeds → records (parse cache, by each seed's content)
 *         → archive → page view models
 *         → files (render cache: the previous build, by each view model's hash)
 *         → search index (by part, by each part's records)
 *         → a new build folder, published at `--out` in one step.
 *
 * Caches sit at its edges only, keyed by what goes in; no page says by hand
 * what it depends on. A build that fails or is stopped leaves `--out` as it was.
 */
import { transform } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../model/records.ts';
import { basePathOf, normalizeBaseUrl } from '../archive/urls.ts';
import { buildsOf, type FileStamp } from '../output/build-record.ts';
import { locate, type OutputRules } from '../output/output-target.ts';
import { stageSite, type StagedSite } from '../output/staged-site.ts';
import { describeWriteError } from '../output/write-errors.ts';
import type { SiteFile } from '../output/write-files.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { siteAssets } from '../render/site-assets.ts';
import { fileKeys, fileStage } from './file-stage.ts';
import { fingerprints, type Fingerprints } from './fingerprints.ts';
import { prepareSite, type PreparedSite } from './prepare-site.ts';
import { renderKeys, renderStage } from './render-stage.ts';
import { keepUnchanged, startReuse } from './reuse.ts';
import { startEarlyIndex, type EarlyIndex } from './early-index.ts';
import { partKeys, searchStage } from './search-stage.ts';
import { openSeedCache, type SeedCache } from './seed-cache.ts';

export interface PipelineOptions {
  seeds: readonly string[];
  out: string;
  baseUrl: string;
  buildDate?: string;
  /** Aborting removes the unfinished build and stops Pagefind at once (synchronously): for a signal handler. */
  signal?: AbortSignal;
  /** Parse results kept between runs of one process (`bulletin serve`); by default, the cache on disk beside the builds. */
  cache?: SeedCache;
}

export interface BuildTimings {
  parseMs: number;
  prepareMs: number;
  renderMs: number;
  searchMs: number;
  totalMs: number;
  pages: number;
  /** Files rendered by Eleventy, and those linked unchanged from the previous build. */
  rendered: number;
  reused: number;
  articles: number;
  issues: number;
  parts: number;
  partsWritten: number;
}

export type BuildResult = { ok: true; diagnostics: Diagnostic[]; timings: BuildTimings } | { ok: false; diagnostics: Diagnostic[] };

/** What `--out` may never be: the seeds, this project, the working directory, or what holds them. */
export function outputRules(seeds: readonly string[]): OutputRules {
  return { seeds, protectedRoots: [PROJECT_ROOT, process.cwd()] };
}

/** Where parse results are kept between runs: beside the builds of `out`. */
export function seedCacheFolder(out: string): string {
  return join(buildsOf(locate(out)), 'cache', 'seeds');
}

/** Opens the parse cache of the builds of `out`, for the running parser. */
export async function openCacheFor(out: string): Promise<SeedCache> {
  return openSeedCache((await fingerprints()).parser, seedCacheFolder(out));
}

/** Builds the site and publishes it at `out`. */
export async function runPipeline(options: PipelineOptions): Promise<BuildResult> {
  const started = performance.now();
  const prints = await fingerprints();
  const basePath = basePathOf(normalizeBaseUrl(options.baseUrl));
  const staged = await stageSite(options.out, outputRules(options.seeds));
  const cache = options.cache ?? openSeedCache(prints.parser, seedCacheFolder(options.out));
  const stop = new AbortController();
  // The previous build's files are linked into this one while the seeds are read and the pages made;
  // with none to link from, the search index's first parts are fed to Pagefind meanwhile.
  const reuse = startReuse(staged.previous, staged.dir, staged.trash);
  const early = staged.previous ? undefined : startEarlyIndex(basePath, staged.dir, prints.indexer);
  const discardNow = () => {
    stop.abort(options.signal?.reason);
    early?.stopNow();
    void reuse.stop();
    staged.discardNow();
  };
  options.signal?.addEventListener('abort', discardNow, { once: true });
  try {
    const prepared = await prepareSite({ seeds: options.seeds, baseUrl: options.baseUrl, buildDate: options.buildDate, cache, indexer: prints.indexer, onIssue: early?.add });
    if (!prepared.ok) {
      early?.stopNow();
      // Stopped first: a link that lands after the build folder is removed would leave part of it behind.
      await reuse.stop();
      cache.discard();
      await staged.discard();
      return prepared;
    }
    // Refused here, before anything is made, when somebody added files to the published build.
    await staged.intact;
    const written = await writeBuild(prepared, staged, prints, stop, await reuse.linked, early);
    await staged.publish(written.keys, written.kept);
    await Promise.all([cache.commit(), reuse.done]);
    return { ok: true, diagnostics: prepared.diagnostics, timings: { ...written.timings, parseMs: prepared.parseMs, prepareMs: prepared.prepareMs, totalMs: performance.now() - started } };
  } catch (error) {
    stop.abort(error);
    early?.stopNow();
    await reuse.stop();
    cache.discard();
    await staged.discard();
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', discardNow);
  }
}

/** The script every search page loads; its key is known only once the index's first part is written. */
const SEARCH_SCRIPT = 'pagefind/pagefind.js';

type Written = { keys: Map<string, string>; kept: Map<string, FileStamp>; timings: Omit<BuildTimings, 'parseMs' | 'prepareMs' | 'totalMs'> };

/**
 * Keeps what the previous build made from the same keys, then renders the
 * pages, writes the downloads and the search index into the staged build,
 * side by side.
 */
async function writeBuild(prepared: PreparedSite & { ok: true }, staged: StagedSite, prints: Fingerprints, stop: AbortController, linked: ReadonlyMap<string, FileStamp>, early?: EarlyIndex): Promise<Written> {
  const { dir, previous } = staged;
  const files = [...prepared.files, ...(await siteAssets())];
  const pageKeys = renderKeys(prepared.site, prints.renderer);
  const contentKeys = fileKeys(files);
  const kept = await keepUnchanged(dir, linked, new Map([...pageKeys, ...contentKeys, ...partKeys(prepared.parts, previous)]), (path) => path === SEARCH_SCRIPT);
  const fail = (action: string) => (error: unknown) => {
    // Whichever stage fails first stops the others: nothing waits for Pagefind to meet the same full disk.
    const described = describeWriteError(error, action);
    stop.abort(described);
    throw described;
  };
  const renderStarted = performance.now();
  const rendering = renderStage(prepared.site, dir, pageKeys, kept)
    .then((outcome) => ({ ...outcome, ms: performance.now() - renderStarted }))
    .catch(fail(`write the site into ${dir}`));
  const filing = fileStage(files, dir, contentKeys, kept).catch(fail(`write the site into ${dir}`));
  const indexing = searchStage(prepared.parts, dir, kept, previous, { signal: stop.signal, early, rendered: rendering }).catch(fail(`write the search index into ${dir}`));
  const [rendered, , search] = await settleAll([rendering, filing, indexing]);
  await early?.finish();
  const articles = prepared.site.pages.article.length / 2;
  if (search.pages !== articles) throw new Error(`Pagefind indexed ${search.pages} articles, expected ${articles}`);
  const script = [await searchScript(dir, prepared.parts[0]?.path)];
  const scriptKeys = fileKeys(script);
  await fileStage(script, dir, scriptKeys, kept, linked);
  const keys = new Map([...pageKeys, ...contentKeys, ...search.keys, ...scriptKeys]);
  const pages = Object.values(prepared.site.pages).reduce((sum, list) => sum + list.length, 0);
  return {
    keys,
    kept: new Map([...kept].filter(([path, stamp]) => keys.get(path) === stamp[0])),
    timings: { renderMs: rendered.ms, searchMs: search.ms, pages, rendered: rendered.rendered, reused: rendered.reused, articles, issues: prepared.issues.length, parts: prepared.parts.length, partsWritten: search.written },
  };
}

/** Waits for every stage to settle, then gives their values or the first failure. */
async function settleAll<T extends readonly unknown[]>(stages: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(stages);
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/**
 * `/pagefind/pagefind.js`, the script every search page loads (it then
 * reads the parts): the first part's, minified. Pagefind's own minifier
 * leaves it at 13.4 KB gzip; esbuild makes it 11.5 KB.
 */
async function searchScript(dir: string, firstPart: string | undefined): Promise<SiteFile> {
  if (firstPart === undefined) throw new Error('The search index has no part');
  const source = await readFile(join(dir, firstPart, 'pagefind.js'), 'utf8');
  const { code } = await transform(source, { loader: 'js', minify: true });
  return { path: `/${SEARCH_SCRIPT}`, content: code };
}
