import { loadArchive } from '../archive/load-archive.ts';
import { printDiagnostics, summaryLine, tally } from './report.ts';

export interface CheckOptions {
  paths: string[];
  strict: boolean;
  json: boolean;
}

/** `bulletin check`: parse only, print every diagnostic, exit 1 on errors (on warnings too with --strict). */
export async function runCheck(options: CheckOptions): Promise<number> {
  const archive = await loadArchive(options.paths);
  const { errors, warnings } = tally(archive.diagnostics);
  if (options.json) {
    console.log(JSON.stringify({ files: archive.files.length, ...tally(archive.diagnostics), diagnostics: archive.diagnostics }, null, 2));
  } else {
    printDiagnostics(archive.diagnostics, (line) => console.log(line));
    console.log(summaryLine(archive.diagnostics, archive.files.length));
  }
  return errors > 0 || (options.strict && warnings > 0) ? 1 : 0;
}
