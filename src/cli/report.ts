import type { Diagnostic } from '../model/records.ts';
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
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')} in ${plural(files, 'file')}`;
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], write: (line: string) => void, { infos = true } = {}): void {
  for (const diagnostic of diagnostics) {
    if (infos || diagnostic.severity !== 'info') write(formatDiagnostic(diagnostic));
  }
}
