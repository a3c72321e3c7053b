/** Pagefind reports most failures in `errors` arrays: each one must stop the build, with Pagefind's message. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  createErrors: [] as string[],
  addErrors: [] as string[],
  writeErrors: [] as string[],
  closed: 0,
  added: [] as unknown[],
  hang: false,
}));

vi.mock('pagefind', () => ({
  createIndex: async () => ({
    errors: fake.createErrors,
    index: {
      addCustomRecord: async (r: unknown) => {
        fake.added.push(r);
        // A service that died: the call is never answered.
        if (fake.hang) return new Promise(() => undefined);
        return { errors: fake.addErrors, file: { uniqueWords: 1, url: '', meta: {} } };
      },
      writeFiles: async ({ outputPath }: { outputPath: string }) => {
        // What the build does next with Pagefind's output: minify its browser script.
        await writeFile(join(outputPath, 'pagefind.js'), 'export const pagefind = 1;\n');
        return { errors: fake.writeErrors, outputPath };
      },
    },
  }),
  close: async () => {
    fake.closed += 1;
    return null;
  },
}));

const { buildSearchIndex } = await import('../../src/search/build-index.ts');
const dir = await mkdtemp(join(tmpdir(), 'search-errors-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const records = [{ url: '/a/', title: '江门', text: '正文', meta: { date: '2022-11-30' }, filters: { park: ['江门高新区'] } }];

beforeEach(() => {
  fake.createErrors = [];
  fake.addErrors = [];
  fake.writeErrors = [];
  fake.closed = 0;
  fake.added = [];
  fake.hang = false;
});

describe('buildSearchIndex with Pagefind errors', () => {
  it('throws createIndex errors', async () => {
    fake.createErrors = ['bad config'];
    await expect(buildSearchIndex({ outDir: dir, records, language: 'zh-CN' })).rejects.toThrow('Pagefind createIndex failed: bad config');
    expect(fake.closed).toBeGreaterThanOrEqual(2);
  });
  it('throws addCustomRecord errors, naming the record', async () => {
    fake.addErrors = ['Index has been deleted from the Pagefind service and no longer exists'];
    await expect(buildSearchIndex({ outDir: dir, records, language: 'zh-CN' })).rejects.toThrow(
      'Pagefind addCustomRecord(/a/) failed: Index has been deleted from the Pagefind service and no longer exists',
    );
  });
  it('throws writeFiles errors', async () => {
    fake.writeErrors = ['disk full', 'and more'];
    await expect(buildSearchIndex({ outDir: dir, records, language: 'zh-CN' })).rejects.toThrow('Pagefind writeFiles failed: disk full; and more');
  });
  it('sends the index form, the lower-cased language, the title as meta and a date sort key', async () => {
    await buildSearchIndex({ outDir: dir, records, language: 'zh-CN' });
    expect(fake.added).toEqual([
      {
        url: '/a/',
        content: '江 门 \u2063 正 文',
        language: 'zh-cn',
        meta: { date: '2022-11-30', title: '江门' },
        filters: { park: ['江门高新区'] },
        sort: { date: '2022-11-30' },
      },
    ]);
  });
  it('gives up on records that get no answer for five minutes, however long the backlog', async () => {
    fake.hang = true;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let settled = false;
      const built = buildSearchIndex({ outDir: dir, records, language: 'zh-CN' }).finally(() => (settled = true));
      const failed = expect(built).rejects.toThrow('Pagefind addCustomRecord made no progress within 300 s (did its service stop?)');
      // Real I/O (the output folder) goes on between the steps of fake time.
      for (let step = 0; step < 100 && !settled; step++) {
        await new Promise((resolve) => setImmediate(resolve));
        await vi.advanceTimersByTimeAsync(10_000);
      }
      await failed;
      expect(fake.closed).toBeGreaterThanOrEqual(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
