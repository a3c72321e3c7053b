import { hash as digest } from 'node:crypto';
import { mkdir, readdir, realpath, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ParseCache } from '../archive/parse-files.ts';
import { basePathOf, normalizeBaseUrl } from '../archive/urls.ts';
import type { SiteData } from '../pages/page-types.ts';
import type { Diagnostic } from '../model/records.ts';
import { buildsOf, readRecord, stampFiles, writeRecord } from '../output/build-record.ts';
import { stageSite, type StagedSite } from '../output/staged-site.ts';
import type { SearchIndexer } from '../search/indexer.ts';
import { renderPages } from '../render/render-pages.ts';
import { writeFiles } from '../output/write-files.ts';
import { outputRules, writeSite } from './build-site.ts';
import { indexIssue, indexSite, startSiteIndex } from './index-site.ts';
import { createPrepareMemo, prepareSite, type PreparedSite, type PrepareOptions } from './prepare-site.ts';

export type UpdateResult =
  | { ok: true; diagnostics: Diagnostic[]; pagesWritten: number; filesWritten: number; ms: number; search: Promise<number> }
  | { ok: false; diagnostics: Diagnostic[] };

type PageKind = keyof SiteData['pages'];

/**
 * Rebuilds for `bulletin serve`. The first call (and any call with `full`,
 * after a template or asset changed) builds and publishes the whole site, as
 * `bulletin build` does; later calls parse only the seeds that changed,
 * render only the pages whose data changed into the published build, and
 * rebuild the search index in the background, swapping it in when ready.
 */
export function createSiteUpdater(options: Omit<PrepareOptions, 'parseCache' | 'memo' | 'onIssue'> & { out: string; signal?: AbortSignal }) {
  const parseCache: ParseCache = new Map();
  const memo = createPrepareMemo();
  // Pages and downloads of unchanged issues come back as the same objects: their fingerprints are kept with them.
  const fingerprints = new WeakMap<object, string>();
  const out = resolve(options.out);
  let built = false;
  let pageHashes = new Map<string, string>();
  let fileHashes = new Map<string, string>();
  let searchQueue: Promise<unknown> = Promise.resolve();

  return async function update({ full = false } = {}): Promise<UpdateResult> {
    const started = performance.now();
    const basePath = basePathOf(normalizeBaseUrl(options.baseUrl));
    const whole = !built || full;
    // A whole build checks `--out` before it parses anything, as `bulletin build` does.
    const staged = whole ? await stageSite(out, outputRules(options.seeds)) : null;
    const index = staged ? startSiteIndex() : null;
    const discardNow = () => {
      index?.stopNow();
      staged?.discardNow();
    };
    options.signal?.addEventListener('abort', discardNow, { once: true });
    try {
      return await updateWith(staged, index, started, basePath);
    } finally {
      options.signal?.removeEventListener('abort', discardNow);
    }
  };

  async function updateWith(staged: StagedSite | null, index: SearchIndexer | null, started: number, basePath: string): Promise<UpdateResult> {
    let prepared: PreparedSite;
    let nextPages: Map<string, string>;
    let nextFiles: Map<string, string>;
    try {
      prepared = await prepareSite({ ...options, parseCache, memo, onIssue: index ? (issue, translation) => indexIssue(index, issue, translation, basePath) : undefined });
      if (!prepared.ok) {
        await Promise.all([index?.close(), staged?.discard()]);
        return prepared;
      }
      nextPages = hashPages(prepared.site, fingerprints);
      nextFiles = new Map(prepared.files.map((file) => [file.path, fingerprint(fingerprints, file, () => file.content)]));
    } catch (error) {
      await Promise.all([index?.close(), staged?.discard()]);
      throw error;
    }
    if (staged && index) {
      // A background reindex of an older state must not land after this build's own index.
      await searchQueue.catch(() => undefined);
      const written = await writeSite(prepared, staged, { started, search: index });
      if (!written.ok) return written;
      built = true;
      pageHashes = nextPages;
      fileHashes = nextFiles;
      return { ok: true, diagnostics: written.diagnostics, pagesWritten: written.timings.pages, filesWritten: prepared.files.length, ms: written.timings.totalMs, search: Promise.resolve(written.timings.pagefindMs) };
    }
    const changed = changedPages(prepared.site, pageHashes, nextPages);
    const pagesWritten = Object.values(changed.pages).reduce((sum, list) => sum + list.length, 0);
    await renderInto(changed, out);
    const files = prepared.files.filter((file) => fileHashes.get(file.path) !== nextFiles.get(file.path));
    await writeFiles(out, files);
    const gone = [...pageHashes.keys()].filter((permalink) => !nextPages.has(permalink)).map(outputFile);
    const goneFiles = [...fileHashes.keys()].filter((path) => !nextFiles.has(path));
    await Promise.all([...gone, ...goneFiles].map((path) => rm(join(out, path), { force: true })));
    await recordAgain(await realpath(out));
    pageHashes = nextPages;
    fileHashes = nextFiles;
    // A failed reindex is reported to its own caller; it must not stop the next ones.
    const search = (searchQueue = searchQueue.catch(() => undefined).then(() => reindex(prepared, out)));
    return { ok: true, diagnostics: prepared.diagnostics, pagesWritten, filesWritten: files.length, ms: performance.now() - started, search: search as Promise<number> };
  }
}

/** A fingerprint of a page or file; the one-shot digest is a third faster than createHash on 14,000 pages. */
function hash(content: string | Uint8Array): string {
  return digest('sha1', content, 'base64');
}

function hashPages(site: SiteData, known: WeakMap<object, string>): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const list of Object.values(site.pages)) {
    // The dictionary is the same object on every page of a language and changes only with a template change.
    for (const page of list) hashes.set(page.permalink, fingerprint(known, page, () => JSON.stringify({ ...page, t: undefined })));
  }
  return hashes;
}

/** The fingerprint of an object's content, made once per object. */
function fingerprint(known: WeakMap<object, string>, item: object, content: () => string | Uint8Array): string {
  let value = known.get(item);
  if (value === undefined) {
    value = hash(content());
    known.set(item, value);
  }
  return value;
}

/** The site with only the pages whose data changed; feeds, sitemap and robots.txt are always written. */
function changedPages(site: SiteData, before: Map<string, string>, after: Map<string, string>): SiteData {
  const pages = Object.fromEntries(
    (Object.keys(site.pages) as PageKind[]).map((kind) => [kind, site.pages[kind].filter((page) => before.get(page.permalink) !== after.get(page.permalink))]),
  ) as SiteData['pages'];
  return { ...site, pages };
}

function outputFile(permalink: string): string {
  return permalink.endsWith('/') ? `${permalink}index.html` : permalink;
}

/** A scratch folder beside the builds of `out`, emptied first. */
async function scratchFor(out: string, job: string): Promise<string> {
  const scratch = join(buildsOf(out), `.${job}-${process.pid}`);
  await rm(scratch, { recursive: true, force: true });
  return scratch;
}

/** Renders into a scratch folder, then moves each file into place: readers never see a half-written page. */
async function renderInto(site: SiteData, out: string): Promise<void> {
  const scratch = await scratchFor(out, 'update');
  try {
    await renderPages(site, scratch);
    await moveTree(scratch, out);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function moveTree(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      await mkdir(target, { recursive: true });
      await moveTree(source, target);
    } else {
      await rename(source, target);
    }
  }
}

/** A new search index beside the live one, swapped in when complete. Returns its build time. */
async function reindex(prepared: PreparedSite & { ok: true }, out: string): Promise<number> {
  const started = performance.now();
  const scratch = await scratchFor(out, 'search');
  try {
    await mkdir(scratch);
    await indexSite(prepared.issues, prepared.translations, prepared.basePath, scratch);
    const live = join(out, 'pagefind');
    await rename(live, join(scratch, 'retired'));
    await rename(join(scratch, 'pagefind'), live);
    await recordAgain(await realpath(out));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return performance.now() - started;
}

/** The published build's record, listing what it holds now. */
async function recordAgain(build: string): Promise<void> {
  const record = readRecord(build);
  if (record) await writeRecord(build, { ...record, files: await stampFiles(build, new Map()) });
}
