import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEPARATOR, toIndexText } from '../../src/search/index-content.ts';
import { openIndexSession } from '../../src/search/index-session.ts';
import { indexLanguage, recordContent, type SearchRecord } from '../../src/search/search-record.ts';

const record = (url: string, title: string, text: string): SearchRecord => ({
  url,
  title,
  text,
  source: '',
  meta: { issue: '总第549期', column: '创业孵化', date: '2022-11-30' },
  filters: { park: ['江门高新区'], column: ['创业孵化'], year: ['2022'] },
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bulletin-search-build-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Pagefind's files are gzip with a 12-byte signature in front of the payload. */
const readPagefindJson = async (file: string): Promise<unknown> => JSON.parse(gunzipSync(await readFile(file)).subarray(12).toString('utf8'));

async function build(outDir: string, records: SearchRecord[], language = 'zh-CN') {
  const session = openIndexSession(language);
  session.add(records);
  return session.write(join(outDir, 'pagefind'));
}

describe('recordContent', () => {
  it('is the title, a separator position, then the text, in index form', () => {
    expect(recordContent({ title: '江门高新区', text: '首个孵化器。' })).toBe(`江 门 高 新 区 ${SEPARATOR} 首 个 孵 化 器 。`);
    expect(recordContent({ title: '', text: '正文' })).toBe('正 文');
    expect(recordContent({ title: '标题', text: '' })).toBe('标 题');
  });
});

describe('indexLanguage', () => {
  it('lower-cases the canonical code, as Pagefind looks it up in the browser', () => {
    expect(indexLanguage('zh-CN')).toBe('zh-cn');
    expect(indexLanguage('ZH-cn')).toBe('zh-cn');
    expect(indexLanguage('en')).toBe('en');
    expect(() => indexLanguage('not a language')).toThrow(/Not a language code/);
  });
});

describe('openIndexSession', () => {
  it('writes one zh-cn index whose stored content is the index form', async () => {
    const out = join(dir, 'site');
    await mkdir(out);
    const result = await build(out, [record('/base/issues/549/a/', '江门高新区:首个孵化器揭牌', '近日,江门安全应急产业孵化器揭牌。'), record('/base/issues/549/b/', '净月', 'AI 2022年')]);
    expect(result.pages).toBe(2);
    expect(result.ms).toBeGreaterThan(0);
    const pf = join(out, 'pagefind');
    const entry = JSON.parse(await readFile(join(pf, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
    expect(entry.languages['zh-cn']?.page_count).toBe(2);
    const files = (await readdir(pf, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    const fragments = await Promise.all(
      files.filter((f) => f.endsWith('.pf_fragment')).map((f) => readPagefindJson(f) as Promise<{ url: string; content: string; meta: Record<string, string> }>),
    );
    const b = fragments.find((f) => f.url === '/base/issues/549/b/');
    expect(b?.content.replace(/\u200b/g, '')).toBe(`净 月 ${SEPARATOR} ${toIndexText('AI 2022年')}`);
    expect(b?.meta).toEqual({ title: '净月', issue: '总第549期', column: '创业孵化', date: '2022-11-30' });
    // The chunk size reaches the service through its own environment, not this process's.
    expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBeUndefined();
  }, 60_000);

  it('rejects records it cannot index faithfully', async () => {
    const ok = record('/a/', 't', 'x');
    await expect(build(dir, [ok, { ...ok }])).rejects.toThrow(/Duplicate search record URL: \/a\//);
    await expect(build(dir, [{ ...ok, url: 'a/' }])).rejects.toThrow(/site-absolute/);
    await expect(build(dir, [ok], '??')).rejects.toThrow(/Not a language code/);
  });

  it('fails, rather than hangs, when it cannot write the bundle', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    await expect(build(file, [record('/a/', 't', 'x')])).rejects.toThrow(/ENOTDIR|EEXIST/);
  }, 30_000);
});
