import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSync, transformSync } from 'esbuild';
import type { SiteFile } from '../output/write-files.ts';
import { PROJECT_ROOT } from '../project-root.ts';

const PUBLIC = join(PROJECT_ROOT, 'public');
/** Browser scripts, each bundled with what it imports (the search page shares the index's tokenizer). */
const SCRIPTS = { search: join(PROJECT_ROOT, 'src/browser/search.ts'), page: join(PROJECT_ROOT, 'src/browser/page.ts') };

/**
 * What the site serves under `/assets/`: the browser scripts, bundled and
 * minified by esbuild (readers download every byte), the stylesheets of
 * `public/` minified, and the other files of `public/` as they are.
 */
export function siteAssets(): SiteFile[] {
  return [...browserScripts(), ...publicFiles()];
}

/** `/assets/js/<name>.js` for each browser script. */
export function browserScripts(): SiteFile[] {
  const { outputFiles } = buildSync({ entryPoints: SCRIPTS, bundle: true, format: 'esm', target: 'es2022', minify: true, legalComments: 'none', write: false, outdir: '/assets/js' });
  return outputFiles.map((file) => ({ path: file.path, content: file.text }));
}

function publicFiles(): SiteFile[] {
  return filesUnder(PUBLIC).map((path) => {
    const target = `/assets/${relative(PUBLIC, path).split('\\').join('/')}`;
    if (!path.endsWith('.css')) return { path: target, content: readFileSync(path) };
    const { code } = transformSync(readFileSync(path, 'utf8'), { loader: 'css', minify: true, legalComments: 'none', sourcefile: relative(PUBLIC, path) });
    return { path: target, content: code };
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}
