import { relative } from 'node:path';
import type { Diagnostic, Issue, Translation } from '../model/records.ts';
import { recordOf } from '../model/own-entry.ts';
import { START, type Place } from '../parse/diagnostics.ts';
import type { TranslationKeyPlaces } from '../parse/parse-issue.ts';
import { foldTitle } from '../text/fold.ts';
import type { SeedCache } from '../pipeline/seed-cache.ts';
import { parseFiles } from './parse-files.ts';
import { seedFiles } from './seed-files.ts';

export { seedFiles } from './seed-files.ts';

export interface LoadedArchive {
  /** Newest first. */
  issues: Issue[];
  translations: Map<number, Translation>;
  diagnostics: Diagnostic[];
  files: string[];
}

export interface LoadOptions {
  /** Parse results kept by the seeds' content, between loads and between runs. */
  cache?: SeedCache;
  /**
   * Called with each issue as soon as it is parsed and accepted (not a
   * second file of the same issue), with its translation keyed by the
   * issue's titles. Translations are parsed first, so it is the final one.
   */
  onIssue?: (issue: Issue, translation: Translation | undefined) => void;
}

/**
 * Parses every seed and checks the archive as a whole: one issue per
 * cumulative number, one translation per issue that exists.
 */
export async function loadArchive(paths: readonly string[], cwd = process.cwd(), options: LoadOptions = {}): Promise<LoadedArchive> {
  const { files, diagnostics: listing } = await seedFiles(paths, cwd);
  const jobs = files.map((path) => ({ path, name: relative(cwd, path) || path }));
  // Each file's diagnostics stay with the file, so that they are reported in the files' order.
  const fileDiagnostics: Diagnostic[][] = jobs.map(() => []);
  const issues: Issue[] = [];
  const issueFiles = new Map<number, string>();
  const translations = new Map<number, Translation>();
  const translationFiles = new Map<number, string>();
  const keyPlaces = new Map<number, TranslationKeyPlaces>();
  /** Issues whose file exists but has errors, by number: the first error, which their translation follows from. */
  const failedIssues = new Map<number, Diagnostic>();
  /** Seeds with errors before their number could be read: any of them may be the issue a translation is for. */
  const unnumbered: string[] = [];
  const unmatchedKeys = new Map<number, UnmatchedKey[]>();

  await parseFiles(jobs, options.cache, (index, result) => {
    const name = jobs[index]?.name ?? '';
    const diagnostics = fileDiagnostics[index] ?? [];
    diagnostics.push(...result.diagnostics);
    const firstError = result.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    if (result.kind === 'invalid' && result.cumulative !== undefined && firstError && !failedIssues.has(result.cumulative)) failedIssues.set(result.cumulative, firstError);
    if (result.kind === 'invalid' && result.cumulative === undefined && firstError?.ruleId !== 'translation-invalid') unnumbered.push(name);
    if (result.kind === 'issue') {
      const { issue } = result;
      const twin = issueFiles.get(issue.cumulative);
      if (twin !== undefined) {
        diagnostics.push({ file: name, line: 1, column: 1, severity: 'error', message: `Unexpected second issue 总第${issue.cumulative}期, expected one file per issue (the other is ${twin})`, ruleId: 'issue-duplicate' });
        return;
      }
      issues.push(issue);
      issueFiles.set(issue.cumulative, issue.sourceFile);
      const translation = translations.get(issue.cumulative);
      if (!translation) return options.onIssue?.(issue, undefined);
      const { translation: keyed, unmatched } = keyByCanonicalTitles(translation, issue, keyPlaces.get(issue.cumulative));
      translations.set(issue.cumulative, keyed);
      unmatchedKeys.set(issue.cumulative, unmatched);
      options.onIssue?.(issue, keyed);
    } else if (result.kind === 'translation') {
      const { cumulative } = result.translation;
      const twin = translationFiles.get(cumulative);
      if (twin) {
        diagnostics.push({ file: name, line: 1, column: 1, severity: 'error', message: `Unexpected second English translation of 总第${cumulative}期, expected one (the other is ${twin})`, ruleId: 'translation-duplicate' });
      }
      translations.set(cumulative, result.translation);
      translationFiles.set(cumulative, name);
      keyPlaces.set(cumulative, result.keyPlaces);
    }
  });

  const diagnostics = [...listing, ...fileDiagnostics.flat()];
  for (const [cumulative, file] of translationFiles) {
    const unmatched = unmatchedKeys.get(cumulative);
    if (!unmatched) {
      diagnostics.push(orphanTranslation(file, cumulative, failedIssues.get(cumulative), unnumbered));
      continue;
    }
    for (const { key, place } of unmatched) {
      diagnostics.push({ file, ...place, severity: 'warning', message: `Unexpected translation key \`${key}\`, expected a column or article title of 总第${cumulative}期`, ruleId: 'translation-unmatched' });
    }
  }
  issues.sort((a, b) => b.cumulative - a.cumulative);
  return { issues, translations, diagnostics, files };
}

/**
 * A translation with no issue to go with. When the issue's file has errors,
 * those are the cause, and said so; when some seeds had errors before their
 * number was read, they are named, since one of them may be the issue.
 */
function orphanTranslation(file: string, cumulative: number, issueError: Diagnostic | undefined, unnumbered: readonly string[]): Diagnostic {
  const at = { file, line: 1, column: 1, severity: 'warning', ruleId: 'translation-orphan' } as const;
  if (!issueError) {
    const named = unnumbered.length === 0 ? '' : `; ${unnumbered.slice(0, 3).join(', ')}${unnumbered.length > 3 ? ` and ${unnumbered.length - 3} more` : ''} could not be read for their numbers (errors above)`;
    return { ...at, message: `Unexpected translation of 总第${cumulative}期, expected an issue file with that number${named}` };
  }
  const { file: issueFile, line, column, ruleId } = issueError;
  return { ...at, message: `Unused translation of 总第${cumulative}期: its issue file ${issueFile} has errors; it is used once they are fixed`, cause: { file: issueFile, line, column, ruleId } };
}

interface UnmatchedKey {
  key: string;
  place: Place;
}

/** Translation keys matched to the issue's canonical titles by folding (spaces, punctuation width); keys that match nothing are returned. */
function keyByCanonicalTitles(translation: Translation, issue: Issue, places: TranslationKeyPlaces | undefined): { translation: Translation; unmatched: UnmatchedKey[] } {
  const unmatched: UnmatchedKey[] = [];
  const rekey = <T>(group: 'sections' | 'articles', entries: Record<string, T>, titles: string[]): Record<string, T> => {
    const canonical = new Map(titles.map((title) => [foldTitle(title), title]));
    const keyed: [string, T][] = [];
    for (const [key, value] of Object.entries(entries)) {
      const title = canonical.get(foldTitle(key));
      if (title === undefined) unmatched.push({ key, place: places?.[group].get(key) ?? START });
      else keyed.push([title, value]);
    }
    return recordOf(keyed);
  };
  return {
    translation: {
      ...translation,
      sections: rekey('sections', translation.sections, issue.sections.map((section) => section.title)),
      articles: rekey('articles', translation.articles, issue.sections.flatMap((section) => section.articles.map((article) => article.title))),
    },
    unmatched,
  };
}
