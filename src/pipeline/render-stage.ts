/**
 * View models → files, the pipeline's rendering edge. Every item the
 * templates render (a page, a feed, the sitemap, robots.txt) has a key: a
 * hash of its whole view model and of the renderer's fingerprint (the
 * templates, Eleventy's configuration and version). An item whose file the
 * previous build made from the same key is kept (see reuse.ts); the others
 * are rendered by Eleventy. No page module says what its page depends on:
 * the view model is the page's complete input, so its hash is the key.
 */
import { createHash, hash } from 'node:crypto';
import { dictionary, LANGS } from '../i18n/index.ts';
import type { SiteData } from '../pages/page-types.ts';
import { renderPages } from '../render/render-pages.ts';
import type { FileStamp } from '../output/build-record.ts';

interface RenderItem {
  permalink: string;
  t?: unknown;
}

export interface RenderOutcome {
  rendered: number;
  reused: number;
}

/** The file a permalink is written to, relative to the build: `/issues/549/` → `issues/549/index.html`. */
export function outputPath(permalink: string): string {
  const path = permalink.replace(/^\//u, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** Every list the templates paginate, with its items. */
function lists(site: SiteData): RenderItem[][] {
  return [...Object.values(site.pages), site.feeds, site.sitemap, site.robots];
}

/** The site with only the items whose files are in `paths`. */
function onlyPaths(site: SiteData, paths: ReadonlySet<string>): SiteData {
  const keep = <T extends RenderItem>(list: T[]) => list.filter((item) => paths.has(outputPath(item.permalink)));
  const pages = Object.fromEntries(Object.entries(site.pages).map(([kind, list]) => [kind, keep(list as RenderItem[])])) as unknown as SiteData['pages'];
  return { pages, feeds: keep(site.feeds), sitemap: keep(site.sitemap), robots: keep(site.robots) };
}

/**
 * The key of every item: what it renders from, whole. The dictionary each
 * page carries is the same object on every page of a language; it enters
 * the key as its digest, made once per build.
 */
export function renderKeys(site: SiteData, fingerprint: string): Map<string, string> {
  const dictionaries = new Map<unknown, string>(LANGS.map((lang) => [dictionary(lang), hash('sha256', JSON.stringify(dictionary(lang)), 'base64url')]));
  const keys = new Map<string, string>();
  for (const list of lists(site)) {
    for (const item of list) {
      const shown = item.t !== undefined && dictionaries.has(item.t) ? { ...item, t: dictionaries.get(item.t) } : item;
      // UTF-16 code units as they are: hashing the JSON as UTF-8 would first transcode 200 MB of mostly Chinese text (7× slower).
      keys.set(outputPath(item.permalink), createHash('sha1').update(fingerprint).update(JSON.stringify(shown), 'utf16le').digest('base64url'));
    }
  }
  return keys;
}

/** Renders into `dir` every item whose file is not kept from the previous build. */
export async function renderStage(site: SiteData, dir: string, keys: ReadonlyMap<string, string>, kept: ReadonlyMap<string, FileStamp>): Promise<RenderOutcome> {
  const fresh = new Set([...keys.keys()].filter((path) => !kept.has(path)));
  if (fresh.size > 0) await renderPages(onlyPaths(site, fresh), dir);
  return { rendered: fresh.size, reused: keys.size - fresh.size };
}
