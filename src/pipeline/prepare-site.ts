import { archiveExport, issueExport } from '../archive/export-data.ts';
import { loadArchive, type LoadOptions } from '../archive/load-archive.ts';
import type { SiteFile } from '../output/write-files.ts';
import { buildSiteData } from '../pages/site-pages.ts';
import type { SiteData } from '../pages/page-types.ts';
import { basePathOf, normalizeBaseUrl, paths } from '../archive/urls.ts';
import type { Diagnostic, Issue, Translation } from '../model/records.ts';
import { hasErrors } from '../parse/diagnostics.ts';
import { loadAliases } from '../parks/aliases.ts';
import { loadGazetteer } from '../parks/gazetteer.ts';
import { zonesExport } from '../archive/zones-export.ts';
import { articleZonesCsv } from '../archive/article-zones-csv.ts';
import { searchHints } from '../archive/search-hints.ts';
import { buildDate } from './build-date.ts';
import type { SeedCache } from './seed-cache.ts';
import { planSearchParts, type SearchPart } from './search-parts.ts';

export interface PrepareOptions {
  seeds: readonly string[];
  baseUrl: string;
  buildDate?: string;
  /** Parse results kept by content. */
  cache?: SeedCache;
  /** The indexer's fingerprint, part of each search part's key. */
  indexer: string;
  /** Called with each issue as soon as it is parsed (see `loadArchive`). */
  onIssue?: LoadOptions['onIssue'];
}

export type PreparedSite =
  | { ok: true; site: SiteData; files: SiteFile[]; parts: SearchPart[]; issues: Issue[]; translations: ReadonlyMap<number, Translation>; diagnostics: Diagnostic[]; parseMs: number; prepareMs: number }
  | { ok: false; diagnostics: Diagnostic[] };

/** Parses every seed and prepares the pages, the downloads and the search index's parts; nothing is written yet. */
export async function prepareSite(options: PrepareOptions): Promise<PreparedSite> {
  const started = performance.now();
  const archive = await loadArchive(options.seeds, process.cwd(), { cache: options.cache, onIssue: options.onIssue });
  const parsed = performance.now();
  if (hasErrors(archive.diagnostics)) return { ok: false, diagnostics: archive.diagnostics };
  if (archive.issues.length === 0) {
    return { ok: false, diagnostics: [...archive.diagnostics, { file: options.seeds.join(', '), line: 1, column: 1, severity: 'error', message: 'Missing issues, expected at least one issue file (*.md)', ruleId: 'archive-empty' }] };
  }
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const basePath = basePathOf(baseUrl);
  const parks = loadGazetteer();
  const parts = planSearchParts(archive.issues, archive.translations, basePath, options.indexer);
  const searchParts = parts.map((part) => `/${part.path}/`);
  const { site, files } = buildSiteData(archive.issues, archive.translations, { baseUrl, buildDate: options.buildDate ?? buildDate(), parks, searchParts });
  const dataFiles: SiteFile[] = [
    { path: paths.archiveJson(), content: json(archiveExport(archive.issues, basePath)) },
    { path: paths.articleZonesCsv(), content: articleZonesCsv(archive.issues, archive.translations, parks, baseUrl) },
    { path: paths.searchHintsJson(), content: `${JSON.stringify(searchHints(archive.issues, archive.translations, parks))}\n` },
    { path: paths.zonesJson(), content: `${JSON.stringify(zonesExport(parks, loadAliases(parks), archive.issues))}\n` },
    ...archive.issues.map((issue) => ({ path: paths.issueJson(issue.cumulative), content: json(issueExport(issue, basePath)) })),
  ];
  return {
    ok: true,
    site,
    files: [...files, ...dataFiles],
    parts,
    issues: archive.issues,
    translations: archive.translations,
    diagnostics: archive.diagnostics,
    parseMs: parsed - started,
    prepareMs: performance.now() - parsed,
  };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
