import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, Issue } from '../../src/model/records.ts';
import { parseSeed } from '../../src/parse/parse-issue.ts';

export const SEED_549 = fileURLToPath(new URL('../../seeds/huoju-dongtai-549.md', import.meta.url));
export const seed549 = readFileSync(SEED_549, 'utf8');

export function parseText(text: string, name = 'test.md') {
  return parseSeed(Buffer.from(text, 'utf8'), name);
}

export function parseIssueOrThrow(text: string, name = 'test.md'): { issue: Issue; diagnostics: Diagnostic[] } {
  const result = parseText(text, name);
  if (result.kind !== 'issue') throw new Error(`expected an issue, got ${result.kind}: ${JSON.stringify(result.diagnostics.filter((d) => d.severity === 'error'))}`);
  return result;
}

export const rules = (diagnostics: readonly Diagnostic[], severity?: Diagnostic['severity']) =>
  diagnostics.filter((d) => !severity || d.severity === severity).map((d) => d.ruleId);

/** The records without what legitimately differs between copies of one seed (file name, line numbers). */
export function comparable(issue: Issue) {
  return { ...issue, sourceFile: '', sections: issue.sections.map((section) => ({ ...section, articles: section.articles.map(({ line: _line, ...article }) => article) })) };
}
