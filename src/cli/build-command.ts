import { absolute, basePathOf } from '../archive/urls.ts';
import { buildDate } from '../pipeline/build-date.ts';
import { runPipeline } from '../pipeline/run-pipeline.ts';
import { onInterrupt } from './interrupt.ts';
import { printDiagnostics, summaryLine, tally } from './report.ts';

export interface BuildCommandOptions {
  seeds: string;
  out: string;
  baseUrl: string;
  verbose: boolean;
}

/** `bulletin build`: the same diagnostics as `check` (repairs summed up unless --verbose), then the site. */
export async function runBuild(options: BuildCommandOptions): Promise<number> {
  const date = buildDate();
  const interrupted = new AbortController();
  // The unfinished build is removed synchronously, by the abort, before anything else runs.
  const stopListening = onInterrupt((signal) => interrupted.abort(new Error(`Stopped by ${signal}`)));
  const result = await runPipeline({ seeds: [options.seeds], out: options.out, baseUrl: options.baseUrl, buildDate: date, signal: interrupted.signal }).finally(stopListening);
  printDiagnostics(result.diagnostics, (line) => console.error(line), { infos: options.verbose });
  const { infos } = tally(result.diagnostics);
  if (!options.verbose && infos > 0) console.error(`(${infos} repairs reported as info: see \`npx bulletin check\`)`);
  if (!result.ok) {
    console.error(`${summaryLine(result.diagnostics, new Set(result.diagnostics.map((d) => d.file)).size)}\nbulletin build: nothing written; fix the errors above`);
    return 1;
  }
  const { timings: t } = result;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `Built ${t.pages} pages (${t.issues} issues, ${t.articles} articles) into ${options.out} in ${seconds(t.totalMs)}: ` +
      `parse ${seconds(t.parseMs)}, pages ${seconds(t.prepareMs)}, render ${seconds(t.renderMs)} (${t.rendered} files rendered, ${t.reused} unchanged), ` +
      `search ${seconds(t.searchMs)} (${t.partsWritten} of ${t.parts} index parts written)`,
  );
  const robots = subPathRobotsNote(options.baseUrl);
  if (robots) console.log(robots);
  return 0;
}

/**
 * Crawlers read robots.txt only at a host's root, so a site built for a
 * sub-path has its robots.txt where none looks: say what to add at the root.
 */
export function subPathRobotsNote(baseUrl: string): string | null {
  if (basePathOf(baseUrl) === '/') return null;
  const root = new URL('/robots.txt', baseUrl).href;
  return (
    `Note: the site is built for ${baseUrl}, so its robots.txt is served as ${absolute(baseUrl, '/robots.txt')}, where crawlers do not look.\n` +
    `Add this line to ${root} on that host:\n  Sitemap: ${absolute(baseUrl, '/sitemap.xml')}`
  );
}
