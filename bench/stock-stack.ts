/**
 * The stack a maintainer would otherwise assemble, for `npm run bench:peer`:
 * stock Eleventy rendering one Markdown page per article, in Chinese at the
 * root and in English under /en/ (the English title where there is one, the
 * Chinese body), with one Nunjucks layout; then the stock Pagefind CLI over
 * the output; a search page with Pagefind's own UI.
 *
 * `writeStockInput` turns an archive's seeds into that Eleventy input (the
 * same articles the project builds; not timed). `stockCommands` are the two
 * commands the stack runs, with their defaults.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchive } from '../src/archive/load-archive.ts';
import { ownEntry } from '../src/model/own-entry.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

const LAYOUT = `<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} · 火炬动态</title>
</head>
<body>
<main data-pagefind-body>
<h1>{{ title }}</h1>
<p>{{ issue }}{% if source %} · {{ source }}{% endif %}</p>
{{ content | safe }}
</main>
</body>
</html>
`;

const SEARCH_PAGE = `---
permalink: /search/
---
<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>检索 · 火炬动态</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet">
<script src="/pagefind/pagefind-ui.js"></script>
</head>
<body>
<div id="search"></div>
<script>window.addEventListener('DOMContentLoaded', () => new PagefindUI({ element: '#search', showSubResults: true }));</script>
</body>
</html>
`;

/** YAML double-quoted scalar. */
const quoted = (value: string): string => JSON.stringify(value);

/** Writes the Eleventy input for the archive in `seeds` into `input`; returns the number of article pages. */
export async function writeStockInput(seeds: string, input: string): Promise<number> {
  rmSync(input, { recursive: true, force: true });
  mkdirSync(join(input, '_includes'), { recursive: true });
  writeFileSync(join(input, '_includes', 'article.njk'), LAYOUT);
  writeFileSync(join(input, 'search.njk'), SEARCH_PAGE);
  // Stock Eleventy with its defaults: an empty config of its own, not this project's eleventy.config.js (which stops Eleventy's CLI).
  writeFileSync(stockConfig(input), 'export default {};\n');
  const { issues, translations } = await loadArchive([seeds], ROOT);
  let pages = 0;
  for (const issue of issues) {
    const english = translations.get(issue.cumulative);
    for (const article of issue.sections.flatMap((section) => section.articles)) {
      const body = article.blocks.map((block) => (block.kind === 'heading' ? `## ${block.text}` : block.text)).join('\n\n');
      // Stock Eleventy runs Markdown through Liquid first and lets HTML through: such text would build another page than the project's.
      if (/\{\{|\{%|</u.test(body)) throw new Error(`${article.id}: text the stock stack would read as Liquid or HTML; the comparison needs plain text`);
      for (const [lang, prefix, title] of [
        ['zh-CN', '', article.title],
        ['en', 'en/', ownEntry(english?.articles, article.title)?.title ?? article.title],
      ] as const) {
        const file = join(input, prefix, 'issues', String(issue.cumulative), `${article.slug}.md`);
        mkdirSync(dirname(file), { recursive: true });
        const front = [
          '---',
          'layout: article.njk',
          `lang: ${lang}`,
          `title: ${quoted(title)}`,
          `issue: ${quoted(issue.title)}`,
          `source: ${quoted(article.source ?? '')}`,
          `permalink: /${prefix}issues/${issue.cumulative}/${article.slug}/`,
          '---',
        ].join('\n');
        writeFileSync(file, `${front}\n\n${body}\n`);
        pages++;
      }
    }
  }
  return pages;
}

/** An empty Eleventy config beside the input (inside it, Eleventy would render it as a page). */
const stockConfig = (input: string): string => `${input.replace(/\/+$/u, '')}.eleventy.config.mjs`;

/** The stock stack's two commands, each its CLI with its defaults. */
export function stockCommands(input: string, output: string): string[][] {
  return [
    [process.execPath, join(ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs'), `--config=${stockConfig(input)}`, `--input=${input}`, `--output=${output}`, '--quiet'],
    [join(ROOT, 'node_modules', '.bin', 'pagefind'), '--site', output],
  ];
}
