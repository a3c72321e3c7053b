/**
 * Reading a built site the way a crawler does: pages by URL path, their
 * links, ids, `<link>`/`<meta>` tags and JSON-LD. Shared by the site and
 * browser tests; facts about the archive come from the open data export.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { extractLinks, listHtmlFiles, parseAttributes, readHtml } from '../support/html.ts';

export interface BuiltPage {
  /** URL path under the site root, e.g. `/issues/549/` or `/404.html`. */
  path: string;
  file: string;
  html: string;
}

export interface OpenDataArticle {
  id: string;
  url: string;
  title: string;
  source: string | null;
  /** The source's English name (src/sources/), or null. */
  sourceEn: string | null;
  headings: string[];
  parks: string[];
}

export interface OpenDataIssue {
  year: number;
  number: number;
  cumulative: number;
  date: string;
  url: string;
  sections: { title: string; subtitle: string | null; articles: OpenDataArticle[] }[];
}

/** `/issues/549/index.html` → `/issues/549/`; other files keep their name. */
export function urlPathOf(root: string, file: string): string {
  const rel = path.relative(root, file).split(path.sep).join('/');
  return `/${rel.replace(/(^|\/)index\.html$/u, '$1')}`;
}

/** The file a URL path is served from (directory → index.html), or null. */
export function fileForPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const target = path.join(root, decoded);
  if (!target.startsWith(path.resolve(root))) return null;
  const candidate = decoded.endsWith('/') ? path.join(target, 'index.html') : target;
  if (!existsSync(candidate)) return null;
  if (statSync(candidate).isDirectory()) {
    const index = path.join(candidate, 'index.html');
    return existsSync(index) ? index : null;
  }
  return candidate;
}

export async function loadPages(root: string): Promise<BuiltPage[]> {
  const files = await listHtmlFiles(root);
  return Promise.all(files.map(async (file) => ({ path: urlPathOf(root, file), file, html: await readHtml(file) })));
}

/** Attributes of every start tag `<name …>` outside comments, scripts and styles. */
export function tags(html: string, name: string): Map<string, string>[] {
  const cleaned = html.replace(/<!--[\s\S]*?-->/gu, '').replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2\s*>)/giu, '$1$3');
  const re = new RegExp(`<${name}(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'giu');
  return [...cleaned.matchAll(re)].map((m) => parseAttributes(m[1] ?? ''));
}

/** Every `id` (and `<a name>`) on the page: the targets of `#fragment` links. */
export function anchorsOf(html: string): Set<string> {
  const cleaned = html.replace(/<!--[\s\S]*?-->/gu, '').replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2\s*>)/giu, '$1$3');
  const ids = new Set<string>();
  for (const m of cleaned.matchAll(/<[a-z][a-z0-9-]*((?:[^>"']|"[^"]*"|'[^']*')*)>/giu)) {
    const attrs = parseAttributes(m[1] ?? '');
    const id = attrs.get('id');
    if (id) ids.add(id);
    const name = attrs.get('name');
    if (name && /^<a\s/iu.test(m[0])) ids.add(name);
  }
  return ids;
}

/** Every URL a page points at: a/link/script/img plus form actions. */
export function urlsOf(html: string): { tag: string; href: string; rel?: string }[] {
  const forms = tags(html, 'form').flatMap((attrs) => (attrs.has('action') ? [{ tag: 'form', href: attrs.get('action')! }] : []));
  return [...extractLinks(html), ...forms];
}

export function htmlLang(html: string): string | undefined {
  return tags(html, 'html')[0]?.get('lang');
}

export function canonicalOf(html: string): string[] {
  return tags(html, 'link').filter((a) => a.get('rel') === 'canonical').map((a) => a.get('href') ?? '');
}

/** `hreflang` → href of the `<link rel="alternate" hreflang>` tags. */
export function alternatesOf(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const attrs of tags(html, 'link')) {
    if (attrs.get('rel') === 'alternate' && attrs.has('hreflang')) out.set(attrs.get('hreflang')!, attrs.get('href') ?? '');
  }
  return out;
}

export function metaProperty(html: string, property: string): string | undefined {
  return tags(html, 'meta').find((a) => a.get('property') === property || a.get('name') === property)?.get('content');
}

export function jsonLdOf(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/gu)].map((m) => JSON.parse(m[1]!) as unknown);
}

/** Headings in document order, as `[level, text]`, tags stripped. */
export function headingsOf(html: string): [number, string][] {
  return [...html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/giu)].map((m) => [Number(m[1]), m[2]!.replace(/<[^>]+>/gu, '').trim()]);
}

export function readIssues(root: string): OpenDataIssue[] {
  const dir = path.join(root, 'data', 'issues');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as OpenDataIssue);
}

export function articlesOf(issues: readonly OpenDataIssue[]): OpenDataArticle[] {
  return issues.flatMap((issue) => issue.sections.flatMap((section) => section.articles));
}

/** One page of every kind, as URL paths without the language prefix. */
export function pageKinds(root: string): Record<string, string> {
  const [issue] = readIssues(root).sort((a, b) => b.cumulative - a.cumulative);
  if (!issue) throw new Error(`No issue in ${root}/data/issues/`);
  const article = issue.sections[0]?.articles[0];
  if (!article) throw new Error(`Issue ${issue.cumulative} has no article`);
  const firstDir = (dir: string) => {
    const name = readdirSync(path.join(root, dir), { withFileTypes: true }).find((entry) => entry.isDirectory())?.name;
    if (!name) throw new Error(`No page under /${dir}/`);
    return `/${dir}/${name}/`;
  };
  return {
    home: '/',
    issues: '/issues/',
    issue: issue.url,
    article: article.url,
    print: `${issue.url}print/`,
    columns: '/columns/',
    column: firstDir('columns'),
    parks: '/parks/',
    park: firstDir('parks'),
    search: '/search/',
    about: '/about/',
    'not-found': '/404.html',
  };
}

/** `/issues/549/` → `/en/issues/549/`. */
export function english(urlPath: string): string {
  return `/en${urlPath}`;
}
