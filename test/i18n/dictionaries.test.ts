/**
 * The UI dictionaries stay in step: one key set, no empty strings, the same
 * `{placeholders}` in every language, and every key the templates ask for.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json' with { type: 'json' };
import zhCN from '../../src/i18n/zh-CN.json' with { type: 'json' };

const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));
const BROWSER_SEARCH = fileURLToPath(new URL('../../src/browser/search/', import.meta.url));

const dictionaries: Record<string, Record<string, unknown>> = { 'zh-CN': zhCN, en };

const placeholders = (value: string): string[] => [...value.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!).sort();

async function templateFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await templateFiles(full)));
    else if (entry.name.endsWith('.njk')) out.push(full);
  }
  return out.sort();
}

describe('UI dictionaries', () => {
  it('have identical key sets', () => {
    const zhKeys = Object.keys(zhCN).sort();
    const enKeys = Object.keys(en).sort();
    expect(enKeys.filter((key) => !zhKeys.includes(key)), 'keys only in en.json').toEqual([]);
    expect(zhKeys.filter((key) => !enKeys.includes(key)), 'keys only in zh-CN.json').toEqual([]);
    expect(zhKeys.length).toBeGreaterThan(50);
  });

  it('have no empty or non-string values', () => {
    for (const [lang, dictionary] of Object.entries(dictionaries)) {
      for (const [key, value] of Object.entries(dictionary)) {
        expect(typeof value, `${lang} ${key}`).toBe('string');
        expect((value as string).trim(), `${lang} ${key} is empty`).not.toBe('');
      }
    }
  });

  it('use the same {placeholders} for each key', () => {
    const mismatches = Object.keys(zhCN)
      .map((key) => ({ key, zh: placeholders(String((zhCN as Record<string, unknown>)[key])), en: placeholders(String((en as Record<string, unknown>)[key] ?? '')) }))
      .filter(({ zh, en: english }) => zh.join() !== english.join());
    expect(mismatches).toEqual([]);
  });

  it('write English strings in English', () => {
    // Exceptions: the switcher names Chinese in Chinese (rendered with lang="zh-CN"),
    // and the search placeholder suggests Chinese search terms (the content is Chinese).
    const allowed = new Set(['lang.switch', 'search.placeholder']);
    const mixed = Object.entries(en).filter(([key, value]) => !allowed.has(key) && /\p{Script=Han}|[\u3000-\u303f\uff01-\uff60]/u.test(value));
    expect(mixed).toEqual([]);
  });

  it('write English with no full-width punctuation or forms (CJK punctuation, full-width ASCII): those are Chinese typography', () => {
    const fullWidth = /[\u3000-\u303f\uff00-\uffef]/u;
    expect(Object.entries(en).filter(([, value]) => fullWidth.test(value)).map(([key]) => key)).toEqual([]);
    expect(fullWidth.test(zhCN['site.feed'])).toBe(true);
  });

  it('use dotted keys in English', () => {
    for (const key of Object.keys(zhCN)) expect(key).toMatch(/^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/u);
  });

  it('hold every key the templates use', async () => {
    const used = new Set<string>();
    for (const file of await templateFiles(TEMPLATES)) {
      const source = await readFile(file, 'utf8');
      for (const m of source.matchAll(/\bt\[\s*'([^']+)'\s*\]/gu)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const [lang, dictionary] of Object.entries(dictionaries)) {
      expect([...used].filter((key) => !(key in dictionary)), `keys missing from ${lang}`).toEqual([]);
    }
  });

  it('hold every key the search page’s script asks for (the page carries the search.* strings and park.zoneName)', async () => {
    const used = new Set<string>();
    for (const name of await readdir(BROWSER_SEARCH)) {
      const source = await readFile(path.join(BROWSER_SEARCH, name), 'utf8');
      for (const m of source.matchAll(/'((?:search|park)\.[\w.]+)'/gu)) used.add(m[1]!);
    }
    expect([...used]).toEqual(expect.arrayContaining(['search.results', 'search.resultsAll', 'search.error', 'search.none', 'search.mentionsAs', 'park.zoneName']));
    for (const [lang, dictionary] of Object.entries(dictionaries)) {
      expect([...used].filter((key) => !(key in dictionary)), `keys missing from ${lang}`).toEqual([]);
    }
  });
});
