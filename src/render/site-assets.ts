import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import type { SiteFile } from '../output/write-files.ts';
import { PROJECT_ROOT } from '../project-root.ts';

const PUBLIC = join(PROJECT_ROOT, 'public');
/** Browser scripts, each bundled with what it imports (the search page shares the index's tokenizer). */
const SCRIPTS = {
  search: join(PROJECT_ROOT, 'src/browser/search.ts'),
  page: join(PROJECT_ROOT, 'src/browser/page.ts'),
  // Paged.js, on the whole-issue print view only.
  'print-issue': join(PROJECT_ROOT, 'src/browser/print-issue.ts'),
};

/**
 * What the site serves under `/assets/`: the browser scripts and the two
 * stylesheets (`public/site.css`, `public/print.css`, each importing its
 * parts from a folder), bundled and minified by esbuild (readers download
 * every byte), and the other files of `public/` as they are.
 */
export async function siteAssets(): Promise<SiteFile[]> {
  const [scripts, styles] = await Promise.all([browserScripts(), stylesheets()]);
  return [...scripts, ...styles, ...otherFiles()];
}

/**
 * `/assets/js/<name>.js` for each browser script. The search page's is split:
 * what it imports only when a query needs it (the converter from traditional
 * characters, the near misses of a query that finds nothing) is a chunk of
 * its own beside it.
 */
export async function browserScripts(): Promise<SiteFile[]> {
  const { search, ...others } = SCRIPTS;
  const [searchPage, rest] = await Promise.all([bundle({ search }, '/assets/js', { format: 'esm', target: 'es2022', splitting: true }), bundle(others, '/assets/js', { format: 'esm', target: 'es2022' })]);
  return [...searchPage, ...rest];
}

function stylesheets(): Promise<SiteFile[]> {
  const entries = Object.fromEntries(topLevelStylesheets().map((file) => [file.replace(/\.css$/u, ''), join(PUBLIC, file)]));
  return bundle(entries, '/assets', {});
}

async function bundle(entryPoints: Record<string, string>, outdir: string, options: { format?: 'esm'; target?: string; splitting?: boolean }): Promise<SiteFile[]> {
  const { outputFiles } = await build({ entryPoints, outdir, bundle: true, minify: true, legalComments: 'none', write: false, logLevel: 'silent', ...options });
  return outputFiles.map((file) => ({ path: file.path, content: file.text }));
}

function topLevelStylesheets(): string[] {
  return readdirSync(PUBLIC).filter((name) => name.endsWith('.css'));
}

/** Everything else: a stylesheet in a folder is a part of a top-level one, bundled with it. */
function otherFiles(): SiteFile[] {
  return filesUnder(PUBLIC)
    .filter((path) => !path.endsWith('.css'))
    .map((path) => ({ path: `/assets/${relative(PUBLIC, path).split('\\').join('/')}`, content: readFileSync(path) }));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}
