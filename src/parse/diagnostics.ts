import type { VFile } from 'vfile';
import type { Diagnostic, DiagnosticRef, Severity } from '../model/records.ts';

/** A place in a seed, 1-based like an editor shows it. */
export interface Place {
  line: number;
  column: number;
}

export const START: Place = { line: 1, column: 1 };

/** Places of character offsets (ascending) in a text that begins at `start`, found in one pass over the text. */
export function placesOfOffsets(text: string, offsets: readonly number[], start: Place = START): Place[] {
  let line = start.line;
  let lineStart = -start.column + 1;
  let cursor = 0;
  return offsets.map((offset) => {
    for (; cursor < offset && cursor < text.length; cursor++) {
      if (text.charCodeAt(cursor) === 10) {
        line++;
        lineStart = cursor + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  });
}

/**
 * Records a problem on the file; `error` makes the issue unusable, `info`
 * reports a repair. Kept as plain records in `file.data` rather than vfile
 * messages: a damaged file can carry a hundred thousand repairs, and a
 * message captures a stack trace each.
 */
export function report(file: VFile, severity: Severity, ruleId: string, message: string, place: Place | undefined, cause?: DiagnosticRef): Diagnostic {
  const { line, column } = place ?? START;
  const diagnostic: Diagnostic = { file: file.path, line, column, severity, message, ruleId, ...(cause ? { cause } : {}) };
  (file.data.diagnostics ??= []).push(diagnostic);
  return diagnostic;
}

/** A reference to `diagnostic`, for the ones that follow from it. */
export function refTo({ file, line, column, ruleId }: Diagnostic): DiagnosticRef {
  return { file, line, column, ruleId };
}

export function diagnosticsOf(file: VFile): Diagnostic[] {
  return file.data.diagnostics ?? [];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

declare module 'vfile' {
  interface DataMap {
    diagnostics: Diagnostic[];
  }
}

/** `file:line:column  severity  message  rule-id`, the format of `bulletin check`. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { file, line, column, severity, message, ruleId } = diagnostic;
  return `${file}:${line}:${column}  ${severity}  ${message}  ${ruleId}`;
}
