import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { hasErrors } from '../../src/parse/diagnostics.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/bad-input/', import.meta.url));
const UPDATE = process.env.UPDATE_FIXTURES === '1';

interface Expected {
  /** What `bulletin check` exits with: 1 on any error. */
  exit: 0 | 1;
  /** Errors and warnings as `line:column rule-id` (repairs, reported as info, are left out). */
  diagnostics: string[];
  /** Snippets the article HTML must (`+`) or must not (`-`) contain. */
  html?: string[];
}

describe('bad and hostile input', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(name, async () => {
      const folder = join(FIXTURES, name);
      const input = existsSync(join(folder, 'input.md')) ? join(folder, 'input.md') : join(folder, 'input');
      const archive = await loadArchive([input], folder);
      const actual: Expected = {
        exit: hasErrors(archive.diagnostics) ? 1 : 0,
        diagnostics: archive.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId}`),
      };
      const expectedFile = join(folder, 'expected.json');
      // A new case needs its expectations written on purpose (UPDATE_FIXTURES=1) and read over, never by a plain run.
      if (!UPDATE && !existsSync(expectedFile)) throw new Error(`Missing ${expectedFile}: run with UPDATE_FIXTURES=1 and check what it writes`);
      if (UPDATE) {
        const previous = existsSync(expectedFile) ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected) : undefined;
        writeFileSync(expectedFile, `${JSON.stringify({ ...actual, ...(previous?.html ? { html: previous.html } : {}) }, null, 2)}\n`);
      }
      const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected;
      expect({ exit: actual.exit, diagnostics: actual.diagnostics }).toEqual({ exit: expected.exit, diagnostics: expected.diagnostics });
      for (const diagnostic of archive.diagnostics) expect(diagnostic.message.length).toBeGreaterThan(10);
      const html = archive.issues.flatMap((issue) => issue.sections.flatMap((section) => section.articles.map((article) => article.html))).join('\n');
      for (const snippet of expected.html ?? []) {
        if (snippet.startsWith('+')) expect(html).toContain(snippet.slice(1));
        else expect(html).not.toContain(snippet.slice(1));
      }
    });
  }
});
