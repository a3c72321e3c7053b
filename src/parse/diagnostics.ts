import type { VFile } from 'vfile';
import type { Diagnostic, Severity } from '../model/records.ts';

/** A place in a seed, 1-based like an editor shows it. */
export interface Place {
  line: number;
  column: number;
}

export const START: Place = { line: 1, column: 1 };

/** Records a problem on the file; `error` makes the issue unusable, `info` reports a repair. */
export function report(file: VFile, severity: Severity, ruleId: string, reason: string, place: Place | undefined): void {
  const message = file.message(reason, { place: place ?? START, ruleId, source: 'bulletin' });
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
}

export function diagnosticsOf(file: VFile, name: string): Diagnostic[] {
  return file.messages.map((message) => ({
    file: name,
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
    message: message.reason,
    ruleId: message.ruleId ?? 'unknown',
  }));
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/** `file:line:column  severity  message  rule-id`, the format of `bulletin check`. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { file, line, column, severity, message, ruleId } = diagnostic;
  return `${file}:${line}:${column}  ${severity}  ${message}  ${ruleId}`;
}
