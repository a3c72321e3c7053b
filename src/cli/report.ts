import type { Diagnostic, DiagnosticRef } from '../model/records.ts';
import { formatDiagnostic } from '../parse/diagnostics.ts';

export interface Tally {
  errors: number;
  warnings: number;
  infos: number;
}

export function tally(diagnostics: readonly Diagnostic[]): Tally {
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    infos: diagnostics.filter((d) => d.severity === 'info').length,
  };
}

/** `3 errors, 1 warning, 113 infos in 2 files` */
export function summaryLine(diagnostics: readonly Diagnostic[], files: number): string {
  const { errors, warnings, infos } = tally(diagnostics);
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')} in ${plural(files, 'file')}`;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Consequences of one rule shown in full under their cause; the rest are counted, with their places. */
const SHOWN_PER_RULE = 3;
const INDENT = '    ';

const keyOf = ({ file, line, column, ruleId }: DiagnosticRef) => `${file}:${line}:${column}:${ruleId}`;

/**
 * Prints diagnostics in their order, except that one that follows from
 * another (content left out because a heading was renamed) is printed under
 * its cause, indented; past a few of one kind they are counted, with their
 * places (`bulletin check --json` lists each, with its `cause`).
 */
export function printDiagnostics(diagnostics: readonly Diagnostic[], write: (line: string) => void, { infos = true } = {}): void {
  const shown = diagnostics.filter((diagnostic) => infos || diagnostic.severity !== 'info');
  const present = new Set(shown.map(keyOf));
  const following = new Map<string, Diagnostic[]>();
  for (const diagnostic of shown) {
    if (!diagnostic.cause || !present.has(keyOf(diagnostic.cause))) continue;
    const key = keyOf(diagnostic.cause);
    following.set(key, [...(following.get(key) ?? []), diagnostic]);
  }
  const printed = new Set<Diagnostic>();
  const print = (diagnostic: Diagnostic, indent: string) => {
    if (printed.has(diagnostic)) return;
    printed.add(diagnostic);
    write(indent + formatDiagnostic(diagnostic));
    const consequences = following.get(keyOf(diagnostic)) ?? [];
    if (consequences.length === 0) return;
    write(`${indent}${INDENT}${consequences.length === 1 ? 'Following from it:' : `${plural(consequences.length, 'problem')} follow from it; fix it first:`}`);
    const byRule = new Map<string, Diagnostic[]>();
    for (const consequence of consequences) byRule.set(consequence.ruleId, [...(byRule.get(consequence.ruleId) ?? []), consequence]);
    for (const group of byRule.values()) {
      group.slice(0, SHOWN_PER_RULE).forEach((consequence) => print(consequence, indent + INDENT));
      const rest = group.slice(SHOWN_PER_RULE);
      rest.forEach((consequence) => printed.add(consequence));
      if (rest.length > 0) write(`${indent}${INDENT}… and ${rest.length} more ${rest[0]?.ruleId} (${rest[0]?.severity}) at ${places(rest, diagnostic.file)}`);
    }
  };
  for (const diagnostic of shown) if (!diagnostic.cause || !present.has(keyOf(diagnostic.cause))) print(diagnostic, '');
}

/** `lines 91, 93, 99` in the cause's file; `other.md:3` elsewhere. */
function places(diagnostics: readonly Diagnostic[], causeFile: string): string {
  const listed = diagnostics.map(({ file, line, column }) => (file === causeFile ? `${line}:${column}` : `${file}:${line}:${column}`));
  return `${diagnostics.every(({ file }) => file === causeFile) ? 'line:column ' : ''}${listed.join(', ')}`;
}
