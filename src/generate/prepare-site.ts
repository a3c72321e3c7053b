import { archiveExport, issueExport } from '../archive/export-data.ts';
import { loadArchive, type LoadOptions } from '../archive/load-archive.ts';
import type { ParseCache } from '../archive/parse-files.ts';
import type { SiteFile } from '../output/write-files.ts';
import { buildSiteData, type IssuePagesMemo } from '../pages/site-pages.ts';
import type { SiteData } from '../pages/page-types.ts';
import { basePathOf, normalizeBaseUrl, paths } from '../archive/urls.ts';
import type { Diagnostic, Issue, Translation } from '../model/records.ts';
import { hasErrors } from '../parse/diagnostics.ts';
import { loadAliases } from '../parks/aliases.ts';
import { loadGazetteer } from '../parks/gazetteer.ts';
import { zonesExport } from '../archive/zones-export.ts';
import { searchHints } from '../archive/search-hints.ts';
import type { CoverageMemo } from '../archive/zone-coverage.ts';
import { buildDate } from './build-date.ts';

export interface PrepareOptions {
  seeds: readonly string[];
  baseUrl: string;
  buildDate?: string;
  /** Keeps parse results between builds (`bulletin serve`). */
  parseCache?: ParseCache;
  /** Keeps the pages and data files of unchanged issues between builds (`bulletin serve`). */
  memo?: PrepareMemo;
  /** Called with each issue as soon as it is parsed (see `loadArchive`). */
  onIssue?: LoadOptions['onIssue'];
}

export interface PrepareMemo {
  pages: IssuePagesMemo;
  issueJson: WeakMap<Issue, { basePath: string; json: string }>;
  coverage: CoverageMemo;
}

export function createPrepareMemo(): PrepareMemo {
  return { pages: new WeakMap(), issueJson: new WeakMap(), coverage: new WeakMap() };
}

export type PreparedSite =
  | { ok: true; site: SiteData; files: SiteFile[]; issues: Issue[]; translations: ReadonlyMap<number, Translation>; basePath: string; diagnostics: Diagnostic[]; parseMs: number }
  | { ok: false; diagnostics: Diagnostic[] };

/** Parses every seed and prepares pages and downloads; nothing is written yet. */
export async function prepareSite(options: PrepareOptions): Promise<PreparedSite> {
  const started = performance.now();
  const archive = await loadArchive(options.seeds, process.cwd(), { cache: options.parseCache, onIssue: options.onIssue });
  const parseMs = performance.now() - started;
  if (hasErrors(archive.diagnostics)) return { ok: false, diagnostics: archive.diagnostics };
  if (archive.issues.length === 0) {
    return { ok: false, diagnostics: [...archive.diagnostics, { file: options.seeds.join(', '), line: 1, column: 1, severity: 'error', message: 'Missing issues, expected at least one issue file (*.md)', ruleId: 'archive-empty' }] };
  }
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const basePath = basePathOf(baseUrl);
  const parks = loadGazetteer();
  const { site, files } = buildSiteData(archive.issues, archive.translations, { baseUrl, buildDate: options.buildDate ?? buildDate(), parks, memo: options.memo?.pages });
  const dataFiles: SiteFile[] = [
    { path: paths.archiveJson(), content: json(archiveExport(archive.issues, basePath)) },
    { path: paths.zonesJson(), content: `${JSON.stringify(zonesExport(parks, loadAliases(parks), archive.issues, options.memo?.coverage))}\n` },
    { path: paths.searchHintsJson(), content: `${JSON.stringify(searchHints(archive.issues, archive.translations, parks))}\n` },
    ...archive.issues.map((issue) => ({ path: paths.issueJson(issue.cumulative), content: issueJson(issue, basePath, options.memo) })),
  ];
  return { ok: true, site, files: [...files, ...dataFiles], issues: archive.issues, translations: archive.translations, basePath, diagnostics: archive.diagnostics, parseMs };
}

function issueJson(issue: Issue, basePath: string, memo: PrepareMemo | undefined): string {
  const kept = memo?.issueJson.get(issue);
  if (kept?.basePath === basePath) return kept.json;
  const made = json(issueExport(issue, basePath));
  memo?.issueJson.set(issue, { basePath, json: made });
  return made;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
