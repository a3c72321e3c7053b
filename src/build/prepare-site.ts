import { archiveExport, issueExport } from '../archive/export-data.ts';
import { loadArchive, type LoadOptions } from '../archive/load-archive.ts';
import type { ParseCache } from '../archive/parse-files.ts';
import { buildSiteData, type SiteFile } from '../archive/site-data.ts';
import type { SiteData } from '../archive/site-model.ts';
import { basePathOf, normalizeBaseUrl, paths } from '../archive/urls.ts';
import type { Diagnostic, Issue, Translation } from '../model/records.ts';
import { hasErrors } from '../parse/diagnostics.ts';
import { loadGazetteer } from '../parks/gazetteer.ts';

export interface PrepareOptions {
  seeds: readonly string[];
  baseUrl: string;
  buildDate?: string;
  /** Keeps parse results between builds (`bulletin serve`). */
  parseCache?: ParseCache;
  /** Called with each issue as soon as it is parsed (see `loadArchive`). */
  onIssue?: LoadOptions['onIssue'];
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
  const buildDate = options.buildDate ?? new Date().toISOString().slice(0, 10);
  const { site, files } = buildSiteData(archive.issues, archive.translations, { baseUrl, buildDate, parks: loadGazetteer() });
  const dataFiles: SiteFile[] = [
    { path: paths.archiveJson(), content: json(archiveExport(archive.issues, basePath)) },
    ...archive.issues.map((issue) => ({ path: paths.issueJson(issue.cumulative), content: json(issueExport(issue, basePath)) })),
  ];
  return { ok: true, site, files: [...files, ...dataFiles], issues: archive.issues, translations: archive.translations, basePath, diagnostics: archive.diagnostics, parseMs };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
