/** The indexer worker: records handed over from this thread, the index written there, failures brought back. */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SearchRecord } from '../../src/search/search-record.ts';
import { startIndexer } from '../../src/search/threaded-indexer.ts';

const dir = await mkdtemp(join(tmpdir(), 'bulletin-threaded-indexer-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const record = (url: string, text: string): SearchRecord => ({ url, title: '标题', text, source: '', meta: { date: '2022-11-30' }, filters: { year: ['2022'] } });

describe('startIndexer', () => {
  it('indexes records handed over in several batches and writes the bundle', async () => {
    const index = startIndexer('zh-CN');
    index.add([record('/a/', '江门高新区')]);
    index.add([record('/b/', '佛山高新区'), record('/c/', '净月')]);
    await mkdir(join(dir, 'one'));
    const written = await index.write(join(dir, 'one'));
    expect(written.pages).toBe(3);
    expect(await readdir(join(dir, 'one', 'pagefind'))).toContain('pagefind.js');
  });

  it('reports an invalid record when the index is written, and writes nothing', async () => {
    const index = startIndexer('zh-CN');
    index.add([record('/a/', '正文')]);
    index.add([record('relative/', '正文')]);
    await expect(index.write(join(dir, 'two'))).rejects.toThrow(/site-absolute/u);
    await expect(readdir(join(dir, 'two'))).rejects.toThrow(/ENOENT/u);
  });

  it('reports a language Pagefind cannot be given', async () => {
    const index = startIndexer('??');
    index.add([record('/a/', '正文')]);
    await expect(index.write(join(dir, 'three'))).rejects.toThrow(/Not a language code/u);
  });

  it('can be closed without writing', async () => {
    const index = startIndexer('zh-CN');
    index.add([record('/a/', '正文')]);
    await index.close();
    await expect(index.write(join(dir, 'four'))).rejects.toThrow(/stopped/u);
  });
});
