/**
 * Helpers for site tests over a built `_site` directory: list and read HTML
 * files, extract links, validate markup with html-validate, and get the
 * directories built by the global setup.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, formatterFactory, type ConfigData, type Report } from 'html-validate';
import { inject } from 'vitest';
import type { BuiltSiteKey } from './global-setup.ts';

export type { Report } from 'html-validate';

/**
 * Output directory of a site built once by `test/support/global-setup.ts`.
 * Throws a clear error when the build was skipped or is not available.
 */
export function builtSite(key: BuiltSiteKey): string {
  const dirs = inject('siteDirs');
  const dir = dirs?.[key];
  if (!dir) {
    const why = inject('siteBuildSkipped') ?? 'the global setup did not build it';
    throw new Error(`No built site for "${key}": ${why}`);
  }
  return dir;
}

/** All `.html` files under `dir` (recursively), as absolute paths, sorted. */
export async function listHtmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && entry.name.endsWith('.html')) out.push(full);
    }
  };
  await walk(path.resolve(dir));
  return out.sort();
}

export function readHtml(file: string): Promise<string> {
  return readFile(file, 'utf8');
}

export interface ExtractedLink {
  /** Tag the URL came from: `a`, `link`, `script` or `img`. */
  tag: 'a' | 'link' | 'script' | 'img';
  /** Raw attribute value (`href` or `src`), entities decoded. */
  href: string;
  /** `rel` attribute for `a`/`link`, if present. */
  rel?: string;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decode the character references that can occur in our attribute values. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

// One attribute: name, optionally `= value` with double, single or no quotes.
const ATTR_RE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
// A start tag of interest, with quoted values allowed to contain `>`.
const TAG_RE = /<(a|link|script|img)(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;

/** Parse the attribute part of a start tag into a lowercase-keyed map. */
export function parseAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of source.matchAll(ATTR_RE)) {
    const name = m[1]!.toLowerCase();
    if (attrs.has(name)) continue; // first occurrence wins, as in browsers
    attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

/**
 * Extract URLs from `a[href]`, `link[href]`, `script[src]` and `img[src]`.
 * Comments and the bodies of `script`/`style`/`textarea` elements are ignored,
 * so markup inside inline JavaScript strings is not mistaken for links.
 */
export function extractLinks(html: string): ExtractedLink[] {
  const cleaned = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<(script|style|textarea)\b(?:[^>"']|"[^"]*"|'[^']*')*>)[\s\S]*?(<\/\2\s*>)/gi, '$1$3');
  const links: ExtractedLink[] = [];
  for (const m of cleaned.matchAll(TAG_RE)) {
    const tag = m[1]!.toLowerCase() as ExtractedLink['tag'];
    const attrs = parseAttributes(m[2] ?? '');
    const url = tag === 'a' || tag === 'link' ? attrs.get('href') : attrs.get('src');
    if (url === undefined) continue;
    const link: ExtractedLink = { tag, href: url };
    const rel = attrs.get('rel');
    if (rel !== undefined && (tag === 'a' || tag === 'link')) link.rel = rel;
    links.push(link);
  }
  return links;
}

export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: { 'no-trailing-whitespace': 'off' },
};

/**
 * Validate HTML files with html-validate (recommended preset). The config is
 * static: no `.htmlvalidate.json` files are picked up from the filesystem.
 */
export async function validateHtml(files: readonly string[], config: ConfigData = HTML_VALIDATE_CONFIG): Promise<Report> {
  const validator = new HtmlValidate(new StaticConfigLoader(config));
  return validator.validateMultipleFiles([...files]);
}

/** Readable summary of an html-validate report, for assertion messages. */
export function formatReport(report: Report): string {
  if (report.valid) return 'HTML is valid';
  return formatterFactory('text')(report.results);
}
