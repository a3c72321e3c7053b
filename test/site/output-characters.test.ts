/**
 * Every text file of a built site holds only characters that XML 1.0 and
 * HTML allow: feeds with a noncharacter or a control character are not
 * well-formed, and a reader rejects the whole feed. Built from the hostile
 * seeds (test/fixtures/hostile-seeds/huoju-dongtai-552.md carries
 * noncharacters, bidirectional controls and zero width spaces in titles,
 * body, notes and source).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from '../support/html.ts';

/** Documents and data; scripts and stylesheets come from public/ and Pagefind, not from seeds (pagefind-highlight.js holds a U+0001 in a string). */
const TEXT_FILES = /\.(?:html|xml|json|txt|bib|ris|svg)$/u;
/** C0 controls but tab and line breaks, C1 controls, noncharacters; lone surrogates show as invalid UTF-8 first. */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{3fffe}\u{3ffff}\u{4fffe}\u{4ffff}\u{5fffe}\u{5ffff}\u{6fffe}\u{6ffff}\u{7fffe}\u{7ffff}\u{8fffe}\u{8ffff}\u{9fffe}\u{9ffff}\u{afffe}\u{affff}\u{bfffe}\u{bffff}\u{cfffe}\u{cffff}\u{dfffe}\u{dffff}\u{efffe}\u{effff}\u{ffffe}\u{fffff}\u{10fffe}\u{10ffff}]/u;
/** What the seed hid in its text and the parser removed: none of it may reach a page. */
const HIDDEN = /[\u200b\u2060\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

async function textFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && TEXT_FILES.test(entry.name)).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('characters in the output of the hostile seeds', () => {
  let site: string;
  let files: string[];
  beforeAll(async () => {
    site = builtSite('hostile');
    files = await textFiles(site);
  });

  it('are well-formed UTF-8 with no code point that XML 1.0 or HTML forbids, in every text file', async () => {
    expect(files.filter((file) => file.endsWith('.xml')).length).toBeGreaterThanOrEqual(3);
    expect(files.filter((file) => file.endsWith('.json')).length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const where = path.relative(site, file);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
      const found = FORBIDDEN.exec(text);
      expect(found && `U+${(found[0].codePointAt(0) ?? 0).toString(16).toUpperCase()} at ${found.index}`, where).toBeNull();
    }
  });

  it('carry none of the invisible or reordering characters the seed hid in its titles, body, notes and source', async () => {
    const issue = await readFile(path.join(site, 'data/issues/552.json'), 'utf8');
    expect(HIDDEN.test(issue)).toBe(false);
    const data = JSON.parse(issue) as { sections: { title: string; articles: { title: string; source: string; parks: string[]; text: string; url: string }[] }[] };
    expect(data.sections.map((section) => [section.title, section.articles.map((article) => [article.title, article.source, article.parks])])).toEqual([
      ['火炬在行动', [['示例文章标题', '佛山高新区', ['佛山高新区']], ['江门高新区动态', '江门高新区', ['江门高新区']]]],
    ]);
    for (const file of files.filter((name) => /\.(?:html|xml)$/u.test(name) && (name.includes('552') || name.endsWith('feed.xml')))) {
      expect(HIDDEN.test(await readFile(file, 'utf8')), path.relative(site, file)).toBe(false);
    }
  });
});
